import { clusterPeers } from './cluster-peers.ts';
import type { Config } from './config.ts';
import type { FlowExamples } from './graphiql.ts';
import type { Logger } from './observability/logger.ts';
import { tracingStarted } from './observability/tracing.ts';
import { UpstreamSpans } from './observability/upstream-spans.ts';
import { FlowUpstream } from './upstream/client.ts';
import { RedisTenantTier } from './upstream/redis-tenant-tier.ts';
import { TenantCache } from './upstream/tenant-cache.ts';
import { createGateway, type Gateway } from './server.ts';

export interface ComposedGateway {
  gateway: Gateway;
  upstream: FlowUpstream;
  tenantCache?: TenantCache;
  /** Closes the upstream pool and the Redis connections. */
  close(): Promise<void>;
}

/** Wires the per-process parts (upstream pool, tenant cache and its tiers) from configuration into a gateway. */
export function composeGateway(config: Config, baseUrl: string, logger: Logger, graphiqlExamples?: FlowExamples): ComposedGateway {
  // Tracing is on only once main.ts has started the SDK (an OTLP endpoint is set).
  const upstreamSpans = tracingStarted() ? new UpstreamSpans(baseUrl) : undefined;
  const upstream = new FlowUpstream({
    baseUrl,
    tracer: upstreamSpans,
    timeoutMs: config.UPSTREAM_TIMEOUT_MS,
    connections: config.UPSTREAM_CONNECTIONS,
    maxBodyBytes: config.MAX_UPSTREAM_BODY_BYTES,
    retries: config.UPSTREAM_RETRIES,
    accessTokenHeader: config.UPSTREAM_ACCESS_TOKEN_HEADER,
    circuit: {
      errorThresholdPercentage: config.CIRCUIT_ERROR_PERCENT,
      volumeThreshold: config.CIRCUIT_VOLUME_THRESHOLD,
      resetTimeoutMs: config.CIRCUIT_RESET_MS,
    },
  });
  const tenantCache = config.DISABLE_LOADERS ? undefined : createTenantCache(config, logger);
  return {
    gateway: createGateway({ config, upstream, tenantCache, logger, upstreamSpans, graphiqlExamples }),
    upstream,
    tenantCache,
    async close() {
      tenantCache?.shared?.close();
      await upstream.close();
    },
  };
}

function createTenantCache(config: Config, logger: Logger): TenantCache {
  // Changes made by other workers (node:cluster) and other replicas (Redis pub/sub) land in this process's tier.
  const apply = (change: Parameters<TenantCache['apply']>[0]) => cache.apply(change);
  const shared = config.REDIS_URL
    ? new RedisTenantTier({
        url: config.REDIS_URL,
        timeoutMs: config.REDIS_TIMEOUT_MS,
        ttlMs: config.TENANT_CACHE_TTL_MS,
        onInvalidation: apply,
        onError: (error) => logger.debug({ err: error.message }, 'redis'),
      })
    : undefined;
  const cache: TenantCache = new TenantCache({
    max: config.TENANT_CACHE_MAX,
    ttlMs: config.TENANT_CACHE_TTL_MS,
    keySecret: config.CACHE_KEY_SECRET,
    shared,
    peers: clusterPeers(apply),
  });
  return cache;
}
