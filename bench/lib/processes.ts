/**
 * The benchmark's child processes (sandbox, gateway, bare yoga): each a separate node process
 * (the gateway compiled, as `npm start` runs it; the others through tsx) on a free loopback port, started, waited for, sampled (RSS, CPU) and stopped.
 * Every child is registered so that the harness can kill what is left on any exit path.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONFIG_VARIABLES } from '../../src/config.ts';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const HOST = '127.0.0.1';

/** Settings of the gateway (src/config.ts) and the sandbox that must not leak in from the caller's shell. */
const OWNED_ENV = [...CONFIG_VARIABLES, 'SANDBOX_LATENCY_MS', 'FLOW_EMBEDDED_SANDBOX_URL', 'NODE_OPTIONS'];

function childEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of OWNED_ENV) delete env[key];
  return { ...env, ...overrides };
}

/** A free loopback port (bound and released; the child binds it right after). */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

export interface Child {
  role: string;
  pid: number;
  port: number;
  /** http://127.0.0.1:PORT */
  origin: string;
  process: ChildProcess;
  /** The last few KB the child wrote to stdout and stderr. */
  output(): string;
  /** The pids of the child and all of its descendants (cluster workers). */
  tree(): number[];
  /** SIGTERM, wait (then SIGKILL the whole tree); resolves with the exit code (null when killed). */
  stop(timeoutMs?: number): Promise<number | null>;
}

const live = new Set<Child>();

/** Kills every child still running (synchronously: safe in an 'exit' handler). */
export function killAllChildren(): void {
  for (const child of live) {
    for (const pid of child.tree().reverse()) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  live.clear();
}

export function descendants(pid: number): number[] {
  const out: number[] = [];
  const walk = (p: number) => {
    out.push(p);
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${p}/task`);
    } catch {
      return;
    }
    for (const tid of tasks) {
      let children = '';
      try {
        children = readFileSync(`/proc/${p}/task/${tid}/children`, 'utf8');
      } catch {
        continue;
      }
      for (const c of children.split(' ').filter(Boolean)) walk(Number(c));
    }
  };
  walk(pid);
  return out;
}

interface SpawnOptions {
  role: string;
  script: string;
  port: number;
  env: Record<string, string>;
  nodeArgs?: string[];
  /** Path (on the child's origin) that answers 200 once the child is ready. */
  readyPath: string;
  readyTimeoutMs?: number;
}

async function spawnChild(opts: SpawnOptions): Promise<Child> {
  // TypeScript sources run through tsx; the gateway runs compiled (dist/), as `npm start` runs it.
  const loader = opts.script.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const proc = spawn(process.execPath, [...(opts.nodeArgs ?? []), ...loader, opts.script], {
    cwd: REPO_ROOT,
    env: childEnv({ ...opts.env, PORT: String(opts.port), HOST }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (chunk: Buffer) => {
    out = (out + chunk.toString()).slice(-8_000);
  };
  proc.stdout.on('data', keep);
  proc.stderr.on('data', keep);
  const exited = new Promise<number | null>((resolveExit) => proc.once('exit', (code) => resolveExit(code)));
  const origin = `http://${HOST}:${opts.port}`;

  const child: Child = {
    role: opts.role,
    pid: proc.pid!,
    port: opts.port,
    origin,
    process: proc,
    output: () => out,
    tree: () => (proc.exitCode === null && proc.signalCode === null ? descendants(proc.pid!) : []),
    async stop(timeoutMs = 8_000) {
      if (proc.exitCode !== null || proc.signalCode !== null) {
        live.delete(child);
        return proc.exitCode;
      }
      const pids = child.tree();
      proc.kill('SIGTERM');
      const timer = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), timeoutMs).unref());
      const result = await Promise.race([exited, timer]);
      // Also make sure no worker outlives its primary.
      for (const pid of pids.slice(1).reverse()) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // exited with its primary
        }
      }
      live.delete(child);
      if (result !== 'timeout') return result;
      console.error(`[bench] ${opts.role} (pid ${proc.pid}) did not exit ${timeoutMs} ms after SIGTERM: SIGKILL`);
      proc.kill('SIGKILL');
      await exited;
      return null;
    },
  };
  live.add(child);

  const deadline = Date.now() + (opts.readyTimeoutMs ?? 30_000);
  for (;;) {
    if (proc.exitCode !== null || proc.signalCode !== null) {
      live.delete(child);
      throw new Error(`${opts.role} exited (${proc.exitCode ?? proc.signalCode}) before it was ready:\n${out}`);
    }
    try {
      const response = await fetch(`${origin}${opts.readyPath}`, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.ok) return child;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await child.stop(1_000);
      throw new Error(`${opts.role} not ready on ${origin}${opts.readyPath} within ${opts.readyTimeoutMs ?? 30_000} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface SandboxChild extends Child {
  /** The REST base URL, http://127.0.0.1:PORT/v2 */
  baseUrl: string;
  latencyMs: number;
}

/** `npm run sandbox` (src/sandbox/main.ts: PORT, HOST, SANDBOX_LATENCY_MS) in its own process. */
export async function startSandboxProcess(latencyMs: number): Promise<SandboxChild> {
  const port = await freePort();
  const child = await spawnChild({
    role: `sandbox (${latencyMs} ms)`,
    script: 'src/sandbox/main.ts',
    port,
    env: { SANDBOX_LATENCY_MS: String(latencyMs) },
    readyPath: '/__sandbox/counters',
  });
  return Object.assign(child, { baseUrl: `${child.origin}/v2`, latencyMs });
}

export interface GatewayOptions {
  role: string;
  sandboxUrl: string;
  env?: Record<string, string>;
  nodeArgs?: string[];
}

/** The node flags of `npm start` (package.json): a smaller young generation keeps peak RSS down. */
const GATEWAY_NODE_ARGS = ['--max-semi-space-size=8'];

/** Compiles the gateway to dist/ (`npm run build`), once per benchmark run. */
export function buildGateway(): void {
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
}

/** The gateway as `npm start` runs it (compiled, production), on the given upstream. Ready when GET /ready answers 200. */
export async function startGatewayProcess(opts: GatewayOptions): Promise<Child> {
  return spawnChild({
    role: opts.role,
    script: 'dist/src/main.js',
    port: await freePort(),
    env: { FLOW_API_URL: opts.sandboxUrl, NODE_ENV: 'production', LOG_LEVEL: 'warn', ...opts.env },
    nodeArgs: [...GATEWAY_NODE_ARGS, ...(opts.nodeArgs ?? [])],
    readyPath: '/ready',
  });
}

/** A redis-server (REDIS_SERVER_BIN or the PATH's) on a free port, without persistence: the shared cache tier of the replicas baseline. */
export async function startRedisServer(): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const proc = spawn(
    process.env.REDIS_SERVER_BIN ?? 'redis-server',
    ['--port', String(port), '--bind', HOST, '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  const exited = new Promise((resolveExit) => proc.once('exit', resolveExit));
  proc.once('error', () => undefined);
  const deadline = Date.now() + 5_000;
  while (!(await pong(port))) {
    if (Date.now() > deadline || proc.exitCode !== null)
      throw new Error('redis-server did not start (install it, or set REDIS_SERVER_BIN)');
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url: `redis://${HOST}:${port}`,
    async stop() {
      proc.kill('SIGTERM');
      await exited;
    },
  };
}

function pong(port: number): Promise<boolean> {
  return new Promise((resolvePong) => {
    const socket = connect(port, HOST, () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolvePong(data.toString().startsWith('+PONG'));
    });
    socket.once('error', () => resolvePong(false));
  });
}

/** bench/bare-yoga.ts: graphql-yoga answering `{ __typename }`, nothing else. */
export async function startBareYogaProcess(): Promise<Child> {
  return spawnChild({
    role: 'bare yoga',
    script: 'bench/bare-yoga.ts',
    port: await freePort(),
    env: { NODE_ENV: 'production' },
    readyPath: '/health',
  });
}

// ---------------------------------------------------------------- resource sampling

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

let clockTicks: number | undefined;
function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/** CPU seconds (user + system) the processes have used so far. */
export function cpuSeconds(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
    } catch {
      // gone
    }
  }
  return ticks / ticksPerSecond();
}

export interface Sample {
  /** Highest sum of VmRSS over the process tree, in MB. */
  peakRssMb: number;
  /** Highest VmRSS of any single process of the tree, in MB. */
  peakProcessRssMb: number;
  processes: number;
}

/** Polls VmRSS of a process tree every 100 ms until stopped. */
export function sampleRss(child: Child): { stop(): Sample } {
  let peak = 0;
  let peakOne = 0;
  let processes = 0;
  const tick = () => {
    const pids = child.tree();
    processes = Math.max(processes, pids.length);
    let sum = 0;
    for (const pid of pids) {
      const kb = statusKb(pid, 'VmRSS');
      sum += kb;
      peakOne = Math.max(peakOne, kb);
    }
    peak = Math.max(peak, sum);
  };
  tick();
  const timer = setInterval(tick, 100);
  return {
    stop() {
      tick();
      clearInterval(timer);
      return { peakRssMb: peak / 1024, peakProcessRssMb: peakOne / 1024, processes };
    },
  };
}

/** VmHWM (peak RSS since start) of every process of the tree, in MB. */
export function highWaterMb(child: Child): number[] {
  return child.tree().map((pid) => statusKb(pid, 'VmHWM') / 1024);
}
