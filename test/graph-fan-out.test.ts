import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO } from '../src/sandbox/seed.ts';
import { startTestGateway, type TestGateway } from './helpers/gateway.ts';
import { run } from './helpers/graphql.ts';

/** One request may cost the upstream only so much: a list-aware cost limit first, a call budget as the backstop. */
const ALPHA = DEMO.tenants.alpha;
const codes = (errors?: { extensions?: Record<string, unknown> }[]) => errors?.map((error) => error.extensions?.code);

describe('the list-aware cost limit (MAX_COST, default 500)', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway();
  });
  afterAll(() => gw.close());
  beforeEach(() => gw.sandbox.counters.reset());

  it('refuses five aliased pages of 500 users with their tokens before any upstream call, saying the cost and the limit', async () => {
    const page = (alias: string) =>
      `${alias}: tenant(tenantUid: "${ALPHA}") { users(pageSize: 500) { items { tokens { tenantUserTokenUid } } } }`;
    const { data, errors } = await run(gw.client(DEMO.tokens.admin), `{ ${['a', 'b', 'c', 'd', 'e'].map(page).join(' ')} }`);
    expect(data).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_EXPENSIVE', cost: 5 * (1 + 1 + 500), limit: 500 });
    expect(gw.sandbox.counters.total()).toBe(0);
  });

  it('counts a page size given by a variable, per request', async () => {
    const query = `query($n: Int) { tenant(tenantUid: "${ALPHA}") { users(pageSize: $n) { items { tokens { tenantUserTokenUid } } } } }`;
    const small = await run(gw.client(DEMO.tokens.admin), query, { n: 3 });
    expect(small.errors).toBeUndefined();
    expect(small.data.tenant.users.items).toHaveLength(3);
    const nested = `query($n: Int) { tenants(pageSize: $n) { items { users(pageSize: $n) { items { tokens { tenantUserTokenUid } } } } } }`;
    gw.sandbox.counters.reset();
    const big = await run(gw.client(DEMO.tokens.admin), nested, { n: 30 });
    expect(big.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_EXPENSIVE', cost: 1 + 30 * (1 + 30), limit: 500 });
    expect(gw.sandbox.counters.total()).toBe(0);
  });

  it('lets a legitimate heavy screen through: 50 users with their tokens (51 calls)', async () => {
    const { data, errors } = await run(
      gw.client(DEMO.tokens.admin),
      `{ tenant(tenantUid: "${ALPHA}") { users(pageSize: 50) { items { tenantUserUid tokens { tenantUserTokenUid } } } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data.tenant.users.items).toHaveLength(50);
    for (const user of data.tenant.users.items) expect(user.tokens).toEqual(expect.any(Array));
    expect(gw.sandbox.counters.get('get-tenants-users-tokens')).toBe(50);
  });

  it('refuses a pageSize over MAX_PAGE_SIZE with BAD_USER_INPUT naming the cap', async () => {
    const { errors } = await run(
      gw.client(DEMO.tokens.admin),
      `{ tenant(tenantUid: "${ALPHA}") { users(pageSize: 201) { items { tenantUserUid } } } }`,
    );
    expect(codes(errors)).toEqual(['BAD_USER_INPUT']);
    expect(errors?.[0].message).toMatch(/200/);
    expect(gw.sandbox.counters.get('get-tenants-users')).toBe(0);
  });
});

describe('the per-request budget of upstream calls (MAX_UPSTREAM_CALLS_PER_REQUEST)', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({
      env: { MAX_UPSTREAM_CALLS_PER_REQUEST: '10', TENANT_CACHE_TTL_MS: '0', CIRCUIT_VOLUME_THRESHOLD: '3', CIRCUIT_ERROR_PERCENT: '10' },
    });
  });
  afterAll(() => gw.close());

  it('once spent, further calls fail at their fields with UPSTREAM_BUDGET_EXCEEDED and the rest of the data stays', async () => {
    gw.sandbox.counters.reset();
    const { data, errors } = await run(
      gw.client(DEMO.tokens.admin),
      `{ tenant(tenantUid: "${ALPHA}") { name users(pageSize: 20) { items { tenantUserUid tokens { tenantUserTokenUid } } } } }`,
    );
    expect(data.tenant.name).toEqual(expect.any(String));
    expect(data.tenant.users.items).toHaveLength(20);
    const withTokens = data.tenant.users.items.filter((user) => user.tokens !== null);
    expect(withTokens).toHaveLength(8); // 10 calls: the tenant, the page, and 8 users' tokens
    expect(errors).toHaveLength(12);
    expect(new Set(codes(errors))).toEqual(new Set(['UPSTREAM_BUDGET_EXCEEDED']));
    expect(errors?.[0].path?.slice(0, 4)).toEqual(['tenant', 'users', 'items', expect.any(Number)]);
    expect(gw.sandbox.counters.total()).toBe(10);
    // The budget is per request: the next one starts afresh.
    const next = await run(gw.client(DEMO.tokens.admin), '{ me { defaultTenantUid } }');
    expect(next.errors).toBeUndefined();
  });

  it('never opens the circuit for everyone', async () => {
    for (let i = 0; i < 3; i++) {
      await run(
        gw.client(DEMO.tokens.admin),
        `{ tenant(tenantUid: "${ALPHA}") { users(pageSize: 20) { items { tokens { tenantUserTokenUid } } } } }`,
      );
    }
    expect(gw.upstream.circuit.state).toBe('closed');
  });
});
