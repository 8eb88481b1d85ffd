import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO } from '../src/sandbox/seed.ts';
import { startTestGateway, type TestGateway } from './helpers/gateway.ts';
import { run, type GqlError } from './helpers/graphql.ts';

/**
 * The real API is ahead of its docs: its enums grow, "required" fields come back
 * null or missing, new properties appear. The sandbox's drift faults make it so,
 * and every rule is checked through the gateway over HTTP: the damage of an
 * unexpected value stays at the smallest unit, never a list, a parent or a
 * mutation's result.
 */
const ALPHA = DEMO.tenants.alpha;
const USER_FIELDS = 'tenantUserUid email displayName tenantRole tenantRoleRaw status statusRaw accountType accountTypeRaw lastAccessed';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({ env: { TENANT_CACHE_TTL_MS: '0' } });
});
afterAll(() => gw.close());
beforeEach(() => {
  gw.sandbox.reset();
});

const admin = () => gw.client(DEMO.tokens.admin);
const driftErrors = (errors?: GqlError[]) => (errors ?? []).filter((error) => error.extensions?.code === 'UPSTREAM_DRIFT');

describe('unknown enum values, null and missing fields in lists', () => {
  it('a users page keeps every user: unknown role and status are UNKNOWN with the raw value, null strings are "", no last access is null', async () => {
    gw.sandbox.faults.set('get-tenants-users', {
      drift: [
        { path: 'items.1.tenantRole', value: 'OWNER' },
        { path: 'items.2.status', value: 'SUSPENDED' },
        { path: 'items.3.email', value: null },
        { path: 'items.4.lastAccessed', remove: true },
        { path: 'items.5.accountType', value: 'ROBOT' },
        { path: 'items.*.someNewField', value: { x: 1 } },
      ],
    });
    const { data, errors } = await run(
      admin(),
      `{ tenant(tenantUid: "${ALPHA}") { users(pageSize: 50) { items { ${USER_FIELDS} } paging { totalCount } } } }`,
    );
    expect(errors).toBeUndefined();
    const items = data.tenant.users.items;
    expect(items.length).toBe(Math.min(50, Number(data.tenant.users.paging.totalCount)));
    expect(items[1]).toMatchObject({ tenantRole: 'UNKNOWN', tenantRoleRaw: 'OWNER' });
    expect(items[2]).toMatchObject({ status: 'UNKNOWN', statusRaw: 'SUSPENDED' });
    expect(items[3].email).toBe('');
    expect(items[4].lastAccessed).toBeNull();
    expect(items[5]).toMatchObject({ accountType: 'UNKNOWN', accountTypeRaw: 'ROBOT' });
    // Known values pass through, and their raw twin is the same.
    expect(items[0].tenantRole).toBe(items[0].tenantRoleRaw);
    expect(items[0].lastAccessed).toEqual(expect.any(String));
  });

  it('a user with a value the graph cannot show keeps its page: stand-ins and an UPSTREAM_DRIFT error at the item', async () => {
    gw.sandbox.faults.set('get-tenants-users', {
      drift: [
        { path: 'items.2.permissions', remove: true },
        { path: 'items.3.storeAccess.0.createdAt', value: 12 },
        { path: 'items.4.storeAccess', value: null },
      ],
    });
    const { data, errors } = await run(
      admin(),
      `{ tenant(tenantUid: "${ALPHA}") { name users(pageSize: 10) { items { tenantUserUid storeAccess { storeUid createdAt } permissions { tenant } } } } }`,
    );
    expect(data.tenant.name).toEqual(expect.any(String));
    expect(data.tenant.users.items).toHaveLength(10);
    // A list the upstream sent as null is an empty list; a wrongly typed string is shown as text.
    expect(data.tenant.users.items[4].storeAccess).toEqual([]);
    expect(data.tenant.users.items[3].storeAccess[0].createdAt).toBe('12');
    // Missing permissions in a list are loaded from the user's details instead.
    expect(data.tenant.users.items[2].permissions.tenant).toEqual(expect.any(Array));
    expect(driftErrors(errors).map((error) => error.path)).toEqual([['tenant', 'users', 'items', 2]]);
    expect(driftErrors(errors)[0].extensions).toMatchObject({ operation: 'get-tenants-users', fields: ['permissions'] });
  });

  it('search: an unknown status and a null name keep the found users', async () => {
    gw.sandbox.faults.set('post-tenants-users-search', {
      drift: [
        { path: 'items.0.status', value: 'ARCHIVED' },
        { path: 'items.0.displayName', value: null },
      ],
    });
    const { data, errors } = await run(
      admin(),
      `{ tenant(tenantUid: "${ALPHA}") { searchUsers(filter: {}, pageSize: 5) { items { status statusRaw displayName } } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data.tenant.searchUsers.items).toHaveLength(5);
    expect(data.tenant.searchUsers.items[0]).toEqual({ status: 'UNKNOWN', statusRaw: 'ARCHIVED', displayName: '' });
  });

  it('tenants list: a new extension code is UNKNOWN; a tenant with a null setting keeps its siblings and is flagged', async () => {
    gw.sandbox.faults.set('get-tenants', {
      drift: [
        { path: 'items.*.extensions.0.extensionCode', value: 'QUANTUM_PAY' },
        { path: 'items.1.settings.autoLogout', value: null },
        { path: 'items.1.currency', remove: true },
      ],
    });
    const { data, errors } = await run(
      admin(),
      '{ tenants { items { tenantUid name settings { autoLogout } currency { code } extensions { extensionCode extensionCodeRaw } } } }',
    );
    const items = data.tenants.items;
    expect(items.length).toBeGreaterThan(1);
    for (const tenant of items) expect(tenant.extensions[0]).toEqual({ extensionCode: 'UNKNOWN', extensionCodeRaw: 'QUANTUM_PAY' });
    expect(items[1]).toMatchObject({ settings: { autoLogout: 0 }, currency: { code: '' } });
    expect(items[0].settings.autoLogout).toEqual(expect.any(Number));
    expect(driftErrors(errors)).toHaveLength(1);
    expect(driftErrors(errors)[0]).toMatchObject({ path: ['tenants', 'items', 1], extensions: { operation: 'get-tenants' } });
    expect(driftErrors(errors)[0].extensions?.fields).toEqual(expect.arrayContaining(['settings.autoLogout', 'currency']));
  });

  it('tenant details: unknown enums everywhere (the preset) and extra properties still give the whole tenant', async () => {
    gw.sandbox.faults.set('get-tenants-details', { driftPreset: 'unknown-enums' });
    const unknown = await run(
      admin(),
      `{ tenant(tenantUid: "${ALPHA}") { name settings { requiredCustomerFields requiredCustomerFieldsRaw } extensions { extensionCode extensionCodeRaw } } }`,
    );
    expect(unknown.errors).toBeUndefined();
    for (const extension of unknown.data.tenant.extensions) {
      expect(extension.extensionCode).toBe('UNKNOWN');
      expect(extension.extensionCodeRaw).toMatch(/^NEW_/);
    }
    expect(new Set(unknown.data.tenant.settings.requiredCustomerFields)).toEqual(new Set(['UNKNOWN']));
    gw.sandbox.faults.set('get-tenants-details', { driftPreset: 'extra' });
    const extra = await run(admin(), `{ tenant(tenantUid: "${ALPHA}") { name currency { code } } }`);
    expect(extra.errors).toBeUndefined();
    expect(extra.data.tenant.name).toEqual(expect.any(String));
  });

  it('required strings null everywhere (the preset) are "", and the tenant stays', async () => {
    gw.sandbox.faults.set('get-tenants-details', { driftPreset: 'nulls' });
    const { data, errors } = await run(admin(), `{ tenant(tenantUid: "${ALPHA}") { tenantUid name vatNumber currency { code symbol } } }`);
    expect(errors).toBeUndefined();
    expect(data.tenant).toEqual({ tenantUid: '', name: '', vatNumber: '', currency: { code: '', symbol: '' } });
  });
});

describe('me and login', () => {
  it('me keeps every membership: OWNER, SUSPENDED, a null email and no last access', async () => {
    gw.sandbox.faults.set('get-account', {
      drift: [
        { path: 'tenants.0.tenantRole', value: 'OWNER' },
        { path: 'tenants.0.status', value: 'SUSPENDED' },
        { path: 'tenants.1.email', value: null },
        { path: 'tenants.*.lastAccessed', remove: true },
      ],
    });
    const { data, errors } = await run(admin(), `{ me { defaultTenantUid memberships { ${USER_FIELDS} } } }`);
    expect(errors).toBeUndefined();
    expect(data.me.memberships).toHaveLength(2);
    expect(data.me.memberships[0]).toMatchObject({
      tenantRole: 'UNKNOWN',
      tenantRoleRaw: 'OWNER',
      status: 'UNKNOWN',
      statusRaw: 'SUSPENDED',
      lastAccessed: null,
    });
    expect(data.me.memberships[1]).toMatchObject({ email: '', lastAccessed: null });
  });

  it('login returns the issued access token whatever is wrong with the user record', async () => {
    const login = `mutation { login(userCode: "${DEMO.login.userCode}", password: "${DEMO.login.password}") { accessToken tenantUser { tenantRole tenantRoleRaw email } } }`;
    gw.sandbox.faults.set('post-account', {
      drift: [
        { path: 'tenantUser.tenantRole', value: 'OWNER' },
        { path: 'tenantUser.email', value: null },
      ],
      times: 1,
    });
    const odd = await run(gw.client(DEMO.tokens.device), login);
    expect(odd.errors).toBeUndefined();
    expect(odd.data.login).toEqual({
      accessToken: expect.any(String) as unknown,
      tenantUser: { tenantRole: 'UNKNOWN', tenantRoleRaw: 'OWNER', email: '' },
    });
    gw.sandbox.faults.set('post-account', { drift: [{ path: 'tenantUser', remove: true }], times: 1 });
    const without = await run(gw.client(DEMO.tokens.device), login);
    expect(without.data.login.accessToken).toEqual(expect.any(String));
    expect(without.data.login.tenantUser).toBeNull();
    expect(driftErrors(without.errors)[0]).toMatchObject({ path: ['login'], extensions: { fields: ['tenantUser'] } });
    // The token works.
    const me = await run(gw.client(String(without.data.login.accessToken)), '{ me { defaultTenantUid } }');
    expect(me.errors).toBeUndefined();
  });
});

describe('UNKNOWN is output only', () => {
  it.each([
    [
      'a literal',
      `mutation { createTenantUser(tenantUid: "${ALPHA}", input: { accountType: UNKNOWN, tenantRole: ACCESS, userCode: "u-unknown", password: "pw-123456" }) { tenantUserUid } }`,
      undefined,
    ],
    [
      'a variable inside an input list',
      `mutation($input: CreateTenantUserInput!) { createTenantUser(tenantUid: "${ALPHA}", input: $input) { tenantUserUid } }`,
      {
        input: {
          accountType: 'REGULAR',
          tenantRole: 'ACCESS',
          userCode: 'u-unknown',
          password: 'pw-123456',
          storeAccess: [{ storeUid: 's', storeRole: 'UNKNOWN' }],
        },
      },
    ],
  ])('as %s it is refused with BAD_USER_INPUT before any upstream call', async (_name, query, variables) => {
    gw.sandbox.counters.reset();
    const { errors } = await run(admin(), query, variables);
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0].message).toMatch(/UNKNOWN is output only/);
    expect(gw.sandbox.counters.total()).toBe(0);
  });
});

describe('drift is observable without flooding', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway();
  });
  afterAll(() => gw.close());
  const admin = () => gw.client(DEMO.tokens.admin);

  it('counts each drift by operation, field and kind, and logs each distinct one once, without user data', async () => {
    const samples = async () => {
      const metrics = await (await fetch(`${gw.origin}/metrics`)).text();
      const sample = (field: string, kind: string) =>
        Number(
          new RegExp(
            `gateway_upstream_drift_total\\{operation="get-tenants-users",field="${field.replace(/[.*]/g, '\\$&')}",kind="${kind}"\\} (\\d+)`,
          ).exec(metrics)?.[1] ?? 0,
        );
      return [sample('items.*.tenantRole', 'unknown-enum'), sample('items.*.email', 'null'), sample('items.*.brandNew', 'extra')];
    };
    const before = await samples();
    const logged = gw.logs.length;
    gw.sandbox.faults.set('get-tenants-users', {
      drift: [
        { path: 'items.*.tenantRole', value: 'OWNER' },
        { path: 'items.*.email', value: null },
        { path: 'items.*.brandNew', value: 'secret-value-x' },
      ],
    });
    for (let i = 0; i < 3; i++)
      await run(admin(), `{ tenant(tenantUid: "${ALPHA}") { users(pageSize: 20) { items { tenantRole email } } } }`);
    // 3 requests × 20 users, for each of the three departures.
    expect((await samples()).map((after, i) => after - before[i])).toEqual([60, 60, 60]);
    // Drift warnings as src/observability/drift.ts writes them.
    const lines = gw.logs.slice(logged).filter((line) => line.msg === 'upstream drift' && line.operation === 'get-tenants-users') as {
      field: string;
      kind: string;
      value?: string;
    }[];
    expect(lines.map((line) => `${line.field} ${line.kind} ${line.value ?? ''}`).sort()).toEqual(
      ['items.*.brandNew extra ', 'items.*.email null ', 'items.*.tenantRole unknown-enum OWNER'].sort(),
    );
    expect(JSON.stringify(lines)).not.toMatch(/secret-value-x|@/);
  });
});
