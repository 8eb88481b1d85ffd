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

  /** Exposes the cache's counters (read at scrape time, so the hot path pays nothing). */
  watchTenantCache(cache: TenantCache): void {
    let seen = { hit: 0, miss: 0 };
    new Counter({
      name: 'flow_tenant_cache_lookups_total',
      help: 'Tenant-details cache lookups, by result (hit or miss).',
      labelNames: ['result'],
      registers: [this.registry],
      collect() {
        this.inc({ result: 'hit' }, cache.hits - seen.hit);
        this.inc({ result: 'miss' }, cache.misses - seen.miss);
        seen = { hit: cache.hits, miss: cache.misses };
      },
    });
    new Gauge({
      name: 'flow_tenant_cache_size',
      help: 'Tenants held in the tenant-details cache.',
      registers: [this.registry],
      collect() {
        this.set(cache.size);
      },
    });
  }
}
