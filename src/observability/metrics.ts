import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { CallInfo, FlowUpstream } from '../upstream/client.ts';
import type { TenantCache } from '../upstream/tenant-cache.ts';

/** The gateway's own Prometheus metrics (GraphQL request metrics come from yoga's prometheus plugin). */
export class GatewayMetrics {
  readonly registry = new Registry();
  private readonly upstreamDuration: Histogram<'operation' | 'status'>;

  constructor(upstream: FlowUpstream) {
    collectDefaultMetrics({ register: this.registry });
    this.upstreamDuration = new Histogram({
      name: 'flow_upstream_call_duration_seconds',
      help: 'Duration of REST calls to the Flow Retail API, by operationId and HTTP status (or error kind).',
      labelNames: ['operation', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    new Gauge({
      name: 'flow_upstream_circuit_open',
      help: 'Circuit breaker state of the upstream: 0 closed, 0.5 half-open, 1 open.',
      registers: [this.registry],
      collect() {
        const state = upstream.circuit.state;
        this.set(state === 'open' ? 1 : state === 'half-open' ? 0.5 : 0);
      },
    });
  }

  observeCall(info: CallInfo): void {
    if (info.cached) return;
    this.upstreamDuration.observe({ operation: info.operationId, status: String(info.status ?? info.errorKind) }, info.durationMs / 1000);
  }

  /** The parsed/compiled document cache's size, read at scrape time. */
  watchDocumentCache(cache: { readonly size: number; readonly bytes: number }): void {
    new Gauge({
      name: 'gateway_document_cache_entries',
      help: 'Documents held parsed, validated and compiled (filled only by verified callers).',
      registers: [this.registry],
      collect() {
        this.set(cache.size);
      },
    });
    new Gauge({
      name: 'gateway_document_cache_bytes',
      help: 'Estimated memory of the document cache, in bytes (bounded by DOCUMENT_CACHE_MAX_BYTES).',
      registers: [this.registry],
      collect() {
        this.set(cache.bytes);
      },
    });
  }

  /** Exposes the cache's counters per tier, and the shared tier's state (read at scrape time, so the hot path pays nothing). */
  watchTenantCache(cache: TenantCache): void {
    const shared = cache.shared;
    const counts = () => ({
      local: { hit: cache.hits, miss: cache.misses },
      shared: { hit: shared?.hits ?? 0, miss: shared?.misses ?? 0 },
    });
    let seen = counts();
    new Counter({
      name: 'flow_tenant_cache_lookups_total',
      help: 'Tenant-details cache lookups, by tier (local: this process, shared: Redis) and result (hit or miss).',
      labelNames: ['tier', 'result'],
      registers: [this.registry],
      collect() {
        const now = counts();
        for (const tier of ['local', 'shared'] as const) {
          for (const result of ['hit', 'miss'] as const) this.inc({ tier, result }, now[tier][result] - seen[tier][result]);
        }
        seen = now;
      },
    });
    new Gauge({
      name: 'flow_tenant_cache_size',
      help: "Tenants held in this process's tier of the tenant-details cache.",
      registers: [this.registry],
      collect() {
        this.set(cache.size);
      },
    });
    if (!shared) return;
    new Gauge({
      name: 'gateway_redis_up',
      help: 'Whether the shared cache tier (Redis) is connected and ready: 1 or 0. The gateway serves either way.',
      registers: [this.registry],
      collect() {
        this.set(shared.ready ? 1 : 0);
      },
    });
    let errorsSeen = 0;
    new Counter({
      name: 'gateway_redis_errors_total',
      help: 'Redis commands and connections that failed or timed out (each fell back to the process tier and the upstream).',
      registers: [this.registry],
      collect() {
        this.inc(shared.errors - errorsSeen);
        errorsSeen = shared.errors;
      },
    });
  }
}
