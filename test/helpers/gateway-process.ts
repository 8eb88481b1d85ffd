import { spawn, type ChildProcess } from 'node:child_process';
import { waitFor } from './wait.ts';

export interface GatewayProcess {
  child: ChildProcess;
  /** The GraphQL endpoint, e.g. http://127.0.0.1:PORT/graphql */
  url: string;
  origin: string;
  /** Everything the process printed so far. */
  output(): string;
  exited: Promise<number | null>;
  /** SIGTERM (a graceful stop), then SIGKILL if it is still running after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * The gateway as `npm run dev` runs it (src/main.ts through tsx), as its own process.
 * PORT defaults to 0 (a single process prints the port it got); with WEB_CONCURRENCY > 1
 * pass a fixed PORT: the primary prints the configured one.
 */
export async function startGatewayProcess(env: Record<string, string>): Promise<GatewayProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const port = () => /localhost:(\d+)\/graphql/.exec(output)?.[1];
  await waitFor(() => port() !== undefined || child.exitCode !== null, 'the gateway process to listen');
  if (port() === undefined) throw new Error(`The gateway process exited:\n${output}`);
  const origin = `http://127.0.0.1:${port()}`;
  // With workers, the primary prints the address before they listen.
  await waitFor(
    () =>
      fetch(`${origin}/health`).then(
        (response) => response.ok,
        () => false,
      ),
    'the gateway to answer /health',
  );
  return {
    child,
    url: `${origin}/graphql`,
    origin,
    output: () => output,
    exited,
    async stop(graceMs = 5_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}
