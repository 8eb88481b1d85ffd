import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { DEMO } from '../src/sandbox/seed.ts';
import { startTestGateway, type TestGateway } from './helpers/gateway.ts';
import { run } from './helpers/graphql.ts';
import { metric, postRaw } from './helpers/http.ts';

const ADMIN = `Bearer ${DEMO.tokens.admin}`;
const ALPHA = DEMO.tenants.alpha;
const codes = (errors?: { extensions?: Record<string, unknown> }[]) => errors?.map((error) => error.extensions?.code);

describe('the document cache cannot be filled without a valid token, and is bounded', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ env: { DOCUMENT_CACHE_MAX: '10' } });
  });
  afterAll(() => gw.close());

  it('keeps nothing for requests without a token or with one the upstream refuses', async () => {
    for (let i = 0; i < 40; i++) {
      const anonymous = await postRaw(gw.url, { query: `query Anon${i} { invitation(inviteToken: "nope-${i}") { tenant { name } } }` });
      expect(anonymous.status).toBe(200);
      const bogus = await postRaw(
        gw.url,
        { query: `query Bogus${i} { me { defaultTenantUid } }` },
        { authorization: 'Bearer not-a-token' },
      );
      expect(codes(bogus.json.errors)).toEqual(['UNAUTHENTICATED']);
    }
    expect(await metric(gw.origin, 'gateway_document_cache_entries')).toBe(0);
    expect(await metric(gw.origin, 'gateway_document_cache_bytes')).toBe(0);
  });

  it('keeps documents of verified callers, at most DOCUMENT_CACHE_MAX of them, and serves them correctly', async () => {
    for (let i = 0; i < 30; i++) {
      const response = await postRaw(gw.url, { query: `query Mine${i} { me { defaultTenantUid } }` }, { authorization: ADMIN });
      expect(response.json.data).toEqual({ me: { defaultTenantUid: expect.any(String) as unknown } });
    }
    expect(await metric(gw.origin, 'gateway_document_cache_entries')).toBe(10);
    // The newest documents are kept and now run compiled: same answer.
    const again = await postRaw(gw.url, { query: 'query Mine29 { me { defaultTenantUid } }' }, { authorization: ADMIN });
    expect(again.json.data).toEqual({ me: { defaultTenantUid: expect.any(String) as unknown } });
    expect(await metric(gw.origin, 'gateway_document_cache_bytes')).toBeGreaterThan(0);
  });

  it('stays within DOCUMENT_CACHE_MAX_BYTES however large the documents', async () => {
    const small = await startTestGateway({ env: { DOCUMENT_CACHE_MAX_BYTES: '200000' } });
    try {
      const fields = 'tenantUserUid displayName email firstname lastname mobile status tenantRole accountType createdAt';
      for (let i = 0; i < 12; i++) {
        const query = `query Big${i} { tenant(tenantUid: "${ALPHA}") { users(pageSize: 2) { items { ${fields} storeAccess { storeUid storeRole } } } } }`;
        const response = await postRaw(small.url, { query }, { authorization: ADMIN });
        expect(response.json.errors).toBeUndefined();
      }
      expect(await metric(small.origin, 'gateway_document_cache_bytes')).toBeLessThanOrEqual(200_000);
      expect(await metric(small.origin, 'gateway_document_cache_entries')).toBeLessThan(12);
    } finally {
      await small.close();
    }
  });
});

describe('client errors never count against the upstream', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({
      env: {
        UPSTREAM_RETRIES: '2',
        CIRCUIT_VOLUME_THRESHOLD: '3',
        CIRCUIT_ERROR_PERCENT: '50',
        CIRCUIT_RESET_MS: '5000',
        REQUEST_DEADLINE_MS: '1000',
        UPSTREAM_TIMEOUT_MS: '5000',
        READY_CACHE_MS: '0',
      },
    });
  });
  afterAll(() => gw.close());
  beforeEach(() => {
    gw.sandbox.faults.clear();
    gw.sandbox.counters.reset();
  });

  const circuitStaysClosed = async () => {
    expect(await metric(gw.origin, 'flow_upstream_circuit_open')).toBe(0);
    expect((await fetch(`${gw.origin}/ready`)).status).toBe(200);
    const other = await run(gw.client(DEMO.tokens.other), '{ me { defaultTenantUid } }');
    expect(other.errors).toBeUndefined();
    expect(other.data.me.defaultTenantUid).toEqual(expect.any(String));
  };

  it('an invite token no header can carry is BAD_USER_INPUT, never sent, retried or counted', async () => {
    for (let i = 0; i < 8; i++) {
      const { json } = await postRaw(gw.url, { query: '{ invitation(inviteToken: "x\\ny") { user { email } } }' });
      expect(codes(json.errors)).toEqual(['BAD_USER_INPUT']);
      expect(json.errors?.[0].extensions?.upstreamCode).toBe('INVALID_HEADER_VALUE');
    }
    expect(gw.sandbox.counters.total()).toBe(0);
    await circuitStaysClosed();
  });

  it("calls cut short or skipped by a caller's own deadline are not upstream failures", async () => {
    gw.sandbox.faults.set('get-tenants-users-tokens', { latencyMs: 1_500 });
    const query = `{ tenant(tenantUid: "${ALPHA}") { users(pageSize: 8) { items { tenantUserUid tokens { tenantUserTokenUid } } } } }`;
    const { data, errors } = await run(gw.client(DEMO.tokens.admin), query);
    expect(data.tenant.users.items).toHaveLength(8);
    expect(errors?.length).toBe(8);
    expect(new Set(codes(errors))).toEqual(new Set(['UPSTREAM_TIMEOUT']));
    expect(errors?.[0].extensions?.upstreamCode).toBe('REQUEST_DEADLINE');
    // A slow chain (tenant, then users, then tokens) runs out of time at its last step.
    gw.sandbox.faults.set('*', { latencyMs: 480 });
    const chain = `{ tenant(tenantUid: "${DEMO.tenants.beta}") { users(pageSize: 5) { items { tokens { tenantUserTokenUid } } } } }`;
    const late = await run(gw.client(DEMO.tokens.admin), chain);
    expect(late.data.tenant.users.items).toHaveLength(5);
    expect(new Set(codes(late.errors))).toEqual(new Set(['UPSTREAM_TIMEOUT']));
    gw.sandbox.faults.clear();
    await circuitStaysClosed();
  });
});

describe('upstream answers the gateway will not pass on', () => {
  let gw: TestGateway;
  let prod: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ env: { MAX_UPSTREAM_BODY_BYTES: '200000' } });
    prod = await startTestGateway({ env: { NODE_ENV: 'production' } });
  });
  afterAll(async () => {
    await gw.close();
    await prod.close();
  });

  it('aborts a body larger than MAX_UPSTREAM_BODY_BYTES with UPSTREAM_ERROR and keeps serving', async () => {
    const huge = { globalRoles: [], defaultTenantUid: ALPHA, tenants: [], padding: 'x'.repeat(1_000_000) };
    gw.sandbox.faults.set('get-account', { body: huge, times: 1 });
    const { data, errors } = await run(gw.client(DEMO.tokens.admin), '{ me { defaultTenantUid } }');
    expect(data.me).toBeNull();
    expect(errors?.[0].extensions).toMatchObject({ code: 'UPSTREAM_ERROR', upstreamCode: 'BODY_TOO_LARGE' });
    const after = await run(gw.client(DEMO.tokens.admin), '{ me { defaultTenantUid } }');
    expect(after.errors).toBeUndefined();
  });

  it('in production, replaces an upstream 5xx message by a generic text and keeps status, code and logId', async () => {
    const leak = { status: 500, code: 'DB_FAILURE', message: 'db01.internal: SELECT * FROM users failed', times: 1 };
    prod.sandbox.faults.set('get-account', leak);
    const { errors } = await run(prod.client(DEMO.tokens.admin), '{ me { defaultTenantUid } }');
    expect(errors?.[0].message).toBe('The upstream service failed (HTTP 500).');
    expect(JSON.stringify(errors)).not.toMatch(/db01|SELECT/);
    expect(errors?.[0].extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', status: 500, upstreamCode: 'DB_FAILURE' });
    expect(errors?.[0].extensions?.logId).toMatch(/^sbx-/);
    // Outside production the upstream's message helps debugging.
    gw.sandbox.faults.set('get-account', leak);
    const dev = await run(gw.client(DEMO.tokens.admin), '{ me { defaultTenantUid } }');
    expect(dev.errors?.[0].message).toBe(leak.message);
  });

  it('in production, a malformed JSON body is refused without echoing any of it', async () => {
    const response = await postRaw(prod.url, '{"query": "{ me { defaultTenantUid } }", "secret-ish": tr');
    expect(response.status).toBe(400);
    expect(response.text).not.toContain('secret-ish');
    expect(response.json.errors?.[0].extensions?.originalError).toBeUndefined();
  });
});

describe('/metrics stays bounded whatever clients name their operations', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ env: { METRICS_MAX_OPERATION_NAMES: '20' } });
  });
  afterAll(() => gw.close());

  it('labels at most METRICS_MAX_OPERATION_NAMES executed names; the rest, and invalid ones, count as other', async () => {
    for (let i = 0; i < 300; i++) {
      await postRaw(gw.url, { query: `query Op${i} { __typename }` });
      await postRaw(gw.url, { query: `query Bad${i} { nope }` });
      await postRaw(gw.url, { query: '{ __typename }', operationName: `Claimed${i}` });
    }
    const text = await (await fetch(`${gw.origin}/metrics`)).text();
    const names = new Set([...text.matchAll(/operationName="([^"]*)"/g)].map((match) => match[1]));
    expect(names.size).toBeLessThanOrEqual(22); // 20 admitted + other + Anonymous
    expect(names).toContain('other');
    expect([...names].some((name) => name.startsWith('Bad') || name.startsWith('Claimed'))).toBe(false);
    expect(text.length).toBeLessThan(200_000);
  });
});

describe('credentials the gateway refuses itself', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway();
  });
  afterAll(() => gw.close());
  beforeEach(() => gw.sandbox.counters.reset());

  it.each([
    ['Basic', `Basic ${Buffer.from('admin:pw').toString('base64')}`],
    ['Token', `Token ${DEMO.tokens.admin}`],
    ['an empty Bearer', 'Bearer '],
    ['a non-ASCII token', 'Bearer t\u00f6ken'],
    ['a token with spaces', `Bearer ${DEMO.tokens.admin} extra`],
  ])('%s is UNAUTHENTICATED with no upstream call', async (_name, authorization) => {
    const { json } = await postRaw(gw.url, { query: '{ me { defaultTenantUid } }' }, { authorization });
    expect(codes(json.errors)).toEqual(['UNAUTHENTICATED']);
    expect(gw.sandbox.counters.total()).toBe(0);
  });

  it('two Authorization headers are refused, not picked between', async () => {
    const response = await postRaw(gw.url, { query: '{ me { defaultTenantUid } }' }, { Authorization: ['Bearer not-valid', ADMIN] });
    expect(response.status).toBe(401);
    expect(codes(response.json.errors)).toEqual(['UNAUTHENTICATED']);
    expect(gw.sandbox.counters.total()).toBe(0);
  });

  it('a lower-case bearer scheme is accepted and forwarded in canonical form', async () => {
    const { json } = await postRaw(gw.url, { query: '{ me { defaultTenantUid } }' }, { authorization: `bearer ${DEMO.tokens.admin}` });
    expect(json.errors).toBeUndefined();
  });
});

describe('page arguments are checked before any upstream call', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway();
  });
  afterAll(() => gw.close());
  beforeEach(() => gw.sandbox.counters.reset());

  it.each([
    ['pageSize: 100000', `{ tenant(tenantUid: "${ALPHA}") { users(pageSize: 100000) { items { tenantUserUid } } } }`, /between 1 and 200/],
    ['pageSize: 0', '{ tenants(pageSize: 0) { items { name } } }', /between 1 and 200/],
    ['page: -5', '{ tenants(page: -5) { items { name } } }', /page must be 1 or more/],
    [
      'search pageSize: 201',
      `{ tenant(tenantUid: "${ALPHA}") { searchUsers(filter: {}, pageSize: 201) { items { tenantUserUid } } } }`,
      /MAX_PAGE_SIZE/,
    ],
  ])('%s is BAD_USER_INPUT naming the cap', async (_name, query, message) => {
    const { errors } = await run(gw.client(DEMO.tokens.admin), query);
    expect(codes(errors)).toEqual(['BAD_USER_INPUT']);
    expect(errors?.[0].message).toMatch(message);
    // The tenant lookup may run; the list call never does.
    expect(
      gw.sandbox.counters.get('get-tenants-users') +
        gw.sandbox.counters.get('get-tenants') +
        gw.sandbox.counters.get('post-tenants-users-search'),
    ).toBe(0);
  });
});

describe('operations and probes', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway();
  });
  afterAll(() => gw.close());

  it('logs at most 100 characters of a client-chosen operation name', async () => {
    const name = `Op${'x'.repeat(5_000)}`;
    await postRaw(gw.url, { query: `query ${name} { __typename }`, operationName: name }, { 'x-request-id': 'long-name' });
    const line = gw.logs.find((entry) => entry.requestId === 'long-name');
    expect(line?.operationName).toBe(name.slice(0, 100));
  });

  it('answers a flood of anonymous /ready checks with at most one upstream call per READY_CACHE_MS', async () => {
    gw.sandbox.counters.reset();
    const answers = await Promise.all(Array.from({ length: 20 }, () => fetch(`${gw.origin}/ready`).then((r) => r.status)));
    expect(answers.every((status) => status === 200)).toBe(true);
    expect(gw.sandbox.counters.get('get-account')).toBeLessThanOrEqual(1);
  });
});

describe('load shedding', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ env: { MAX_IN_FLIGHT: '2' } });
  });
  afterAll(() => gw.close());

  it('beyond MAX_IN_FLIGHT answers 503 with Retry-After at once, and probes still answer', async () => {
    gw.sandbox.faults.set('get-account', { latencyMs: 500 });
    const started = performance.now();
    const slow = Array.from({ length: 2 }, () => postRaw(gw.url, { query: '{ me { defaultTenantUid } }' }, { authorization: ADMIN }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const shed = await Promise.all(
      Array.from({ length: 8 }, () => postRaw(gw.url, { query: '{ me { defaultTenantUid } }' }, { authorization: ADMIN })),
    );
    const shedMs = performance.now() - started;
    expect(shed.map((response) => response.status)).toEqual(Array(8).fill(503));
    expect(shed[0].headers['retry-after']).toBe('1');
    expect(codes(shed[0].json.errors)).toEqual(['OVERLOADED']);
    expect(shedMs).toBeLessThan(400);
    expect((await fetch(`${gw.origin}/health`)).status).toBe(200);
    const served = await Promise.all(slow);
    expect(served.map((response) => response.status)).toEqual([200, 200]);
    gw.sandbox.faults.clear();
    expect((await postRaw(gw.url, { query: '{ me { defaultTenantUid } }' }, { authorization: ADMIN })).status).toBe(200);
  });
});

describe('defaults', () => {
  it('behaves as production unless NODE_ENV says otherwise; the embedded sandbox keeps development aids', () => {
    expect(loadConfig({ FLOW_API_URL: 'https://api.example.com/v2' })).toMatchObject({
      NODE_ENV: 'production',
      GRAPHIQL: false,
      INTROSPECTION: false,
    });
    expect(loadConfig({ FLOW_API_URL: 'https://api.example.com/v2', NODE_ENV: 'development' })).toMatchObject({ GRAPHIQL: true });
    expect(loadConfig({})).toMatchObject({ NODE_ENV: 'development', GRAPHIQL: true });
  });
});

describe('the request deadline bounds the whole upstream call, body included', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({
      env: { REQUEST_DEADLINE_MS: '1000', UPSTREAM_TIMEOUT_MS: '20000', UPSTREAM_CONNECTIONS: '2', TENANT_CACHE_TTL_MS: '0' },
    });
  });
  afterAll(() => gw.close());

  it('cuts off bodies that trickle in one byte at a time, and frees their connections', async () => {
    gw.sandbox.faults.set('get-tenants-details', { trickleMs: 100 });
    const started = performance.now();
    // As many trickling answers as there are pool connections.
    const slow = await Promise.all([
      run(gw.client(DEMO.tokens.admin), `{ tenant(tenantUid: "${ALPHA}") { name } }`),
      run(gw.client(DEMO.tokens.other), `{ tenant(tenantUid: "${DEMO.tenants.gamma}") { name } }`),
    ]);
    expect(performance.now() - started).toBeLessThan(2_000);
    for (const { data, errors } of slow) {
      expect(data.tenant).toBeNull();
      expect(errors?.[0].extensions).toMatchObject({ code: 'UPSTREAM_TIMEOUT', upstreamCode: 'REQUEST_DEADLINE' });
    }
    // The connections are free again: an unrelated request is answered at once.
    const unrelated = performance.now();
    const me = await run(gw.client(DEMO.tokens.regular), '{ me { defaultTenantUid } }');
    expect(me.errors).toBeUndefined();
    expect(performance.now() - unrelated).toBeLessThan(500);
    gw.sandbox.faults.clear();
  });

  it('a trickling body also ends at the per-call timeout when that comes first', async () => {
    const quick = await startTestGateway({ env: { UPSTREAM_TIMEOUT_MS: '400' } });
    try {
      quick.sandbox.faults.set('get-account', { trickleMs: 100 });
      const started = performance.now();
      const { errors } = await run(quick.client(DEMO.tokens.admin), '{ me { defaultTenantUid } }');
      expect(performance.now() - started).toBeLessThan(1_500);
      expect(errors?.[0].extensions?.code).toBe('UPSTREAM_TIMEOUT');
      expect(errors?.[0].extensions?.upstreamCode).toBeUndefined();
    } finally {
      await quick.close();
    }
  });
});

describe('the tenant cache never serves what the upstream has since changed or refused', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ env: { TENANT_CACHE_TTL_MS: '60000', UPSTREAM_TIMEOUT_MS: '15000' } });
  });
  afterAll(() => gw.close());
  beforeEach(async () => {
    gw.sandbox.reset();
    await gw.tenantCache?.drop(ALPHA);
  });

  const nameOf = async (token: string) => (await run(gw.client(token), `{ tenant(tenantUid: "${ALPHA}") { name } }`)).data?.tenant?.name;

  it('an update wins over a read that started before it and finished after it', async () => {
    const before = await nameOf(DEMO.tokens.regular);
    await gw.tenantCache?.drop(ALPHA);
    // The read's answer is computed now (old name) and delivered slowly, after the update.
    gw.sandbox.faults.set('get-tenants-details', { trickleMs: 1, times: 1 });
    const slowRead = run(gw.client(DEMO.tokens.admin), `{ tenant(tenantUid: "${ALPHA}") { name } }`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const renamed = await run(
      gw.client(DEMO.tokens.admin),
      `mutation { updateTenant(tenantUid: "${ALPHA}", input: { name: "Renamed during a read" }) { name } }`,
    );
    expect(renamed.data.updateTenant.name).toBe('Renamed during a read');
    expect((await slowRead).data.tenant.name).toBe(before);
    // Later reads see the update, not the old answer that arrived last.
    gw.sandbox.counters.reset();
    expect(await nameOf(DEMO.tokens.admin)).toBe('Renamed during a read');
    expect(gw.sandbox.counters.get('get-tenants-details')).toBe(1);
    expect(await nameOf(DEMO.tokens.admin)).toBe('Renamed during a read');
  });

  it('a token the upstream refuses stops reading cached tenants at once', async () => {
    expect(await nameOf(DEMO.tokens.admin)).toEqual(expect.any(String));
    gw.sandbox.counters.reset();
    expect(await nameOf(DEMO.tokens.admin)).toEqual(expect.any(String));
    expect(gw.sandbox.counters.get('get-tenants-details')).toBe(0); // served from the cache
    gw.sandbox.revokeToken(DEMO.tokens.admin);
    const refused = await run(gw.client(DEMO.tokens.admin), '{ me { defaultTenantUid } }');
    expect(codes(refused.errors)).toEqual(['UNAUTHENTICATED']);
    // The next read of the cached tenant goes to the upstream, which refuses it too.
    const after = await run(gw.client(DEMO.tokens.admin), `{ tenant(tenantUid: "${ALPHA}") { name } }`);
    expect(after.data.tenant).toBeNull();
    expect(codes(after.errors)).toEqual(['UNAUTHENTICATED']);
    expect(gw.sandbox.counters.get('get-tenants-details')).toBe(1);
    // Other callers keep their cached authorization.
    gw.sandbox.counters.reset();
    expect(await nameOf(DEMO.tokens.regular)).toEqual(expect.any(String));
  });
});
