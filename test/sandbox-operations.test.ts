import { describe, expect, it } from 'vitest';
import { DEMO } from '../src/sandbox/seed.ts';
import { expectConforms, specOperationIds } from './helpers/sandbox-client.ts';
import { useSandbox } from './helpers/sandbox-fixture.ts';

const { alpha: A, beta: B } = DEMO.tenants;
const T = DEMO.tokens;
const U = DEMO.users;
const { sb, api } = useSandbox();

describe('sandbox: every operation (success path + response schema)', () => {
  it('spec has the 20 operations', () => {
    expect(specOperationIds).toHaveLength(20);
  });

  it('runs all 20 operations successfully and every response conforms to the spec', async () => {
    // get-account
    let r = await api('GET', '/account', { token: T.admin });
    expect(r.status).toBe(200);
    expectConforms('get-account', r);
    expect(r.body.defaultTenantUid).toBe(A);
    expect(r.body.tenants.map((t) => t.tenantUserUid).sort()).toEqual([U.adminAlpha, U.adminBeta].sort());
    expect(r.body.tenants[0]).not.toHaveProperty('tenantName');
    expect(r.body.tenants[0]).not.toHaveProperty('permissions');

    // post-account (device login)
    r = await api('POST', '/account', { token: T.device, body: DEMO.login });
    expect(r.status).toBe(200);
    expectConforms('post-account', r);
    expect(r.body.tenantUser.tenantUserUid).toBe(U.regularAlpha);
    const loginToken = String(r.body.accessToken);
    expect(loginToken).not.toBe(T.regular);
    r = await api('GET', '/account', { token: loginToken });
    expect(r.status).toBe(200);
    expect(r.body.tenants.map((t) => t.tenantUserUid)).toEqual([U.regularAlpha]);

    // put-account
    r = await api('PUT', '/account', { token: T.admin, body: { defaultTenantUid: B } });
    expect(r.status).toBe(200);
    expectConforms('put-account', r);
    expect(r.body.defaultTenantUid).toBe(B);
    expect((await api('GET', '/account', { token: T.admin })).body.defaultTenantUid).toBe(B);

    // get-tenants-account
    r = await api('GET', `/tenants/${A}/account`, { token: T.admin });
    expect(r.status).toBe(200);
    expectConforms('get-tenants-account', r);
    expect(r.body.tenantUserUid).toBe(U.adminAlpha);
    expect(r.body.tenantUid).toBe(A);

    // post-tenants-account (auth token -> access token)
    r = await api('POST', `/tenants/${B}/account`, { token: T.auth });
    expect(r.status).toBe(200);
    expectConforms('post-tenants-account', r);
    expect(r.body.tenantUserUid).toBe(U.adminBeta);
    const exchanged = r.headers.get('x-access-token');
    expect(exchanged).toMatch(/^sbx-access-/);
    expect((await api('GET', `/tenants/${B}/account`, { token: exchanged! })).body.tenantUserUid).toBe(U.adminBeta);

    // put-tenants-account
    r = await api('PUT', `/tenants/${A}/account`, {
      token: T.regular,
      body: { mobile: '+47 11112222', defaultStoreUid: '', displayName: 'Rita R.' },
    });
    expect(r.status).toBe(200);
    expectConforms('put-tenants-account', r);
    expect(r.body).toMatchObject({ tenantUserUid: U.regularAlpha, mobile: '+47 11112222', defaultStoreUid: '', displayName: 'Rita R.' });
    expect((await api('GET', `/tenants/${A}/account`, { token: T.regular })).body.mobile).toBe('+47 11112222');

    // get-account-invite (public)
    r = await api('GET', '/account/invite', { headers: { 'x-invite-token': DEMO.inviteToken } });
    expect(r.status).toBe(200);
    expectConforms('get-account-invite', r);
    expect(r.body).toEqual({
      tenant: { name: 'Alpha Sport AS' },
      user: {
        displayName: 'Pia Pending',
        email: 'pia.pending@sandbox.flowretail.test',
        firstname: 'Pia',
        lastname: 'Pending',
        mobile: '+47 90000004',
        status: 'PENDING_INVITE',
      },
    });

    // put-account-invite
    r = await api('PUT', '/account/invite', { token: T.auth, body: { inviteToken: DEMO.inviteToken } });
    expect(r.status).toBe(200);
    expectConforms('put-account-invite', r);
    expect(r.body).toMatchObject({ tenantUserUid: U.pendingAlpha, status: 'ACTIVE' });

    // get-tenants
    r = await api('GET', '/tenants', { token: T.admin });
    expect(r.status).toBe(200);
    expectConforms('get-tenants', r);
    expect(r.body.items.map((t) => t.tenantUid)).toEqual([A, B]);
    expect(r.body.paging).toEqual({ pageNumber: 1, pageSize: 50, totalCount: 2 });

    // get-tenants-details
    r = await api('GET', `/tenants/${B}`, { token: T.admin });
    expect(r.status).toBe(200);
    expectConforms('get-tenants-details', r);
    expect(r.body).toMatchObject({ tenantUid: B, name: 'Beta Books AB', pricelistUid: '', currency: { code: 'SEK' } });

    // put-tenants-details
    r = await api('PUT', `/tenants/${A}`, {
      token: T.admin,
      body: {
        name: 'Alpha Renamed',
        autoLogout: 600,
        showOutOfStockWarning: false,
        defaultParkedOrderLifespanDays: 3,
        logoAssetUid: 'logo-2',
        requiredCustomerFields: ['city'],
        pricelistUid: '',
      },
    });
    expect(r.status).toBe(200);
    expectConforms('put-tenants-details', r);
    expect(r.body.name).toBe('Alpha Renamed');
    expect(r.body.pricelistUid).toBe('');
    expect(r.body.settings.autoLogout).toBe(600);
    expect(r.body.settings.requiredCustomerFields).toEqual(['city']);
    expect(r.body.settings.defaultParkedOrderLifespanDays).toBe(3);
    expect(r.body.appSettings.showOutOfStockWarning).toBe(false);
    expect(r.body.appSettings.defaultParkedOrderLifespanDays).toBe(3);
    expect(r.body.settings).not.toHaveProperty('showOutOfStockWarning');
    expect(r.body.assets.logo).toEqual({ assetUid: 'logo-2', url: expect.stringContaining('logo-2') as unknown });
    expect(r.body.assets.splash.assetUid).toBe('alpha-splash');
    expect(Date.parse(String(r.body.lastModifiedAt))).toBeGreaterThan(Date.parse('2025-01-01'));

    // get-tenants-users
    r = await api('GET', `/tenants/${A}/users`, { token: T.admin });
    expect(r.status).toBe(200);
    expectConforms('get-tenants-users', r);
    expect(r.body.items).toHaveLength(50);
    expect(r.body.paging).toEqual({ pageNumber: 1, pageSize: 50, totalCount: 64 });
    expect(r.body.items[0].tenantName).toBe('Alpha Renamed');

    // post-tenants-users
    r = await api('POST', `/tenants/${A}/users`, {
      token: T.admin,
      body: {
        accountType: 'REGULAR',
        tenantRole: 'ACCESS',
        userCode: 'new-1',
        password: 'pw-new-1',
        firstname: 'Nina',
        lastname: 'New',
        storeAccess: [{ storeUid: 'alpha-store-web', storeRole: 'REGULAR' }],
      },
    });
    expect(r.status).toBe(200);
    expectConforms('post-tenants-users', r);
    expect(r.body).toMatchObject({ userCode: 'new-1', displayName: 'Nina New', status: 'ACTIVE', tenantName: 'Alpha Renamed', email: '' });
    expect(r.body.storeAccess).toEqual([expect.objectContaining({ storeUid: 'alpha-store-web', storeRole: 'REGULAR' })]);
    expect(r.body.permissions.stores[0].store).toEqual({
      name: 'Webshop',
      storeUid: 'alpha-store-web',
      organizationUid: 'alpha-org-online',
      organizationName: 'Online',
    });
    const created = String(r.body.tenantUserUid);

    // get-tenants-users-details
    r = await api('GET', `/tenants/${A}/users/${created}`, { token: T.regular });
    expect(r.status).toBe(200);
    expectConforms('get-tenants-users-details', r);
    expect(r.body.userCode).toBe('new-1');

    // put-tenants-users-details
    r = await api('PUT', `/tenants/${A}/users/${created}`, {
      token: T.admin,
      body: { lastname: 'Newer', displayName: 'Nina Newer', tenantRole: 'BACKOFFICE' },
    });
    expect(r.status).toBe(200);
    expectConforms('put-tenants-users-details', r);
    expect(r.body).toMatchObject({ lastname: 'Newer', displayName: 'Nina Newer', tenantRole: 'BACKOFFICE' });
    expect(r.body.permissions.tenant).toContain('PRODUCT');

    // post-tenants-users-search
    r = await api('POST', `/tenants/${A}/users/search`, { token: T.admin, body: { query: 'nina newer' } });
    expect(r.status).toBe(200);
    expectConforms('post-tenants-users-search', r);
    expect(r.body.items.map((u) => u.tenantUserUid)).toEqual([created]);

    // delete-tenants-users-details
    r = await api('DELETE', `/tenants/${A}/users/${created}`, { token: T.admin });
    expect(r.status).toBe(204);
    expectConforms('delete-tenants-users-details', r);
    expect((await api('GET', `/tenants/${A}/users/${created}`, { token: T.admin })).status).toBe(404);

    // get-tenants-users-tokens
    r = await api('GET', `/tenants/${A}/users/${U.integrationAlpha}/tokens`, { token: T.admin });
    expect(r.status).toBe(200);
    expectConforms('get-tenants-users-tokens', r);
    expect(r.body.items.map((t) => t.token)).toContain(T.integration);
    expect(r.body.paging.totalCount).toBe(2);

    // post-tenants-users-tokens
    r = await api('POST', `/tenants/${A}/users/${U.integrationAlpha}/tokens`, { token: T.admin });
    expect(r.status).toBe(200);
    expectConforms('post-tenants-users-tokens', r);
    expect(r.body.items).toHaveLength(3);
    expect(r.body.paging.totalCount).toBe(3);
    const fresh = r.body.items[2];

    // delete-tenants-users-tokens-details
    r = await api('DELETE', `/tenants/${A}/users/${U.integrationAlpha}/tokens/${String(fresh.tenantUserTokenUid)}`, { token: T.admin });
    expect(r.status).toBe(204);
    expectConforms('delete-tenants-users-tokens-details', r);
    r = await api('GET', `/tenants/${A}/users/${U.integrationAlpha}/tokens`, { token: T.admin });
    expect(r.body.items.map((t) => t.tenantUserTokenUid)).not.toContain(fresh.tenantUserTokenUid);

    expect(Object.keys(sb.counters.snapshot()).sort()).toEqual([...specOperationIds].sort());
  });

  it('list, detail and account responses of every tenant conform (full seed)', async () => {
    for (const [token, tenant] of [
      [T.admin, A],
      [T.admin, B],
      [T.other, DEMO.tenants.gamma],
    ] as const) {
      const users = await api('GET', `/tenants/${tenant}/users?pageSize=500`, { token });
      expectConforms('get-tenants-users', users);
      expect(users.body.items.length).toBeGreaterThanOrEqual(50);
      const details = await api('GET', `/tenants/${tenant}`, { token });
      expectConforms('get-tenants-details', details);
      expect(users.body.items.some((u) => 'password' in u || 'tokens' in u || 'inviteToken' in u)).toBe(false);
    }
    for (const token of [T.admin, T.regular, T.other, T.auth, T.integration]) {
      const r = await api('GET', '/account', { token });
      expect(r.status).toBe(200);
      expectConforms('get-account', r);
      expectConforms('get-tenants', await api('GET', '/tenants', { token }));
    }
  });

  it('the conformance checker rejects bodies that break the schema', () => {
    const ok = { status: 200, headers: new Headers(), text: '{}' };
    expect(() => expectConforms('get-tenants-details', { ...ok, body: {} })).toThrow(/does not match/);
    expect(() =>
      expectConforms('get-tenants', { ...ok, body: { items: [], paging: { pageNumber: 1, pageSize: 50, totalCount: 0 }, extra: 1 } }),
    ).toThrow(/additional properties/);
    expect(() => expectConforms('get-tenants', { ...ok, status: 201, body: {} })).toThrow(/not declared/);
  });

  it('GET /tenants/{t} answers 404 with a GenericErrorResponse that conforms to the declared 404', async () => {
    const r = await api('GET', '/tenants/no-such-tenant', { token: T.admin });
    expect(r.status).toBe(404);
    expectConforms('get-tenants-details', r);
  });
});
