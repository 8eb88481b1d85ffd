import { createServer } from 'node:http';
import { loadConfig, ConfigError } from './config.ts';
import { FlowUpstream } from './upstream/client.ts';
import { TenantCache } from './resolvers/tenant-cache.ts';
import { createGateway } from './server.ts';
import { startSandbox, type Sandbox } from './sandbox/server.ts';
import { describeDemo } from './sandbox/seed.ts';

async function main() {
  const config = loadConfig();
  // No FLOW_API_URL: run on the embedded sandbox so `npm start` works with no setup.
  const sandbox: Sandbox | undefined = config.FLOW_API_URL ? undefined : await startSandbox({ port: 0 });
  const baseUrl = config.FLOW_API_URL ?? sandbox!.url;
  const upstream = new FlowUpstream({
    baseUrl,
    timeoutMs: config.UPSTREAM_TIMEOUT_MS,
    connections: config.UPSTREAM_CONNECTIONS,
  });
  const tenantCache = new TenantCache({ max: config.TENANT_CACHE_MAX, ttlMs: config.TENANT_CACHE_TTL_MS });
  const gateway = createGateway({ upstream, tenantCache, graphiql: config.GRAPHIQL });
  const server = createServer(gateway);
  await new Promise<void>((resolve) => server.listen(config.PORT, config.HOST, resolve));

  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  console.log(`Flow Retail GraphQL gateway: http://localhost:${port}/graphql (upstream ${baseUrl})`);
  if (sandbox) console.log(describeDemo(sandbox.url));

  const shutdown = async (signal: string) => {
    console.log(`${signal}: shutting down`);
    server.close();
    server.closeIdleConnections();
    await upstream.close();
    await sandbox?.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
