/**
 * Authentication, authorization and not-found behaviour (partial data with the
 * error at the failing path), and how many upstream calls a query costs:
 * per-request loaders, priming from lists, and the shared tenant cache.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO } from '../src/sandbox/seed.ts';
import { startTestGateway, type TestGateway } from './helpers/gateway.ts';
import type { GraphQLClient } from 'graphql-request';
import { run, type GqlError, type Json } from './helpers/graphql.ts';

const codes = (errors: GqlError[] | undefined) => (errors ?? []).map((error) => error.extensions?.code);
const { alpha, beta, gamma } = DEMO.tenants;

let gw: TestGateway;
let admin: GraphQLClient;
let regular: GraphQLClient;
let other: GraphQLClient;
const calls = (operationId: string) => gw.sandbox.counters.get(operationId);

/** Cold start for call counting: nothing in the shared tenant cache, counters at zero. */
async function coldCache() {
  for (const uid of [alpha, beta, gamma]) await gw.tenantCache?.drop(uid);
  gw.sandbox.counters.reset();
}

beforeAll(async () => {
  gw = await startTestGateway();
  admin = gw.client(DEMO.tokens.admin);
  regular = gw.client(DEMO.tokens.regular);
  other = gw.client(DEMO.tokens.other);
});
afterAll(async () => {
  await gw?.close();
});
beforeEach(async () => {
  await coldCache();
});

describe('without a bearer token', () => {
  it.each([
    ['me', '{ me { defaultTenantUid } }'],
    ['tenants', '{ tenants { items { name } } }'],
    ['tenant', `{ tenant(tenantUid: "${alpha}") { name } }`],
    ['updateTenant', `mutation { updateTenant(tenantUid: "${alpha}", input: { name: "x" }) { name } }`],
    [
      'createTenantUser',
      `mutation { createTenantUser(tenantUid: "${alpha}", input: { accountType: REGULAR, password: "p", tenantRole: ACCESS, userCode: "x" }) { tenantUserUid } }`,
    ],
    ['login', `mutation { login(userCode: "${DEMO.login.userCode}", password: "${DEMO.login.password}") { accessToken } }`],
    ['acceptInvitation', `mutation { acceptInvitation(inviteToken: "${DEMO.inviteToken}") { status } }`],
    ['deleteIntegrationToken', `mutation { deleteIntegrationToken(tenantUid: "${alpha}", tenantUserUid: "u", tenantUserTokenUid: "t") }`],
  ])('%s fails with UNAUTHENTICATED and makes no upstream call', async (_name, query) => {
    const before = gw.sandbox.counters.total();
    const { errors } = await run(gw.client(), query);
    expect(codes(errors)).toEqual(['UNAUTHENTICATED']);
    expect(gw.sandbox.counters.total()).toBe(before);
  });

  it('a tenant cached for another caller is not served to an anonymous one', async () => {
    await run(admin, `{ tenant(tenantUid: "${alpha}") { name } }`);
    gw.sandbox.counters.reset();
    const { data, errors } = await run(gw.client(), `{ tenant(tenantUid: "${alpha}") { name } }`);
    expect(data?.tenant ?? null).toBeNull();
    expect(codes(errors)).toEqual(['UNAUTHENTICATED']);
    expect(gw.sandbox.counters.total()).toBe(0);
  });
});

describe('forbidden and failing nested fields give partial data', () => {
  it("a non-admin listing users gets each user's tokens as null with FORBIDDEN at that path, the users intact", async () => {
    const { data, errors } = await run(
      regular,
      `query ($t: ID!) { tenant(tenantUid: $t) { name users(pageSize: 3) { items { tenantUserUid tokens { tenantUserTokenUid } } } } }`,
      { t: alpha },
    );
    expect(data.tenant.name).toBe('Alpha Sport AS');
    expect(data.tenant.users.items).toHaveLength(3);
    for (const user of data.tenant.users.items) {
      expect(user.tenantUserUid).toEqual(expect.any(String));
      expect(user.tokens).toBeNull();
    }
    expect(codes(errors)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
    expect(errors!.map((error) => error.path)).toEqual([0, 1, 2].map((i) => ['tenant', 'users', 'items', i, 'tokens']));
  });

  it("a non-admin's own membership tokens are null with FORBIDDEN, `me` stays", async () => {
    const { data, errors } = await run(
      regular,
      '{ me { defaultTenantUid memberships { tenantUserUid displayName tokens { tenantUserTokenUid } } } }',
    );
    expect(data.me.defaultTenantUid).toBe(alpha);
    expect(data.me.memberships).toEqual([{ tenantUserUid: DEMO.users.regularAlpha, displayName: 'Rita Regular', tokens: null }]);
    expect(codes(errors)).toEqual(['FORBIDDEN']);
    expect(errors![0].path).toEqual(['me', 'memberships', 0, 'tokens']);
  });

  it('one failing upstream call nulls only its own field (tenant of a membership), not `me`', async () => {
    gw.sandbox.faults.set('get-tenants-details', { status: 503, times: 1 });
    try {
      const { data, errors } = await run(admin, '{ me { memberships { tenantUserUid tenant { name } } } }');
      expect(data.me.memberships).toHaveLength(2);
      const failed = data.me.memberships.filter((m: Json) => m.tenant === null);
      expect(failed).toHaveLength(1);
      expect(codes(errors)).toEqual(['UPSTREAM_UNAVAILABLE']);
      expect(errors![0].path).toEqual(['me', 'memberships', data.me.memberships.indexOf(failed[0]), 'tenant']);
    } finally {
      gw.sandbox.faults.clear();
    }
  });

  it('a caller who is no member of the tenant gets FORBIDDEN for it', async () => {
    const { data, errors } = await run(other, `{ tenant(tenantUid: "${alpha}") { name } }`);
    expect(data.tenant).toBeNull();
    expect(codes(errors)).toEqual(['FORBIDDEN']);
    expect(errors![0].path).toEqual(['tenant']);
  });

  it('a non-admin cannot update the tenant (FORBIDDEN)', async () => {
    const { errors } = await run(regular, `mutation { updateTenant(tenantUid: "${alpha}", input: { name: "Hacked" }) { name } }`);
    expect(codes(errors)).toEqual(['FORBIDDEN']);
  });
});

describe('unknown and invalid identifiers', () => {
  it('an unknown but valid tenantUid gives null without an error', async () => {
    const { data, errors } = await run(admin, '{ tenant(tenantUid: "nope") { name } }');
    expect(errors).toBeUndefined();
    expect(data.tenant).toBeNull();
    expect(calls('get-tenants-details')).toBe(1);
  });

  it('a tenantUid that is no UID is BAD_USER_INPUT and never reaches the upstream', async () => {
    const { data, errors } = await run(admin, '{ tenant(tenantUid: "../admin") { name } }');
    expect(data.tenant).toBeNull();
    expect(codes(errors)).toEqual(['BAD_USER_INPUT']);
    expect(gw.sandbox.counters.total()).toBe(0);
  });

  it('a tenantUserUid that is no UID is BAD_USER_INPUT in a mutation too', async () => {
    const { errors } = await run(admin, `mutation { deleteTenantUser(tenantUid: "${alpha}", tenantUserUid: "a/b") }`);
    expect(codes(errors)).toEqual(['BAD_USER_INPUT']);
    expect(gw.sandbox.counters.total()).toBe(0);
  });

  it('an unknown user of a tenant gives null without an error, the tenant intact', async () => {
    const { data, errors } = await run(
      admin,
      `{ tenant(tenantUid: "${alpha}") { name user(tenantUserUid: "no-such-user") { displayName } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data.tenant).toEqual({ name: 'Alpha Sport AS', user: null });
  });
});

describe('upstream calls per query', () => {
  const MEMBERSHIPS = '{ me { memberships { tenant { name currency { code } } tokens { tenantUserTokenUid } } } }';

  it('me with tenants and tokens: 1 account call, 1 details call per distinct tenant, 1 tokens call per membership', async () => {
    const { data, errors } = await run(admin, MEMBERSHIPS);
    expect(errors).toBeUndefined();
    expect(data.me.memberships.map((m: Json) => m.tenant.currency.code)).toEqual(['NOK', 'SEK']);
    expect(calls('get-account')).toBe(1);
    expect(calls('get-tenants-details')).toBe(2);
    expect(calls('get-tenants-users-tokens')).toBe(2);
    expect(gw.sandbox.counters.total()).toBe(5);
  });

  it('the same query again is served from the tenant cache: no details call', async () => {
    await run(admin, MEMBERSHIPS);
    gw.sandbox.counters.reset();
    const { data, errors } = await run(admin, MEMBERSHIPS);
    expect(errors).toBeUndefined();
    expect(data.me.memberships.map((m: Json) => m.tenant.name)).toEqual(['Alpha Sport AS', 'Beta Books AB']);
    expect(calls('get-tenants-details')).toBe(0);
    expect(calls('get-account')).toBe(1);
    expect(calls('get-tenants-users-tokens')).toBe(2);
  });

  it('the same tenant asked for in many places is fetched once per request', async () => {
    const { errors } = await run(
      admin,
      `{ me { defaultTenant { name } memberships { tenantName tenant { name } } }
         a: tenant(tenantUid: "${alpha}") { name } b: tenant(tenantUid: "${alpha}") { currency { code } } }`,
    );
    expect(errors).toBeUndefined();
    expect(calls('get-tenants-details')).toBe(2);
  });

  it('a user listed by `users` is not fetched again by `user` in the same request', async () => {
    const list = await run(admin, `{ tenant(tenantUid: "${alpha}") { users(pageSize: 5) { items { tenantUserUid } } } }`);
    const listed = String(list.data.tenant.users.items[3].tenantUserUid);
    gw.sandbox.counters.reset();
    const { data, errors } = await run(
      admin,
      `query ($u: ID!) { tenant(tenantUid: "${alpha}") {
        users(pageSize: 5) { items { tenantUserUid } }
        user(tenantUserUid: $u) { tenantUserUid displayName permissions { tenant } }
      } }`,
      { u: listed },
    );
    expect(errors).toBeUndefined();
    expect(data.tenant.user.tenantUserUid).toBe(listed);
    expect(data.tenant.user.permissions.tenant).toEqual(expect.any(Array));
    expect(calls('get-tenants-users')).toBe(1);
    expect(calls('get-tenants-users-details')).toBe(0);
  });

  it('a user found by `searchUsers` is not fetched again by `user`', async () => {
    const { data, errors } = await run(
      admin,
      `query ($u: ID!) { tenant(tenantUid: "${alpha}") {
        searchUsers(filter: { userCode: "regular" }) { items { tenantUserUid } }
        user(tenantUserUid: $u) { displayName }
      } }`,
      { u: DEMO.users.regularAlpha },
    );
    expect(errors).toBeUndefined();
    expect(data.tenant.user.displayName).toBe('Rita Regular');
    expect(calls('post-tenants-users-search')).toBe(1);
    expect(calls('get-tenants-users-details')).toBe(0);
  });

  it('a user not in the list is fetched once', async () => {
    const { data, errors } = await run(
      admin,
      `{ tenant(tenantUid: "${alpha}") { users(pageSize: 1) { items { tenantUserUid } } user(tenantUserUid: "${DEMO.users.pendingAlpha}") { displayName } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data.tenant.user.displayName).toBe('Pia Pending');
    expect(calls('get-tenants-users-details')).toBe(1);
  });

  it('the tenants list fills the shared cache: a later request reads a listed tenant without a details call', async () => {
    const { errors } = await run(admin, '{ tenants { items { name } } }');
    expect(errors).toBeUndefined();
    expect(calls('get-tenants')).toBe(1);
    expect(calls('get-tenants-details')).toBe(0);
    const { data } = await run(admin, `{ tenant(tenantUid: "${beta}") { name } }`);
    expect(data.tenant.name).toBe('Beta Books AB');
    expect(calls('get-tenants-details')).toBe(0);
  });

  it("`me` primes myAccount: a membership's tenant's myAccount is not fetched again", async () => {
    const { data, errors } = await run(admin, '{ me { memberships { tenant { myAccount { tenantUserUid } } } } }');
    expect(errors).toBeUndefined();
    expect(data.me.memberships.map((m: Json) => m.tenant.myAccount.tenantUserUid)).toEqual([DEMO.users.adminAlpha, DEMO.users.adminBeta]);
    expect(calls('get-account')).toBe(1);
    expect(calls('get-tenants-account')).toBe(0);
  });
});

describe('shared tenant cache isolation', () => {
  it('a tenant cached for the admin is not served to a caller the upstream has not authorized', async () => {
    const first = await run(admin, `{ tenant(tenantUid: "${alpha}") { name } }`);
    expect(first.data.tenant.name).toBe('Alpha Sport AS');
    expect(calls('get-tenants-details')).toBe(1);

    const { data, errors } = await run(other, `{ tenant(tenantUid: "${alpha}") { name } }`);
    expect(data.tenant).toBeNull();
    expect(codes(errors)).toEqual(['FORBIDDEN']);
    expect(calls('get-tenants-details')).toBe(2);
  });

  it('another authorized caller (regular) is asked for upstream once, then cached for them too', async () => {
    await run(admin, `{ tenant(tenantUid: "${alpha}") { name } }`);
    await run(regular, `{ tenant(tenantUid: "${alpha}") { name } }`);
    expect(calls('get-tenants-details')).toBe(2);
    await run(regular, `{ tenant(tenantUid: "${alpha}") { name } }`);
    expect(calls('get-tenants-details')).toBe(2);
  });
});
