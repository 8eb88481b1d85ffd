import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { RestTenant } from '../spec/schemas.ts';

/** A change another copy of the gateway made, to apply to this copy's own tier. */
export type Invalidation = { kind: 'drop'; tenantUid: string } | { kind: 'forget'; caller: string; tenantUid?: string };

/** What the shared tier knows about one tenant for one caller. */
export interface SharedRead {
  /** The tenant, when the caller is authorized for it and it is stored. */
  tenant?: RestTenant;
  /** When the caller's authorization expires (epoch ms), with `tenant`. */
  expiresAt?: number;
  /** The tenant's version now: a later write with it is refused if the tenant changed meanwhile. */
  version: string;
}

export interface RedisTierOptions {
  url: string;
  /** Longest wait for any Redis command before going on without it. */
  timeoutMs: number;
  /** How long tenants and authorizations are kept. */
  ttlMs: number;
  /** Invalidations made by other copies of the gateway. */
  onInvalidation: (change: Invalidation) => void;
  onError?: (error: Error) => void;
}

const PREFIX = 'gw:tc:';
const CHANNEL = `${PREFIX}invalidate`;
const VERSION_TTL_MS = 24 * 60 * 60 * 1000;
const keys = {
  tenant: (uid: string) => `${PREFIX}t:${uid}`,
  version: (uid: string) => `${PREFIX}v:${uid}`,
  /** One hash per caller: tenantUid -> when the caller's authorization for it expires. */
  callers: (caller: string) => `${PREFIX}a:${caller}`,
};

/**
 * Stores a tenant and the caller's authorization only if the tenant's version
 * is still the one the read saw: a rename through another replica since then
 * bumped it (writes win, across replicas).
 */
const STORE_IF_UNCHANGED = `
if (redis.call('GET', KEYS[1]) or '0') ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
redis.call('HSET', KEYS[3], ARGV[4], ARGV[5])
redis.call('PEXPIRE', KEYS[3], ARGV[3])
return 1`;

interface StoringRedis extends Redis {
  storeIfUnchanged(versionKey: string, tenantKey: string, callersKey: string, ...args: string[]): Promise<number>;
}

/**
 * The shared tier of the tenant cache, for replicas: tenants and per-caller
 * authorizations in Redis (caller keys are keyed hashes, never tokens), and
 * invalidations broadcast on a pub/sub channel. Redis is never a point of
 * failure: every command is bounded by `timeoutMs`, nothing waits for a
 * connection that is down (no offline queue), every failure is a miss or a
 * no-op, and the client keeps reconnecting.
 */
export class RedisTenantTier {
  private readonly redis: StoringRedis;
  private readonly subscriber: Redis;
  /** Who this copy is on the channel, so it skips its own messages. */
  private readonly origin = randomUUID();
  hits = 0;
  misses = 0;
  errors = 0;

  constructor(private readonly options: RedisTierOptions) {
    const redis = new Redis(options.url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      commandTimeout: options.timeoutMs,
      connectTimeout: 1_000,
      maxRetriesPerRequest: 0,
      // Keep trying: the gateway works without Redis and uses it again as soon as it is back.
      retryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
    });
    redis.defineCommand('storeIfUnchanged', { numberOfKeys: 3, lua: STORE_IF_UNCHANGED });
    this.redis = redis as StoringRedis;
    this.subscriber = redis.duplicate();
    for (const client of [this.redis, this.subscriber]) client.on('error', (error: Error) => this.failed(error));
    this.subscriber.on('message', (_channel: string, message: string) => this.receive(message));
    // Connection failures are retried by retryStrategy; until then, commands fail at once.
    void this.redis.connect().catch(() => undefined);
    void this.subscriber
      .connect()
      .then(() => this.subscriber.subscribe(CHANNEL))
      .catch(() => undefined);
  }

  get ready(): boolean {
    return this.redis.status === 'ready';
  }

  /** The tenant for this caller, or just its version; undefined when Redis cannot answer in time. */
  async read(caller: string, tenantUid: string): Promise<SharedRead | undefined> {
    if (!this.ready) return undefined;
    try {
      const [[, expiresAt], [, json], [, version]] = (await this.redis
        .pipeline()
        .hget(keys.callers(caller), tenantUid)
        .get(keys.tenant(tenantUid))
        .get(keys.version(tenantUid))
        .exec()) as [unknown, string | null][];
      const authorizedUntil = Number(expiresAt ?? 0);
      const hit = json !== null && authorizedUntil > Date.now();
      if (hit) this.hits++;
      else this.misses++;
      return hit
        ? { tenant: JSON.parse(json) as RestTenant, expiresAt: authorizedUntil, version: version ?? '0' }
        : { version: version ?? '0' };
    } catch (error) {
      this.failed(error as Error);
      return undefined;
    }
  }

  /** Stores what the upstream answered to this caller, if the tenant is still at `version`. */
  write(caller: string, tenant: RestTenant, version: string): void {
    if (!this.ready) return;
    const uid = tenant.tenantUid;
    this.redis
      .storeIfUnchanged(
        keys.version(uid),
        keys.tenant(uid),
        keys.callers(caller),
        version,
        JSON.stringify(tenant),
        String(this.options.ttlMs),
        uid,
        String(Date.now() + this.options.ttlMs),
      )
      .catch((error: Error) => this.failed(error));
  }

  /** Forgets the tenant everywhere: bumps its version (refusing writes of reads under way), deletes it, tells the others. */
  async drop(tenantUid: string): Promise<void> {
    if (!this.ready) return;
    try {
      await this.redis
        .multi()
        .incr(keys.version(tenantUid))
        .pexpire(keys.version(tenantUid), VERSION_TTL_MS)
        .del(keys.tenant(tenantUid))
        .publish(CHANNEL, JSON.stringify({ origin: this.origin, drop: tenantUid }))
        .exec();
    } catch (error) {
      this.failed(error as Error);
    }
  }

  /** The upstream refused this caller: forget its authorizations (one tenant, or all), here and in the other copies. */
  forget(caller: string, tenantUid?: string): void {
    if (!this.ready) return;
    const pipeline = this.redis.pipeline();
    if (tenantUid === undefined) pipeline.del(keys.callers(caller));
    else pipeline.hdel(keys.callers(caller), tenantUid);
    pipeline.publish(CHANNEL, JSON.stringify({ origin: this.origin, forget: caller, tenantUid }));
    pipeline.exec().catch((error: Error) => this.failed(error));
  }

  close(): void {
    this.redis.disconnect();
    this.subscriber.disconnect();
  }

  private receive(message: string): void {
    try {
      const change = JSON.parse(message) as { origin?: string; drop?: string; forget?: string; tenantUid?: string };
      if (change.origin === this.origin) return;
      if (typeof change.drop === 'string') this.options.onInvalidation({ kind: 'drop', tenantUid: change.drop });
      else if (typeof change.forget === 'string')
        this.options.onInvalidation({ kind: 'forget', caller: change.forget, tenantUid: change.tenantUid });
    } catch (error) {
      this.failed(error as Error);
    }
  }

  private failed(error: Error): void {
    this.errors++;
    this.options.onError?.(error);
  }
}
