import { Redis } from 'ioredis';
import { Agent } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../src/sandbox/server.ts';
import { DEMO } from '../src/sandbox/seed.ts';
import { startGatewayProcess, type GatewayProcess } from './helpers/gateway-process.ts';
import { metric, postRaw } from './helpers/http.ts';
import { freePort } from './helpers/ports.ts';
import { startRedis, type RedisServer } from './helpers/redis.ts';
import { waitFor } from './helpers/wait.ts';

/**
 * Several copies of the gateway serve the same truth: real gateway processes, a
 * real redis-server on a free port, and the sandbox as the upstream.
 */
const { alpha, beta } = DEMO.tenants;
const ADMIN = `Bearer ${DEMO.tokens.admin}`;
// A new connection per request, so that node:cluster spreads requests over its workers.
const fresh = new Agent({ keepAlive: false });

async function nameVia(gateway: GatewayProcess, tenantUid: string, authorization = ADMIN): Promise<unknown> {
  const { json } = await postRaw(gateway.url, { query: `{ tenant(tenantUid: "${tenantUid}") { name } }` }, { authorization }, fresh);
  expect(json.errors).toBeUndefined();
  return (json.data as { tenant: { name: string } }).tenant.name;
}

async function rename(gateway: GatewayProcess, tenantUid: string, name: string): Promise<void> {
  const mutation = `mutation($uid: ID!, $name: String!) { updateTenant(tenantUid: $uid, input: { name: $name }) { name } }`;
  const { json } = await postRaw(gateway.url, { query: mutation, variables: { uid: tenantUid, name } }, { authorization: ADMIN }, fresh);
  expect(json.errors).toBeUndefined();
}

describe('replicas sharing a Redis tier', () => {
  let sandbox: Sandbox;
  let redis: RedisServer;
  let a: GatewayProcess;
  let b: GatewayProcess;
  beforeAll(async () => {
    [sandbox, redis] = await Promise.all([startSandbox({ port: 0 }), startRedis()]);
    const env = {
      FLOW_API_URL: sandbox.url,
      REDIS_URL: redis.url,
      CACHE_KEY_SECRET: 'replica-test-secret-0123456789',
      READY_CACHE_MS: '0',
    };
    [a, b] = await Promise.all([startGatewayProcess(env), startGatewayProcess(env)]);
    await waitFor(
      async () => (await metric(a.origin, 'gateway_redis_up')) === 1 && (await metric(b.origin, 'gateway_redis_up')) === 1,
      'both replicas to connect to Redis',
    );
  }, 40_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await redis?.stop();
    await sandbox?.close();
  });

  it('a tenant read through one replica is served to the same caller by another with no upstream call', async () => {
    sandbox.counters.reset();
    expect(await nameVia(a, beta)).toEqual(expect.any(String));
    expect(sandbox.counters.get('get-tenants-details')).toBe(1);
    expect(await nameVia(b, beta)).toEqual(expect.any(String));
    expect(sandbox.counters.get('get-tenants-details')).toBe(1);
    expect(await metric(b.origin, 'flow_tenant_cache_lookups_total{tier="shared",result="hit"}')).toBeGreaterThan(0);
    // Another caller is not served what the admin was authorized for: the upstream decides.
    const other = await postRaw(
      b.url,
      { query: `{ tenant(tenantUid: "${beta}") { name } }` },
      { authorization: `Bearer ${DEMO.tokens.other}` },
      fresh,
    );
    expect(other.json.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(sandbox.counters.get('get-tenants-details')).toBe(2);
  });

  it('a rename through one replica is read fresh through the other', async () => {
    const before = await nameVia(a, alpha);
    expect(await nameVia(b, alpha)).toBe(before); // both replicas now hold it
    await rename(a, alpha, 'Renamed through replica A');
    expect(await nameVia(b, alpha)).toBe('Renamed through replica A');
    expect(await nameVia(a, alpha)).toBe('Renamed through replica A');
  });

  it('keeps tokens out of Redis: keys and values hold only keyed hashes', async () => {
    const client = new Redis(redis.url);
    try {
      const keys = await client.keys('*');
      expect(keys.length).toBeGreaterThan(0);
      const contents = await Promise.all(
        keys.map(async (key) =>
          (await client.type(key)) === 'hash' ? JSON.stringify(await client.hgetall(key)) : String(await client.get(key)),
        ),
      );
      const stored = [...keys, ...contents].join('\n');
      for (const token of Object.values(DEMO.tokens)) expect(stored).not.toContain(token);
    } finally {
      client.disconnect();
    }
  });

  it('fails no request while Redis is down, stays ready, and uses Redis again once it is back', async () => {
    const errorsBefore = (await metric(a.origin, 'gateway_redis_errors_total')) ?? 0;
    await redis.stop();
    for (let i = 0; i < 5; i++) {
      expect(await nameVia(a, alpha)).toEqual(expect.any(String));
      expect(await nameVia(b, beta)).toEqual(expect.any(String));
    }
    expect((await fetch(`${a.origin}/ready`)).status).toBe(200);
    expect(await metric(a.origin, 'gateway_redis_up')).toBe(0);
    // The outage is counted (the reconnect attempts fail while it lasts).
    await expect.poll(() => metric(a.origin, 'gateway_redis_errors_total'), { timeout: 5_000 }).toBeGreaterThan(errorsBefore);
    await redis.start();
    await expect.poll(() => metric(a.origin, 'gateway_redis_up'), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => metric(b.origin, 'gateway_redis_up'), { timeout: 10_000 }).toBe(1);
    // The tier works again: a rename is seen across replicas.
    await nameVia(b, alpha);
    await rename(a, alpha, 'Renamed after Redis came back');
    expect(await nameVia(b, alpha)).toBe('Renamed after Redis came back');
  });
});

describe('the workers of one host (WEB_CONCURRENCY=2, no Redis)', () => {
  let sandbox: Sandbox;
  let gateway: GatewayProcess;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
    gateway = await startGatewayProcess({ FLOW_API_URL: sandbox.url, WEB_CONCURRENCY: '2', PORT: String(await freePort()) });
  }, 30_000);
  afterAll(async () => {
    await gateway?.stop();
    await sandbox?.close();
  });

  it('every read after a rename returns the new name, whichever worker serves it', async () => {
    // Each worker loads the tenant once and then keeps it, so a second upstream read means the
    // second worker serves too (the gateway answers /health as soon as the first one listens).
    sandbox.counters.reset();
    await waitFor(async () => {
      await nameVia(gateway, alpha);
      return sandbox.counters.get('get-tenants-details') === 2;
    }, 'both workers to serve reads');
    const before = await Promise.all(Array.from({ length: 20 }, () => nameVia(gateway, alpha)));
    expect(new Set(before).size).toBe(1);
    expect(sandbox.counters.get('get-tenants-details')).toBe(2);
    await rename(gateway, alpha, 'Renamed on one worker');
    const after = await Promise.all(Array.from({ length: 20 }, () => nameVia(gateway, alpha)));
    expect(after.filter((name) => name !== 'Renamed on one worker')).toEqual([]);
  });
});
