import type { Config } from './config.ts';
import type { Logger } from './observability/logger.ts';
import { TenantCache } from './upstream/tenant-cache.ts';
import { FlowUpstream } from './upstream/client.ts';
import { createGateway, type Gateway } from './server.ts';

export interface ComposedGateway {
  gateway: Gateway;
  upstream: FlowUpstream;
  tenantCache?: TenantCache;
}

/** Wires the per-process parts (upstream pool, tenant cache) from configuration into a gateway. */
export function composeGateway(config: Config, baseUrl: string, logger: Logger): ComposedGateway {
  const upstream = new FlowUpstream({
    baseUrl,
    timeoutMs: config.UPSTREAM_TIMEOUT_MS,
    connections: config.UPSTREAM_CONNECTIONS,
    maxBodyBytes: config.MAX_UPSTREAM_BODY_BYTES,
    retries: config.UPSTREAM_RETRIES,
    circuit: {
      errorThresholdPercentage: config.CIRCUIT_ERROR_PERCENT,
      volumeThreshold: config.CIRCUIT_VOLUME_THRESHOLD,
      resetTimeoutMs: config.CIRCUIT_RESET_MS,
    },
  });
  const tenantCache = config.DISABLE_LOADERS
    ? undefined
    : new TenantCache({ max: config.TENANT_CACHE_MAX, ttlMs: config.TENANT_CACHE_TTL_MS });
  return { gateway: createGateway({ config, upstream, tenantCache, logger }), upstream, tenantCache };
}
