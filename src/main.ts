import cluster from 'node:cluster';
import { loadConfig, ConfigError, type Config } from './config.ts';
import { relayPeerChanges } from './cluster-peers.ts';
import { composeGateway } from './compose.ts';
import { createGatewayServer } from './http-server.ts';
import { createLogger } from './observability/logger.ts';
import { startTracing, stopTracing } from './observability/tracing.ts';

/** The embedded sandbox, loaded only when there is no FLOW_API_URL (a real deployment never loads it). */
async function startEmbeddedSandbox() {
  const [{ startSandbox }, { describeDemo }] = await Promise.all([import('./sandbox/server.ts'), import('./sandbox/seed.ts')]);
  const sandbox = await startSandbox({ port: 0 });
  // What npm start prints: the demo identities, and the client kit's example ready to run on them.
  const describe = (gatewayUrl: string) =>
    `${describeDemo(sandbox.url)}\nClient kit example: npx tsx client/example.ts ${gatewayUrl} ${sandbox.url}`;
  return { sandbox, describe };
}

/** GraphiQL's demo tokens and variables: only on the embedded sandbox, never with a real upstream. */
async function demoExamples(config: Config, sandboxUrl: string) {
  if (config.FLOW_API_URL || !config.GRAPHIQL) return undefined;
  const { graphiqlExamples } = await import('./sandbox/graphiql-examples.ts');
  return graphiqlExamples(sandboxUrl);
}

/** Set by the primary for its workers, so all of them share one embedded sandbox. */
const SANDBOX_URL_ENV = 'FLOW_EMBEDDED_SANDBOX_URL';

async function main() {
  const config = loadConfig();
  if (cluster.isPrimary && config.WEB_CONCURRENCY > 1) return startPrimary(config);
  await startWorker(config, process.env[SANDBOX_URL_ENV]);
}

/** WEB_CONCURRENCY > 1: the primary owns the sandbox (if any) and forks workers that share the port. */
async function startPrimary(config: Config) {
  const embedded = config.FLOW_API_URL ? undefined : await startEmbeddedSandbox();
  const sandbox = embedded?.sandbox;
  relayPeerChanges();
  for (let i = 0; i < config.WEB_CONCURRENCY; i++) cluster.fork(sandbox ? { [SANDBOX_URL_ENV]: sandbox.url } : {});
  const url = `http://localhost:${config.PORT}/graphql`;
  console.log(`Flow Retail GraphQL gateway: ${config.WEB_CONCURRENCY} workers on ${url}`);
  if (embedded) console.log(embedded.describe(url));
  let stopping = false;
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  cluster.on('exit', () => {
    if (stopping && Object.keys(cluster.workers ?? {}).length === 0) void sandbox?.close().then(() => process.exit(0));
  });
}

async function startWorker(config: Config, sharedSandboxUrl: string | undefined) {
  const logger = createLogger(config.LOG_LEVEL);
  // No FLOW_API_URL: run on the embedded sandbox so `npm start` works with no setup.
  const embedded = config.FLOW_API_URL || sharedSandboxUrl ? undefined : await startEmbeddedSandbox();
  const sandbox = embedded?.sandbox;
  const baseUrl = config.FLOW_API_URL ?? sharedSandboxUrl ?? sandbox!.url;
  // Before the gateway is built: it installs the tracing hooks only if tracing started.
  await startTracing(config);
  const composed = composeGateway(config, baseUrl, logger, await demoExamples(config, baseUrl));
  const front = createGatewayServer(composed.gateway, { maxInFlight: config.MAX_IN_FLIGHT });
  const { server } = front;
  await new Promise<void>((resolve) => server.listen(config.PORT, config.HOST, resolve));

  if (cluster.isPrimary) {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    const url = `http://localhost:${port}/graphql`;
    console.log(`Flow Retail GraphQL gateway: ${url} (upstream ${baseUrl})`);
    if (embedded) console.log(embedded.describe(url));
  }

  // Graceful shutdown: stop accepting, finish what is in flight (up to the timeout), close the pools.
  const shutdown = async (signal: string) => {
    logger.info({ signal, inFlight: front.inFlight() }, 'shutting down');
    await front.shutdown(config.SHUTDOWN_TIMEOUT_MS);
    await composed.close();
    // Every span has ended once the requests are done: export what is still queued.
    await stopTracing();
    await sandbox?.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
