/** `npm run sandbox`: serves the sandbox on $PORT (default 4010) and prints the demo identities. */
import { startSandbox } from './server.ts';
import { describeDemo } from './seed.ts';

const port = Number(process.env.PORT ?? 4010);
const latencyMs = Number(process.env.SANDBOX_LATENCY_MS ?? 0);
const sandbox = await startSandbox({ port, host: process.env.HOST ?? '127.0.0.1', latencyMs });

console.log(describeDemo(sandbox.url));
console.log(
  `Control endpoints: ${sandbox.url.replace(/\/v2$/, '')}/__sandbox/{counters,counters/reset,faults,reset,invites,tokens/revoke}`,
);

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    void sandbox.close().then(() => process.exit(0));
  });
}
