import { LRUCache } from 'lru-cache';
import type { RestTenant } from '../spec/schemas.ts';

interface Entry {
  tenant: RestTenant;
  /** Keys of the callers the upstream has authorized for this tenant, with when that expires. */
  callers: Map<string, number>;
}

/** Taken before a read goes upstream; `set` refuses the answer if the tenant was dropped since. */
export type ReadStamp = number;

/**
 * The in-process tier of the tenant cache: tenants in an LRU, each with the
 * callers authorized for it. Writes win: `drop` also refuses every answer of a
 * read that started before it (by the stamp taken when it began), so a slow
 * read cannot put the old tenant back.
 */
export class LocalTenantTier {
  private readonly entries: LRUCache<string, Entry>;
  /** A clock that ticks on every drop; reads remember its value when they start. */
  private clock = 0;
  /** Tenant -> clock value of its last drop (bounded; see dropFloor). */
  private readonly drops: LRUCache<string, number>;
  /** The newest drop `drops` has forgotten: a read older than it is refused for any tenant. */
  private dropFloor = 0;

  constructor(
    max: number,
    private readonly ttlMs: number,
    private readonly maxCallersPerTenant = 1_000,
  ) {
    this.entries = new LRUCache({ max, ttl: ttlMs });
    this.drops = new LRUCache({
      max: 10_000,
      dispose: (stamp) => {
        this.dropFloor = Math.max(this.dropFloor, stamp);
      },
    });
  }

  get(caller: string, tenantUid: string): RestTenant | undefined {
    const entry = this.entries.get(tenantUid);
    return entry !== undefined && (entry.callers.get(caller) ?? 0) > Date.now() ? entry.tenant : undefined;
  }

  stamp(): ReadStamp {
    return this.clock;
  }

  /** Stores what the upstream answered to this caller, unless the tenant was dropped after the read began. */
  set(caller: string, tenant: RestTenant, stamp: ReadStamp, expiresAt = Date.now() + this.ttlMs): void {
    const uid = tenant.tenantUid;
    if (stamp < this.dropFloor || stamp < (this.drops.get(uid) ?? 0)) return;
    // Each caller's authorization keeps its own expiry, so one caller's refresh never extends another's.
    const callers = this.entries.get(uid)?.callers ?? new Map<string, number>();
    callers.delete(caller);
    callers.set(caller, expiresAt);
    if (callers.size > this.maxCallersPerTenant) callers.delete(callers.keys().next().value as string);
    this.entries.set(uid, { tenant, callers });
  }

  get size(): number {
    return this.entries.size;
  }

  drop(tenantUid: string): void {
    this.entries.delete(tenantUid);
    this.drops.set(tenantUid, ++this.clock);
  }

  forget(caller: string, tenantUid?: string): void {
    if (tenantUid !== undefined) {
      this.entries.get(tenantUid)?.callers.delete(caller);
      return;
    }
    for (const entry of this.entries.values()) entry.callers.delete(caller);
  }
}
