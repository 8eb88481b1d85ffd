import { describe, expect, it } from 'vitest';
import { DEMO } from '../src/sandbox/seed.ts';
import { expectError } from './helpers/sandbox-client.ts';
import { useSandbox } from './helpers/sandbox-fixture.ts';

const { alpha: A, beta: B, gamma: G } = DEMO.tenants;
const T = DEMO.tokens;
const U = DEMO.users;
const { sb, api } = useSandbox();

describe('sandbox auth: 401', () => {
  it('rejects a missing, malformed or unknown bearer token', async () => {
    expectError(await api('GET', '/account'), 401, 'UNAUTHORIZED');
    expectError(await api('GET', `/tenants/${A}`, { headers: { authorization: `Basic ${T.admin}` } }), 401, 'UNAUTHORIZED');
    expectError(await api('GET', `/tenants/${A}`, { headers: { authorization: 'Bearer' } }), 401, 'UNAUTHORIZED');
    expectError(await api('GET', '/tenants', { token: 'sbx-access-nope' }), 401, 'UNAUTHORIZED');
  });

  it('accepts the scheme case-insensitively', async () => {
    const r = await api('GET', '/account', { headers: { authorization: `bearer ${T.admin}` } });
    expect(r.status).toBe(200);
  });

  it('a device token only works for POST /account', async () => {
    for (const [method, path] of [
      ['GET', '/account'],
      ['GET', '/tenants'],
      ['GET', `/tenants/${A}`],
      ['GET', `/tenants/${A}/users`],
      ['POST', `/tenants/${A}/account`],
    ] as const) {
      const r = await api(method, path, { token: T.device });
      expectError(r, 401, 'UNAUTHORIZED');
      expect(r.body.message).toMatch(/device token/);
    }
    expect((await api('POST', '/account', { token: T.device, body: DEMO.login })).status).toBe(200);
  });

  it('token kinds not allowed by the operation security are 401', async () => {
    // login only accepts device tokens
    expectError(await api('POST', '/account', { token: T.admin, body: DEMO.login }), 401);
    expectError(await api('POST', '/account', { token: T.auth, body: DEMO.login }), 401);
    // exchange and invite acceptance only accept auth tokens
    expectError(await api('POST', `/tenants/${A}/account`, { token: T.admin }), 401);
    expectError(await api('POST', `/tenants/${A}/account`, { token: T.integration }), 401);
    expectError(await api('PUT', '/account/invite', { token: T.admin, body: { inviteToken: DEMO.inviteToken } }), 401);
    // invitation untouched by the rejected call
    expect((await api('GET', '/account/invite', { headers: { 'x-invite-token': DEMO.inviteToken } })).body.user.status).toBe(
      'PENDING_INVITE',
    );
  });

  it('auth tokens work for reads and writes like an access token', async () => {
    expect((await api('GET', `/tenants/${A}/users?pageSize=1`, { token: T.auth })).status).toBe(200);
    const r = await api('PUT', `/tenants/${A}/users/${U.regularAlpha}`, { token: T.auth, body: { mobile: '+47 55555555' } });
    expect(r.status).toBe(200);
    expect(r.body.mobile).toBe('+47 55555555');
  });

  it('401 comes before 404 and 400', async () => {
    expectError(await api('GET', '/tenants/no-such-tenant'), 401);
    expectError(await api('GET', '/tenants/bad.uid', { token: 'nope' }), 401);
  });

  it('device login rejects bad credentials (401) and inactive users (403)', async () => {
    expectError(await api('POST', '/account', { token: T.device, body: { userCode: DEMO.login.userCode, password: 'wrong' } }), 401);
    expectError(await api('POST', '/account', { token: T.device, body: { userCode: 'nobody', password: DEMO.login.password } }), 401);
    const users = (await api('GET', `/tenants/${A}/users?pageSize=500`, { token: T.admin })).body.items;
    const inactive = users.find((u) => String(u.status) === 'INACTIVE')!;
    await api('PUT', `/tenants/${A}/users/${String(inactive.tenantUserUid)}`, { token: T.admin, body: { password: 'pw-inactive-1' } });
    expectError(await api('POST', '/account', { token: T.device, body: { userCode: inactive.userCode, password: 'pw-inactive-1' } }), 403);
    // a user of another tenant cannot log in on an alpha device
    expectError(
      await api('POST', '/account', { token: T.device, body: { userCode: 'admin', password: 'sbx-pw-other-gamma-Rq5Tz8Ke' } }),
      401,
    );
  });
});

describe('sandbox auth: 403', () => {
  it('non-members get 403 on every tenant endpoint', async () => {
    const paths: [string, string, unknown?][] = [
      ['GET', `/tenants/${B}`],
      ['GET', `/tenants/${B}/account`],
      ['PUT', `/tenants/${B}/account`, { mobile: '1' }],
      ['GET', `/tenants/${B}/users`],
      ['POST', `/tenants/${B}/users/search`, {}],
      ['GET', `/tenants/${B}/users/${U.adminBeta}`],
      ['GET', `/tenants/${B}/users/${U.adminBeta}/tokens`],
    ];
    for (const [method, path, body] of paths) {
      const r = await api(method, path, { token: T.regular, body });
      expectError(r, 403, 'FORBIDDEN');
      expect(r.body.message).toMatch(/not a member/);
    }
    expectError(await api('GET', `/tenants/${A}/users`, { token: T.other }), 403);
    expectError(await api('GET', `/tenants/${G}`, { token: T.admin }), 403);
    expectError(await api('POST', `/tenants/${G}/account`, { token: T.auth }), 403);
  });

  it('an integration token acts only in its own tenant', async () => {
    expect((await api('GET', `/tenants/${A}/users?pageSize=1`, { token: T.integration })).status).toBe(200);
    expectError(await api('GET', `/tenants/${B}`, { token: T.integration }), 403);
    const account = await api('GET', '/account', { token: T.integration });
    expect(account.body.tenants.map((t) => t.tenantUserUid)).toEqual([U.integrationAlpha]);
    const tenants = await api('GET', '/tenants', { token: T.integration });
    expect(tenants.body.items.map((t) => t.tenantUid)).toEqual([A]);
    const me = await api('GET', `/tenants/${A}/account`, { token: T.integration });
    expect(me.body.tenantUserUid).toBe(U.integrationAlpha);
  });

  it('non-admin members get 403 on admin operations and the state is unchanged', async () => {
    const adminOps: [string, string, unknown?][] = [
      ['PUT', `/tenants/${A}`, { name: 'Hacked' }],
      ['POST', `/tenants/${A}/users`, { accountType: 'REGULAR', tenantRole: 'ADMIN', userCode: 'x', password: 'y' }],
      ['PUT', `/tenants/${A}/users/${U.regularAlpha}`, { tenantRole: 'ADMIN' }],
      ['DELETE', `/tenants/${A}/users/${U.adminAlpha}`],
      ['GET', `/tenants/${A}/users/${U.integrationAlpha}/tokens`],
      ['POST', `/tenants/${A}/users/${U.integrationAlpha}/tokens`],
      ['DELETE', `/tenants/${A}/users/${U.integrationAlpha}/tokens/${U.integrationAlpha}-token-1`],
    ];
    for (const [method, path, body] of adminOps) {
      const r = await api(method, path, { token: T.regular, body });
      expectError(r, 403, 'FORBIDDEN');
      expect(r.body.message).toMatch(/ADMIN/);
    }
    const tenant = await api('GET', `/tenants/${A}`, { token: T.regular });
    expect(tenant.body.name).toBe('Alpha Sport AS');
    const users = await api('GET', `/tenants/${A}/users?pageSize=1`, { token: T.regular });
    expect(users.body.paging.totalCount).toBe(64);
    const me = await api('GET', `/tenants/${A}/account`, { token: T.regular });
    expect(me.body.tenantRole).toBe('ACCESS');
    expect((await api('GET', '/account', { token: T.integration })).status).toBe(200);
  });

  it('members may read tenant, users and user details, and edit their own tenant account', async () => {
    expect((await api('GET', `/tenants/${A}`, { token: T.regular })).status).toBe(200);
    expect((await api('GET', `/tenants/${A}/users/${U.adminAlpha}`, { token: T.regular })).status).toBe(200);
    expect((await api('POST', `/tenants/${A}/users/search`, { token: T.regular, body: { userCode: 'admin' } })).body.items).toHaveLength(1);
    expect((await api('PUT', `/tenants/${A}/account`, { token: T.regular, body: { firstname: 'Rut' } })).body.firstname).toBe('Rut');
  });

  it('blocked members are treated as non-members', async () => {
    await api('PUT', `/tenants/${A}/users/${U.regularAlpha}`, { token: T.admin, body: { tenantRole: 'BLOCKED' } });
    const r = await api('GET', `/tenants/${A}`, { token: T.regular });
    expectError(r, 403);
    expect(r.body.message).toMatch(/blocked/);
    expect((await api('GET', '/tenants', { token: T.regular })).body.items).toEqual([]);
    // GET /account still shows the (blocked) tenant user
    expect((await api('GET', '/account', { token: T.regular })).body.tenants[0].tenantRole).toBe('BLOCKED');
    // unblocking restores access
    await api('PUT', `/tenants/${A}/users/${U.regularAlpha}`, { token: T.admin, body: { tenantRole: 'ACCESS' } });
    expect((await api('GET', `/tenants/${A}`, { token: T.regular })).status).toBe(200);
  });

  it('order: tenant 404 before membership 403, membership 403 before role 403, role 403 before resource 404', async () => {
    expectError(await api('GET', '/tenants/tenant-nope/users', { token: T.regular }), 404, 'NOT_FOUND');
    const r = await api('PUT', `/tenants/${B}/users/nobody`, { token: T.regular, body: {} });
    expectError(r, 403);
    expect(r.body.message).toMatch(/not a member/);
    const r2 = await api('DELETE', `/tenants/${A}/users/nobody`, { token: T.regular });
    expectError(r2, 403);
    expect(r2.body.message).toMatch(/ADMIN/);
    expectError(await api('DELETE', `/tenants/${A}/users/nobody`, { token: T.admin }), 404);
  });
});

describe('sandbox: 404 / 405', () => {
  it('unknown tenant, user, token and invite are 404 GenericErrorResponses with unique logIds', async () => {
    const responses = [
      await api('GET', '/tenants/tenant-nope', { token: T.admin }),
      await api('PUT', '/tenants/tenant-nope', { token: T.admin, body: {} }),
      await api('GET', `/tenants/${A}/users/nobody`, { token: T.admin }),
      await api('PUT', `/tenants/${A}/users/nobody`, { token: T.admin, body: {} }),
      await api('GET', `/tenants/${A}/users/nobody/tokens`, { token: T.admin }),
      await api('DELETE', `/tenants/${A}/users/${U.integrationAlpha}/tokens/no-token`, { token: T.admin }),
      await api('GET', '/account/invite', { headers: { 'x-invite-token': 'nope' } }),
      await api('PUT', '/account/invite', { token: T.auth, body: { inviteToken: 'nope' } }),
    ];
    for (const r of responses) expectError(r, 404, 'NOT_FOUND');
    const logIds = responses.map((r) => r.body.logId);
    expect(new Set(logIds).size).toBe(logIds.length);
    expect(responses[0].body.message).toContain('tenant-nope');
    expect(responses[2].body.message).toContain('nobody');
  });

  it('unknown routes are 404, known paths with a wrong method are 405 with Allow', async () => {
    expectError(await api('GET', '/nope', { token: T.admin }), 404);
    expectError(await api('GET', `/tenants/${A}/users/x/y/z/w`, { token: T.admin }), 404);
    expectError(await api('GET', '/v3/account'), 404);
    const r = await api('DELETE', '/account', { token: T.admin });
    expectError(r, 405, 'METHOD_NOT_ALLOWED');
    expect(r.headers.get('allow')?.split(', ').sort()).toEqual(['GET', 'POST', 'PUT']);
    const r2 = await api('PATCH', `/tenants/${A}`, { token: T.admin });
    expectError(r2, 405);
    expect(r2.headers.get('allow')?.split(', ').sort()).toEqual(['GET', 'PUT']);
    expect(sb.counters.total()).toBe(0);
  });

  it('GET .../users/search is the user-details route for a user named "search" (404), POST is search', async () => {
    expectError(await api('GET', `/tenants/${A}/users/search`, { token: T.admin }), 404);
    expect(sb.counters.get('get-tenants-users-details')).toBe(1);
  });
});
