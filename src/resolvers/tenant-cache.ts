import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { RestTenant } from '../upstream/schemas.ts';

export interface TenantCacheOptions {
  /** Most tenants kept. */
  max: number;
  /** How long a tenant's details are served without asking the upstream. */
  ttlMs: number;
  /** Most callers remembered as authorized per tenant (oldest forgotten first). */
  maxCallersPerTenant?: number;
}

interface Entry {
  tenant: RestTenant;
  /** Hashes of the bearer tokens the upstream has authorized for this tenant, with when that expires. */
  callers: Map<string, number>;
}

/** One-way fingerprint of a bearer token; the raw token is never kept. */
export function callerKey(authorization: string): string {
  return createHash('sha256').update(authorization).digest('base64url');
}

/**
 * The shared tenant-details cache (one per process). The key rule that keeps
 * users apart: an entry is served only to a caller whose token the upstream
 * itself answered for this tenant (by GET /tenants/{uid} or GET /tenants).
 * Anyone else misses and goes to the upstream, which decides. `drop` removes
 * the tenant for every caller, so an update is seen by the next read.
 */
export class TenantCache {
  private readonly entries: LRUCache<string, Entry>;
  private readonly maxCallers: number;
  private readonly ttlMs: number;
  hits = 0;
  misses = 0;

  constructor(options: TenantCacheOptions) {
    this.entries = new LRUCache({ max: options.max, ttl: options.ttlMs });
    this.maxCallers = options.maxCallersPerTenant ?? 1000;
    this.ttlMs = options.ttlMs;
  }

  get(caller: string, tenantUid: string): RestTenant | undefined {
    const entry = this.entries.get(tenantUid);
    const hit = entry !== undefined && (entry.callers.get(caller) ?? 0) > Date.now();
    if (hit) this.hits++;
    else this.misses++;
    return hit ? entry.tenant : undefined;
  }

  /** Stores what the upstream answered to this caller. */
  set(caller: string, tenant: RestTenant): void {
    // Fresher data replaces the old; each caller's authorization keeps its own
    // expiry, so one caller's refresh never extends another's.
    const callers = this.entries.get(tenant.tenantUid)?.callers ?? new Map<string, number>();
    callers.delete(caller);
    callers.set(caller, Date.now() + this.ttlMs);
    if (callers.size > this.maxCallers) callers.delete(callers.keys().next().value as string);
    this.entries.set(tenant.tenantUid, { tenant, callers });
  }

  get size(): number {
    return this.entries.size;
  }

  drop(tenantUid: string): void {
    this.entries.delete(tenantUid);
  }
}
