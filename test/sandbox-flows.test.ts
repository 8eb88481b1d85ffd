import { describe, expect, it } from 'vitest';
import { DEMO } from '../src/sandbox/seed.ts';
import { expectConforms, expectError } from './helpers/sandbox-client.ts';
import { useSandbox } from './helpers/sandbox-fixture.ts';

const { alpha: A, beta: B, gamma: G } = DEMO.tenants;
const T = DEMO.tokens;
const U = DEMO.users;
const { sb, api } = useSandbox();

const invite = (token: string) => api('GET', '/account/invite', { headers: { 'x-invite-token': token } });

describe('sandbox flows: invitations', () => {
  it('create FULL user with email -> PENDING_INVITE -> GET invite -> resend -> accept with auth token -> ACTIVE', async () => {
    const created = await api('POST', `/tenants/${G}/users`, {
      token: T.other,
      body: {
        accountType: 'FULL',
        tenantRole: 'BACKOFFICE',
        userCode: 'ada-g',
        password: 'pw-ada-g',
        email: 'ada.g@example.com',
        firstname: 'Ada',
        lastname: 'G',
        mobile: '+45 1234',
      },
    });
    expect(created.status).toBe(200);
    expect(created.body.status).toBe('PENDING_INVITE');
    const uid = String(created.body.tenantUserUid);
    const first = created.headers.get('x-sandbox-invite-token')!;
    expect(first).toMatch(/^sbx-invite-/);

    // the invitation is also listed by the control endpoint
    const invites: unknown = await fetch(sb.url.replace(/\/v2$/, '/__sandbox/invites')).then((r) => r.json());
    expect(invites).toContainEqual({ inviteToken: first, tenantUid: G, tenantUserUid: uid, email: 'ada.g@example.com' });

    const info = await invite(first);
    expect(info.status).toBe(200);
    expectConforms('get-account-invite', info);
    expect(info.body).toEqual({
      tenant: { name: 'Gamma Garden ApS' },
      user: {
        displayName: 'Ada G',
        email: 'ada.g@example.com',
        firstname: 'Ada',
        lastname: 'G',
        mobile: '+45 1234',
        status: 'PENDING_INVITE',
      },
    });

    // resend: a new token, the old one stops working
    const resent = await api('PUT', `/tenants/${G}/users/${uid}?resendInvite=true`, { token: T.other, body: {} });
    expect(resent.status).toBe(200);
    const second = resent.headers.get('x-sandbox-invite-token')!;
    expect(second).toMatch(/^sbx-invite-/);
    expect(second).not.toBe(first);
    expectError(await invite(first), 404);
    expectError(await api('PUT', '/account/invite', { token: T.auth, body: { inviteToken: first } }), 404);
    expect((await invite(second)).status).toBe(200);

    // the admin account is not in gamma yet
    expectError(await api('GET', `/tenants/${G}`, { token: T.admin }), 403);

    const accepted = await api('PUT', '/account/invite', { token: T.auth, body: { inviteToken: second } });
    expect(accepted.status).toBe(200);
    expectConforms('put-account-invite', accepted);
    expect(accepted.body).toMatchObject({ tenantUserUid: uid, tenantUid: G, status: 'ACTIVE', tenantRole: 'BACKOFFICE' });

    // consumed
    expectError(await invite(second), 404);
    expectError(await api('PUT', '/account/invite', { token: T.auth, body: { inviteToken: second } }), 404);

    // the account (auth and access tokens of it) is now a member of gamma
    const account = await api('GET', '/account', { token: T.admin });
    expect(account.body.tenants.map((t) => t.tenantUserUid)).toEqual([U.adminAlpha, U.adminBeta, uid]);
    expect((await api('GET', `/tenants/${G}`, { token: T.admin })).status).toBe(200);
    expect((await api('GET', '/tenants', { token: T.auth })).body.items.map((t) => t.tenantUid)).toEqual([A, B, G]);
    expect((await api('GET', `/tenants/${G}/users/${uid}`, { token: T.other })).body.status).toBe('ACTIVE');
    // but not an admin there
    expectError(await api('PUT', `/tenants/${G}`, { token: T.admin, body: { name: 'x' } }), 403);
  });

  it('DEMO.inviteToken can be accepted with DEMO.tokens.auth; the account keeps its existing alpha membership', async () => {
    const r = await api('PUT', '/account/invite', { token: T.auth, body: { inviteToken: DEMO.inviteToken } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ tenantUserUid: U.pendingAlpha, status: 'ACTIVE' });
    expect((await api('GET', `/tenants/${A}/account`, { token: T.admin })).body.tenantUserUid).toBe(U.adminAlpha);
    expect((await api('GET', `/tenants/${A}/users/${U.pendingAlpha}`, { token: T.admin })).body.status).toBe('ACTIVE');
  });

  it('users created without email are ACTIVE right away and can log in on a device', async () => {
    const created = await api('POST', `/tenants/${A}/users`, {
      token: T.admin,
      body: { accountType: 'REGULAR', tenantRole: 'ACCESS', userCode: '7777', password: 'pin-7777', displayName: 'Till 7' },
    });
    expect(created.body).toMatchObject({ status: 'ACTIVE', displayName: 'Till 7', languageCode: 'nb' });
    expect(created.headers.get('x-sandbox-invite-token')).toBeNull();
    const login = await api('POST', '/account', { token: T.device, body: { userCode: '7777', password: 'pin-7777' } });
    expect(login.status).toBe(200);
    expect(login.body.tenantUser.tenantUserUid).toBe(created.body.tenantUserUid);
    const me = await api('GET', `/tenants/${A}/account`, { token: String(login.body.accessToken) });
    expect(me.body.tenantUserUid).toBe(created.body.tenantUserUid);
    expect(Date.parse(String(me.body.lastAccessed))).toBeGreaterThan(Date.parse('2025-01-01'));
  });

  it('a requested tenantUserUid is used as given', async () => {
    const r = await api('POST', `/tenants/${A}/users`, {
      token: T.admin,
      body: { accountType: 'SUPPORT', tenantRole: 'BACKOFFICE', userCode: 'sup', password: 'p', tenantUserUid: 'my-own-uid' },
    });
    expect(r.body.tenantUserUid).toBe('my-own-uid');
    expect((await api('GET', `/tenants/${A}/users/my-own-uid`, { token: T.admin })).body.accountType).toBe('SUPPORT');
  });
});

describe('sandbox flows: users and tokens', () => {
  it('deleting a user revokes its integration tokens and removes it everywhere', async () => {
    expect((await api('GET', '/account', { token: T.integration })).status).toBe(200);
    const del = await api('DELETE', `/tenants/${A}/users/${U.integrationAlpha}`, { token: T.admin });
    expect(del.status).toBe(204);
    expect(del.text).toBe('');
    expectError(await api('GET', '/account', { token: T.integration }), 401);
    expectError(await api('GET', `/tenants/${A}/users/${U.integrationAlpha}`, { token: T.admin }), 404);
    expectError(await api('GET', `/tenants/${A}/users/${U.integrationAlpha}/tokens`, { token: T.admin }), 404);
    expectError(await api('DELETE', `/tenants/${A}/users/${U.integrationAlpha}`, { token: T.admin }), 404);
    const list = await api('GET', `/tenants/${A}/users?pageSize=500`, { token: T.admin });
    expect(list.body.paging.totalCount).toBe(63);
    expect(list.body.items.map((u) => u.tenantUserUid)).not.toContain(U.integrationAlpha);
  });

  it('deleting a pending user invalidates its invitation; deleting a member removes the tenant from the account', async () => {
    await api('DELETE', `/tenants/${A}/users/${U.pendingAlpha}`, { token: T.admin });
    expectError(await invite(DEMO.inviteToken), 404);
    await api('DELETE', `/tenants/${A}/users/${U.regularAlpha}`, { token: T.admin });
    const account = await api('GET', '/account', { token: T.regular });
    expect(account.status).toBe(200);
    expect(account.body.tenants).toEqual([]);
    expectError(await api('GET', `/tenants/${A}`, { token: T.regular }), 403);
  });

  it('integration token lifecycle: create -> authenticates as that user -> delete -> 401', async () => {
    const target = U.regularAlpha;
    const created = await api('POST', `/tenants/${A}/users/${target}/tokens`, { token: T.admin });
    expect(created.body.items).toHaveLength(1);
    const token = String(created.body.items[0].token);
    const tenantUserTokenUid = String(created.body.items[0].tenantUserTokenUid);
    expect(token).toMatch(/^sbx-integration-/);
    const me = await api('GET', `/tenants/${A}/account`, { token });
    expect(me.body.tenantUserUid).toBe(target);
    const again = await api('POST', `/tenants/${A}/users/${target}/tokens`, { token: T.admin });
    expect(again.body.items.map((t) => t.tenantUserTokenUid)).toEqual([tenantUserTokenUid, expect.any(String)]);
    expect((await api('DELETE', `/tenants/${A}/users/${target}/tokens/${tenantUserTokenUid}`, { token: T.admin })).status).toBe(204);
    expectError(await api('GET', `/tenants/${A}/account`, { token }), 401);
    expectError(await api('DELETE', `/tenants/${A}/users/${target}/tokens/${tenantUserTokenUid}`, { token: T.admin }), 404);
    // a token uid of another user is not found on this user
    expectError(await api('DELETE', `/tenants/${A}/users/${target}/tokens/${U.integrationAlpha}-token-1`, { token: T.admin }), 404);
    expect((await api('GET', `/tenants/${A}/users/${target}/tokens`, { token: T.admin })).body.items).toHaveLength(1);
  });

  it('PUT user applies given fields only; storeAccess replaces the list with new storeAccessUids', async () => {
    const before = (await api('GET', `/tenants/${A}/users/${U.adminAlpha}`, { token: T.admin })).body;
    expect(before.storeAccess).toHaveLength(4);
    const r = await api('PUT', `/tenants/${A}/users/${U.adminAlpha}`, {
      token: T.admin,
      body: {
        storeAccess: [{ storeUid: 'alpha-store-web', storeRole: 'BACKOFFICE' }],
        externalId: 'HR-9',
        defaultStoreUid: 'alpha-store-web',
      },
    });
    expect(r.status).toBe(200);
    expect(r.body.storeAccess).toHaveLength(1);
    expect(r.body.storeAccess[0]).toMatchObject({ storeUid: 'alpha-store-web', storeRole: 'BACKOFFICE' });
    expect(before.storeAccess.map((s) => s.storeAccessUid)).not.toContain(r.body.storeAccess[0].storeAccessUid);
    expect(r.body).toMatchObject({
      externalId: 'HR-9',
      defaultStoreUid: 'alpha-store-web',
      firstname: before.firstname,
      email: before.email,
    });
    expect(r.body.permissions.stores.map((s) => s.store.storeUid)).toEqual(['alpha-store-web']);
    expect(r.body.lastModifiedAt > before.lastModifiedAt).toBe(true);
    // the list endpoint shows the change too
    const listed = await api('POST', `/tenants/${A}/users/search`, { token: T.admin, body: { userCode: 'admin' } });
    expect(listed.body.items[0].externalId).toBe('HR-9');
  });

  it('promoting a user to ADMIN grants admin operations', async () => {
    expectError(await api('PUT', `/tenants/${A}`, { token: T.regular, body: { name: 'R' } }), 403);
    await api('PUT', `/tenants/${A}/users/${U.regularAlpha}`, { token: T.admin, body: { tenantRole: 'ADMIN' } });
    const r = await api('PUT', `/tenants/${A}`, { token: T.regular, body: { name: 'R' } });
    expect(r.status).toBe(200);
    expect(r.body.name).toBe('R');
  });

  it('renaming a tenant shows up in tenantName of its users', async () => {
    await api('GET', `/tenants/${A}/users`, { token: T.admin });
    await api('PUT', `/tenants/${A}`, { token: T.admin, body: { name: 'Alpha Outdoor AS' } });
    const users = await api('GET', `/tenants/${A}/users`, { token: T.admin });
    expect(new Set(users.body.items.map((u) => u.tenantName))).toEqual(new Set(['Alpha Outdoor AS']));
    const tenants = await api('GET', '/tenants', { token: T.admin });
    expect(tenants.body.items[0].name).toBe('Alpha Outdoor AS');
  });

  it('PUT /tenants/{t}/account edits only the caller own tenant user', async () => {
    const r = await api('PUT', `/tenants/${A}/account`, {
      token: T.admin,
      body: { languageCode: 'en', password: 'new-pw', lastname: 'Adminsen' },
    });
    expect(r.body).toMatchObject({ tenantUserUid: U.adminAlpha, languageCode: 'en', lastname: 'Adminsen' });
    expect(r.body).not.toHaveProperty('password');
    const beta = await api('GET', `/tenants/${B}/account`, { token: T.admin });
    expect(beta.body.lastname).toBe('Admin');
    const details = await api('GET', `/tenants/${A}/users/${U.adminAlpha}`, { token: T.admin });
    expect(details.body.lastname).toBe('Adminsen');
  });

  it('PUT /account with an integration token accepts only its own tenant', async () => {
    const ok = await api('PUT', '/account', { token: T.integration, body: { defaultTenantUid: A } });
    expect(ok.status).toBe(200);
    expect(ok.body.defaultTenantUid).toBe(A);
    expectError(await api('PUT', '/account', { token: T.integration, body: { defaultTenantUid: B } }), 400);
  });
});
