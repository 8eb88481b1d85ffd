import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLClient } from 'graphql-request';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox/server.ts';
import { FlowUpstream, type UpstreamOptions } from '../../src/upstream/client.ts';
import { TenantCache } from '../../src/resolvers/tenant-cache.ts';
import { createGateway, type GatewayDeps } from '../../src/server.ts';

export interface TestGateway {
  url: string;
  sandbox: Sandbox;
  upstream: FlowUpstream;
  tenantCache: TenantCache;
  /** A graphql-request client sending `Authorization: Bearer <token>` (none when token is undefined). */
  client(token?: string, headers?: Record<string, string>): GraphQLClient;
  close(): Promise<void>;
}

export interface TestGatewayOptions {
  sandbox?: SandboxOptions;
  upstream?: Partial<UpstreamOptions>;
  gateway?: Partial<GatewayDeps>;
  tenantCacheTtlMs?: number;
}

/** The sandbox and the gateway, each on its own loopback port 0, talking real HTTP. */
export async function startTestGateway(options: TestGatewayOptions = {}): Promise<TestGateway> {
  const sandbox = await startSandbox({ port: 0, ...options.sandbox });
  const upstream = new FlowUpstream({ baseUrl: sandbox.url, timeoutMs: 2_000, ...options.upstream });
  const tenantCache = new TenantCache({ max: 100, ttlMs: options.tenantCacheTtlMs ?? 60_000 });
  const yoga = createGateway({ upstream, tenantCache, ...options.gateway });
  const server: Server = createServer(yoga);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return {
    url,
    sandbox,
    upstream,
    tenantCache,
    client: (token, headers = {}) =>
      new GraphQLClient(url, { headers: token ? { authorization: `Bearer ${token}`, ...headers } : headers }),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await upstream.close();
      await sandbox.close();
    },
  };
}
