import { createHash, createHmac } from 'node:crypto';
import type { RestTenant } from '../spec/schemas.ts';
import { LocalTenantTier, type ReadStamp } from './local-tenant-tier.ts';
import type { Invalidation, RedisTenantTier } from './redis-tenant-tier.ts';

export type { ReadStamp };

/** The other workers of this host (node:cluster); they apply what this one changes before it answers. */
export interface Peers {
  drop(tenantUid: string): Promise<void>;
  forget(caller: string, tenantUid?: string): void;
}

export interface TenantCacheOptions {
  /** Most tenants kept in process. */
  max: number;
  /** How long a tenant's details are served without asking the upstream. */
  ttlMs: number;
  /** When set, caller keys are an HMAC of the token with it (else a plain SHA-256). */
  keySecret?: string;
  /** The tier shared by replicas (Redis), when configured. */
  shared?: RedisTenantTier;
  peers?: Peers;
}

export type CacheTier = 'local' | 'shared';

/** Taken when a read misses: `store` then refuses the answer if the tenant changed meanwhile, here or elsewhere. */
export interface ReadTicket {
  stamp: ReadStamp;
  /** The tenant's version in the shared tier, when it could be read. */
  version?: string;
}

export type Lookup = { tenant: RestTenant; tier: CacheTier } | { ticket: ReadTicket };

/**
 * The tenant-details cache: a tier in each process and, with REDIS_URL, a tier
 * shared by replicas. The key rule that keeps users apart: a tenant is served
 * only to a caller whose token the upstream itself answered for it (GET
 * /tenants/{uid} or GET /tenants); anyone else misses and goes to the
 * upstream, which decides. Keys are one-way (keyed) hashes of tokens.
 *
 * Every copy serves the same truth:
 * - writes win: a drop (after an update) reaches the other workers of this host
 *   before it returns, bumps the tenant's version in the shared tier and is
 *   broadcast to the other replicas; answers of reads that started before it
 *   are refused by every tier;
 * - refusals win: once the upstream refuses a caller (401, or 403 for a
 *   tenant), the caller's authorizations are forgotten, everywhere.
 */
export class TenantCache {
  private readonly local: LocalTenantTier;
  hits = 0;
  misses = 0;

  constructor(private readonly options: TenantCacheOptions) {
    this.local = new LocalTenantTier(options.max, options.ttlMs);
  }

  get shared(): RedisTenantTier | undefined {
    return this.options.shared;
  }

  get size(): number {
    return this.local.size;
  }

  /** The caller's key: never the token itself. */
  keyFor(authorization: string): string {
    const { keySecret } = this.options;
    return (keySecret ? createHmac('sha256', keySecret) : createHash('sha256')).update(authorization).digest('base64url');
  }

  async lookup(caller: string, tenantUid: string): Promise<Lookup> {
    const here = this.local.get(caller, tenantUid);
    if (here) {
      this.hits++;
      return { tenant: here, tier: 'local' };
    }
    this.misses++;
    const stamp = this.local.stamp();
    const shared = await this.options.shared?.read(caller, tenantUid);
    if (shared?.tenant) {
      this.local.set(caller, shared.tenant, stamp, shared.expiresAt);
      return { tenant: shared.tenant, tier: 'shared' };
    }
    return { ticket: { stamp, version: shared?.version } };
  }

  /** Stores what the upstream answered to this caller, in every tier that has not changed since the read began. */
  store(caller: string, tenant: RestTenant, ticket: ReadTicket): void {
    this.local.set(caller, tenant, ticket.stamp);
    if (ticket.version !== undefined) this.options.shared?.write(caller, tenant, ticket.version);
  }

  /** For tenants a list answered (this process only: the shared tier takes only versioned reads). */
  stamp(): ReadStamp {
    return this.local.stamp();
  }

  prime(caller: string, tenant: RestTenant, stamp: ReadStamp): void {
    this.local.set(caller, tenant, stamp);
  }

  /** Forgets the tenant for every caller, in every copy, and refuses answers of reads already under way. */
  async drop(tenantUid: string): Promise<void> {
    this.local.drop(tenantUid);
    await Promise.all([this.options.peers?.drop(tenantUid), this.options.shared?.drop(tenantUid)]);
  }

  /** The upstream refused this caller: for one tenant (403), or altogether (401). */
  forget(caller: string, tenantUid?: string): void {
    this.local.forget(caller, tenantUid);
    this.options.peers?.forget(caller, tenantUid);
    this.options.shared?.forget(caller, tenantUid);
  }

  /** A change another copy made: applied to this process's tier only. */
  apply(change: Invalidation): void {
    if (change.kind === 'drop') this.local.drop(change.tenantUid);
    else this.local.forget(change.caller, change.tenantUid);
  }
}
