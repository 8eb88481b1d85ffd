// Runs before `npm test` (the `pretest` script): the Redis tests start a real
// redis-server on a free port, so one must be installed. It looks for it in
// REDIS_SERVER_BIN, then on the PATH (or accepts an external REDIS_URL); when
// there is none it installs Debian's redis-server if it can (root with
// apt-get, as on CI), and otherwise stops with one line saying what to install.
import { execFileSync, spawnSync } from 'node:child_process';

const found = (command: string): string => spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).stdout.trim();

function redisServer(): string {
  if (process.env.REDIS_SERVER_BIN) return process.env.REDIS_SERVER_BIN;
  return found('redis-server') || (found('/usr/bin/redis-server') && '/usr/bin/redis-server');
}

if (process.env.REDIS_URL || redisServer()) process.exit(0);

const root = typeof process.getuid === 'function' && process.getuid() === 0;
if (!root || !found('apt-get')) {
  console.error(
    'The Redis tests need redis-server: install it (Debian/Ubuntu: apt-get install redis-server, macOS: brew install redis), or set REDIS_SERVER_BIN or REDIS_URL.',
  );
  process.exit(1);
}
console.log('Installing redis-server from Debian (needed by the Redis tests)...');
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'redis-server'], { stdio: 'inherit', env });
if (!redisServer()) {
  console.error('apt-get ran but redis-server is still not on the PATH: install it by hand or set REDIS_SERVER_BIN.');
  process.exit(1);
}
