import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox } from '../src/sandbox/server.ts';
import { DEMO } from '../src/sandbox/seed.ts';
import { startTestGateway, type TestGateway } from './helpers/gateway.ts';
import { run as settle } from './helpers/graphql.ts';
import { freePort } from './helpers/ports.ts';

const ME = '{ me { defaultTenantUid } }';
const ME_AND_TENANT = `{ me { defaultTenantUid memberships { tenantUid tenant { name } } } }`;

describe('upstream faults', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ env: { UPSTREAM_TIMEOUT_MS: '300', TENANT_CACHE_TTL_MS: '0' } });
  });
  afterAll(() => gw.close());
  beforeEach(() => {
    gw.sandbox.faults.clear();
    gw.sandbox.counters.reset();
  });

  it('a slow upstream gives UPSTREAM_TIMEOUT after the per-call timeout, not a hang', async () => {
    gw.sandbox.faults.set('get-account', { latencyMs: 2_000 });
    const started = performance.now();
    const { data, errors } = await settle<{ me: null }>(gw.client(DEMO.tokens.admin), ME);
    expect(performance.now() - started).toBeLessThan(1_500);
    expect(data?.me).toBeNull();
    expect(errors?.[0].extensions?.code).toBe('UPSTREAM_TIMEOUT');
  });

  it.each([500, 502, 503])('an upstream %i gives UPSTREAM_UNAVAILABLE with the status', async (status) => {
    gw.sandbox.faults.set('get-account', { status });
    const { errors } = await settle(gw.client(DEMO.tokens.admin), ME);
    expect(errors?.[0].extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', status });
    expect(errors?.[0].extensions?.logId).toEqual(expect.any(String));
  });

  it('a dropped connection gives UPSTREAM_UNAVAILABLE', async () => {
    gw.sandbox.faults.set('get-account', { drop: true });
    const { errors } = await settle(gw.client(DEMO.tokens.admin), ME);
    expect(errors?.[0].extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
  });

  it('malformed upstream JSON gives UPSTREAM_ERROR with the upstream status', async () => {
    gw.sandbox.faults.set('get-account', { malformedJson: true });
    const { errors } = await settle(gw.client(DEMO.tokens.admin), ME);
    expect(errors?.[0].extensions).toMatchObject({ code: 'UPSTREAM_ERROR', status: 200 });
  });

  it('a failing nested call gives partial data with the error at its path', async () => {
    gw.sandbox.faults.set('get-tenants-details', { status: 503 });
    const { data, errors } = await settle<{ me: { memberships: { tenantUid: string; tenant: null }[] } }>(
      gw.client(DEMO.tokens.admin),
      ME_AND_TENANT,
    );
    expect(data?.me.memberships.length).toBeGreaterThan(0);
    expect(data?.me.memberships.every((m) => m.tenant === null)).toBe(true);
    expect(errors?.[0].path).toEqual(['me', 'memberships', 0, 'tenant']);
    expect(errors?.[0].extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
  });
});

describe('retries and the circuit breaker', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({
      env: { UPSTREAM_RETRIES: '2', CIRCUIT_VOLUME_THRESHOLD: '5', CIRCUIT_ERROR_PERCENT: '50', CIRCUIT_RESET_MS: '400' },
    });
  });
  afterAll(() => gw.close());
  beforeEach(() => {
    gw.sandbox.faults.clear();
    gw.sandbox.counters.reset();
  });

  it('retries a GET after a transient 503 and answers with data', async () => {
    gw.sandbox.faults.set('get-account', { status: 503, times: 1 });
    const { data, errors } = await settle<{ me: { defaultTenantUid: string } }>(gw.client(DEMO.tokens.admin), ME);
    expect(errors).toBeUndefined();
    expect(data?.me.defaultTenantUid).toEqual(expect.any(String));
    expect(gw.sandbox.counters.get('get-account')).toBe(2);
  });

  it('never retries a mutation', async () => {
    gw.sandbox.faults.set('put-account', { status: 503, times: 1 });
    const { errors } = await settle(
      gw.client(DEMO.tokens.admin),
      `mutation { updateAccount(input: { defaultTenantUid: "${DEMO.tenants.beta}" }) { defaultTenantUid } }`,
    );
    expect(errors?.[0].extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(gw.sandbox.counters.get('put-account')).toBe(1);
  });

  it('a dead upstream trips the circuit: fast UPSTREAM_UNAVAILABLE without calls, then recovery', async () => {
    gw.sandbox.faults.set('get-account', { status: 500 });
    for (let i = 0; i < 5; i++) await settle(gw.client(DEMO.tokens.admin), ME);
    expect(gw.upstream.circuit.state).toBe('open');
    const calls = gw.sandbox.counters.get('get-account');
    const { errors } = await settle(gw.client(DEMO.tokens.admin), ME);
    expect(errors?.[0].extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(errors?.[0].extensions?.upstreamCode).toBe('CIRCUIT_OPEN');
    expect(gw.sandbox.counters.get('get-account')).toBe(calls);
    gw.sandbox.faults.clear();
    await new Promise((resolve) => setTimeout(resolve, 450));
    const recovered = await settle<{ me: { defaultTenantUid: string } }>(gw.client(DEMO.tokens.admin), ME);
    expect(recovered.errors).toBeUndefined();
    expect(gw.upstream.circuit.state).toBe('closed');
  });
});

describe('deadlines and disconnects', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ env: { REQUEST_DEADLINE_MS: '400', UPSTREAM_TIMEOUT_MS: '5000' } });
  });
  afterAll(() => gw.close());
  afterEach(() => gw.sandbox.faults.clear());

  it('the overall request deadline ends slow upstream calls as UPSTREAM_TIMEOUT', async () => {
    gw.sandbox.faults.set('get-account', { latencyMs: 3_000 });
    const started = performance.now();
    const { errors } = await settle(gw.client(DEMO.tokens.admin), ME);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(errors?.[0].extensions?.code).toBe('UPSTREAM_TIMEOUT');
  });

  it('a client that disconnects aborts its upstream calls', async () => {
    gw.sandbox.faults.set('get-account', { latencyMs: 3_000 });
    const controller = new AbortController();
    const request = fetch(gw.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO.tokens.admin}`, 'x-request-id': 'disconnect-1' },
      body: JSON.stringify({ query: ME, operationName: null }),
      signal: controller.signal,
    }).catch(() => undefined);
    setTimeout(() => controller.abort(), 100);
    await request;
    await expect.poll(() => gw.logs.find((line) => line.requestId === 'disconnect-1'), { timeout: 1_500 }).toBeDefined();
    const line = gw.logs.find((entry) => entry.requestId === 'disconnect-1')!;
    expect(line.upstreamStatuses).toEqual(['aborted']);
    expect(line.durationMs as number).toBeLessThan(1_000);
  });
});

describe('an upstream that is down at start and comes back', () => {
  it('answers UPSTREAM_UNAVAILABLE while down and data once it is up', async () => {
    const port = await freePort();
    // A gateway pointed at a port where nothing listens yet.
    const gw = await startTestGateway({
      upstreamUrl: `http://127.0.0.1:${port}/v2`,
      env: { CIRCUIT_RESET_MS: '200', CIRCUIT_VOLUME_THRESHOLD: '3', READY_CACHE_MS: '200' },
    });
    const client = gw.client(DEMO.tokens.admin);
    const origin = gw.origin;
    try {
      const down = await settle(client, ME);
      expect(down.errors?.[0].extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
      expect((await fetch(`${origin}/ready`)).status).toBe(503);
      const sandbox = await startSandbox({ port });
      await expect
        .poll(async () => (await settle<{ me: { defaultTenantUid: string } }>(client, ME)).data?.me?.defaultTenantUid, {
          timeout: 3_000,
          interval: 100,
        })
        .toEqual(expect.any(String));
      // The readiness answer is kept for READY_CACHE_MS, so it turns 200 within that interval.
      await expect.poll(async () => (await fetch(`${origin}/ready`)).status, { timeout: 2_000, interval: 50 }).toBe(200);
      await sandbox.close();
    } finally {
      await gw.close();
    }
  });
});

describe('unexpected upstream shapes and masking', () => {
  let dev: TestGateway;
  let prod: TestGateway;
  beforeAll(async () => {
    dev = await startTestGateway({ env: { NODE_ENV: 'development' } });
    prod = await startTestGateway({ env: { NODE_ENV: 'production' } });
  });
  afterAll(async () => {
    await dev.close();
    await prod.close();
  });

  it('a 200 body without the spec’s required fields gives UPSTREAM_ERROR with the status', async () => {
    dev.sandbox.faults.set('get-account', { body: { hello: 'world' }, times: 1 });
    const { data, errors } = await settle<{ me: null }>(dev.client(DEMO.tokens.admin), ME);
    expect(data?.me).toBeNull();
    expect(errors?.[0].extensions).toMatchObject({ code: 'UPSTREAM_ERROR', status: 200 });
    expect(errors?.[0].message).toMatch(/globalRoles/);
  });

  it('masks an internal error in production, keeping the path', async () => {
    // A bug-class failure inside the gateway (not an upstream error code): here, the tenant cache throws.
    const breakCache = (gw: TestGateway) => {
      gw.tenantCache!.lookup = () => {
        throw new TypeError('tenantCache.lookup broke: paging of undefined');
      };
    };
    const query = `{ me { defaultTenantUid } tenant(tenantUid: "${DEMO.tenants.alpha}") { name } }`;
    breakCache(prod);
    const masked = await settle<{ me: { defaultTenantUid: string }; tenant: null }>(prod.client(DEMO.tokens.admin), query);
    expect(masked.data?.me.defaultTenantUid).toEqual(expect.any(String));
    expect(masked.data?.tenant).toBeNull();
    expect(masked.errors?.[0]).toMatchObject({ message: 'Unexpected error.', path: ['tenant'] });
    expect(masked.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(JSON.stringify(masked.errors)).not.toMatch(/paging|TypeError|stack/);
    // Development shows the cause, to help whoever is debugging.
    breakCache(dev);
    const shown = await settle(dev.client(DEMO.tokens.admin), query);
    expect(JSON.stringify(shown.errors)).toMatch(/TypeError|paging/);
  });
});
