import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { RestTenant } from '../spec/schemas.ts';

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

/** Taken before a read goes upstream; `set` refuses the answer if the tenant was dropped since. */
export type ReadStamp = number;

/**
 * The shared tenant-details cache (one per process). The key rule that keeps
 * users apart: an entry is served only to a caller whose token the upstream
 * itself answered for this tenant (by GET /tenants/{uid} or GET /tenants).
 * Anyone else misses and goes to the upstream, which decides.
 *
 * Two rules keep it truthful:
 * - writes win: `drop` (after an update) also refuses every answer of a read
 *   that started before it, so a slow read cannot re-cache the old tenant;
 * - refusals win: once the upstream refuses a caller (401, or 403 for a
 *   tenant), the caller's authorizations are forgotten at once.
 */
export class TenantCache {
  private readonly entries: LRUCache<string, Entry>;
  private readonly maxCallers: number;
  private readonly ttlMs: number;
  /** A clock that ticks on every drop; reads remember its value when they start. */
  private clock = 0;
  /** Tenant -> clock value of its last drop (bounded; see dropFloor). */
  private readonly drops: LRUCache<string, number>;
  /** The newest drop `drops` has forgotten: a read older than it is refused for any tenant. */
  private dropFloor = 0;
  hits = 0;
  misses = 0;

  constructor(options: TenantCacheOptions) {
    this.entries = new LRUCache({ max: options.max, ttl: options.ttlMs });
    this.maxCallers = options.maxCallersPerTenant ?? 1000;
    this.ttlMs = options.ttlMs;
    this.drops = new LRUCache({
      max: 10_000,
      dispose: (stamp) => {
        this.dropFloor = Math.max(this.dropFloor, stamp);
      },
    });
  }

  get(caller: string, tenantUid: string): RestTenant | undefined {
    const entry = this.entries.get(tenantUid);
    const hit = entry !== undefined && (entry.callers.get(caller) ?? 0) > Date.now();
    if (hit) this.hits++;
    else this.misses++;
    return hit ? entry.tenant : undefined;
  }

  /** Call before reading a tenant upstream; hand the stamp to `set` with the answer. */
  stamp(): ReadStamp {
    return this.clock;
  }

  /** Stores what the upstream answered to this caller, unless the tenant was dropped after the read began. */
  set(caller: string, tenant: RestTenant, stamp: ReadStamp): void {
    const uid = tenant.tenantUid;
    if (stamp < this.dropFloor || stamp < (this.drops.get(uid) ?? 0)) return;
    // Each caller's authorization keeps its own expiry, so one caller's refresh never extends another's.
    const callers = this.entries.get(uid)?.callers ?? new Map<string, number>();
    callers.delete(caller);
    callers.set(caller, Date.now() + this.ttlMs);
    if (callers.size > this.maxCallers) callers.delete(callers.keys().next().value as string);
    this.entries.set(uid, { tenant, callers });
  }

  get size(): number {
    return this.entries.size;
  }

  /** Forgets the tenant for every caller and refuses answers of reads already under way. */
  drop(tenantUid: string): void {
    this.entries.delete(tenantUid);
    this.drops.set(tenantUid, ++this.clock);
  }

  /** The upstream refused this caller: for one tenant (403), or altogether (401). */
  forget(caller: string, tenantUid?: string): void {
    if (tenantUid !== undefined) {
      this.entries.get(tenantUid)?.callers.delete(caller);
      return;
    }
    for (const entry of this.entries.values()) entry.callers.delete(caller);
  }
}
