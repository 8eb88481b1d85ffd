import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { Writable } from 'node:stream';
import { GraphQLClient } from 'graphql-request';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox/server.ts';
import { graphiqlExamples } from '../../src/sandbox/graphiql-examples.ts';
import { loadConfig } from '../../src/config.ts';
import { composeGateway } from '../../src/compose.ts';
import { createGatewayServer } from '../../src/http-server.ts';
import { createLogger } from '../../src/observability/logger.ts';
import type { FlowUpstream } from '../../src/upstream/client.ts';
import type { TenantCache } from '../../src/upstream/tenant-cache.ts';

export interface TestGateway {
  /** The GraphQL endpoint, e.g. http://127.0.0.1:PORT/graphql */
  url: string;
  /** The gateway's origin, for the non-GraphQL routes (/health, /ready, /metrics). */
  origin: string;
  sandbox: Sandbox;
  upstream: FlowUpstream;
  tenantCache?: TenantCache;
  /** Every log line the gateway wrote, parsed. */
  logs: Record<string, unknown>[];
  /** A graphql-request client sending `Authorization: Bearer <token>` (none when token is undefined). */
  client: (token?: string, headers?: Record<string, string>) => GraphQLClient;
  close: () => Promise<void>;
}

export interface TestGatewayOptions {
  sandbox?: SandboxOptions;
  /** Environment overrides, as in production (e.g. { UPSTREAM_TIMEOUT_MS: '300' }). */
  env?: Record<string, string>;
  /** Point the gateway somewhere other than the sandbox (e.g. a recording proxy in front of it). */
  upstreamUrl?: string;
  /** GraphiQL's tabs with the sandbox's demo tokens and variables, as `npm start` on the embedded sandbox has them. */
  graphiqlExamples?: boolean;
}

/** The sandbox and the gateway, each on its own loopback port 0, talking real HTTP. */
export async function startTestGateway(options: TestGatewayOptions = {}): Promise<TestGateway> {
  const sandbox = await startSandbox({ port: 0, ...options.sandbox });
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'debug',
    UPSTREAM_TIMEOUT_MS: '2000',
    UPSTREAM_RETRIES: '0',
    CIRCUIT_VOLUME_THRESHOLD: '1000',
    ...options.env,
  });
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) if (line) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const composed = composeGateway(
    config,
    options.upstreamUrl ?? sandbox.url,
    createLogger(config.LOG_LEVEL, sink),
    options.graphiqlExamples ? graphiqlExamples(sandbox.url) : undefined,
  );
  const { gateway, upstream, tenantCache } = composed;
  const { server } = createGatewayServer(gateway, { maxInFlight: config.MAX_IN_FLIGHT });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const url = `${origin}/graphql`;
  return {
    url,
    origin,
    sandbox,
    upstream,
    tenantCache,
    logs,
    client: (token, headers = {}) =>
      new GraphQLClient(url, { headers: token ? { authorization: `Bearer ${token}`, ...headers } : headers }),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await composed.close();
      await sandbox.close();
    },
  };
}

/**
 * One gateway per test file (started in beforeAll, closed after the file) with the sandbox's faults
 * cleared and counters zeroed before each test. Its members are looked up when used, so the
 * returned object can be taken at load time.
 */
export function useTestGateway(options: TestGatewayOptions = {}): TestGateway {
  let started: TestGateway | undefined;
  beforeAll(async () => {
    started = await startTestGateway(options);
  });
  afterAll(() => started?.close());
  beforeEach(() => {
    started?.sandbox.faults.clear();
    started?.sandbox.counters.reset();
  });
  return new Proxy({} as TestGateway, {
    get(_, key) {
      if (!started) throw new Error('The gateway starts in beforeAll: use it inside tests and hooks');
      return started[key as keyof TestGateway];
    },
  });
}
