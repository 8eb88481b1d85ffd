/**
 * TenantUser.capabilities: what a UI may offer, from the permissions where they can be read and from
 * the role where they cannot, and never a guess when the upstream is down.
 */
import { describe, expect, it } from 'vitest';
import { DEMO } from '../src/sandbox/seed.ts';
import { useTestGateway } from './helpers/gateway.ts';
import { run, type Json } from './helpers/graphql.ts';

const { alpha, beta } = DEMO.tenants;
const CAPABILITIES = 'capabilities { canManageUsers canManageTokens canEditTenant derivedFrom }';
const ALL = { canManageUsers: true, canManageTokens: true, canEditTenant: true };
const NONE = { canManageUsers: false, canManageTokens: false, canEditTenant: false };

const gw = useTestGateway();
const detailCalls = () => gw.sandbox.counters.get('get-tenants-users-details');

async function memberships(token: string) {
  const { data, errors } = await run(gw.client(token), `{ me { memberships { tenantUid tenantRole ${CAPABILITIES} } } }`);
  return { memberships: (data?.me?.memberships ?? []) as Json[], errors };
}

describe('capabilities of the caller’s memberships', () => {
  it('an ADMIN can do all three, read from the permissions (one details call per membership)', async () => {
    const { memberships: list, errors } = await memberships(DEMO.tokens.admin);
    expect(errors).toBeUndefined();
    expect(list.map((m) => [m.tenantUid, m.capabilities])).toEqual([
      [alpha, { ...ALL, derivedFrom: 'PERMISSIONS' }],
      [beta, { ...ALL, derivedFrom: 'PERMISSIONS' }],
    ]);
    expect(detailCalls()).toBe(2);
  });

  it('an ACCESS user can do none of it', async () => {
    const { memberships: list } = await memberships(DEMO.tokens.regular);
    expect(list).toEqual([{ tenantUid: alpha, tenantRole: 'ACCESS', capabilities: { ...NONE, derivedFrom: 'PERMISSIONS' } }]);
  });

  it('falls back to the role when the caller may not read the permissions (403)', async () => {
    gw.sandbox.faults.set('get-tenants-users-details', { status: 403 });
    const { memberships: list, errors } = await memberships(DEMO.tokens.admin);
    expect(errors).toBeUndefined();
    expect(list.map((m) => m.capabilities)).toEqual([
      { ...ALL, derivedFrom: 'ROLE' },
      { ...ALL, derivedFrom: 'ROLE' },
    ]);
  });

  it('falls back to the role when the upstream sends no usable permissions', async () => {
    gw.sandbox.faults.set('get-tenants-users-details', { drift: [{ path: 'permissions', remove: true }] });
    const { memberships: list } = await memberships(DEMO.tokens.admin);
    expect(list.map((m) => m.capabilities)).toEqual([
      { ...ALL, derivedFrom: 'ROLE' },
      { ...ALL, derivedFrom: 'ROLE' },
    ]);
  });

  it('does not guess when the upstream fails: the field is an error, not "no"', async () => {
    gw.sandbox.faults.set('get-tenants-users-details', { status: 503 });
    const { memberships: list, errors } = await memberships(DEMO.tokens.admin);
    expect(list.map((m) => m.capabilities)).toEqual([null, null]);
    expect(errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
      [['me', 'memberships', 0, 'capabilities'], 'UPSTREAM_UNAVAILABLE'],
      [['me', 'memberships', 1, 'capabilities'], 'UPSTREAM_UNAVAILABLE'],
    ]);
  });
});

describe('capabilities in a users list', () => {
  it('come from the permissions in the list itself, with no extra call', async () => {
    const { data, errors } = await run(
      gw.client(DEMO.tokens.admin),
      `{ tenant(tenantUid: "${alpha}") { users(pageSize: 200) { items { tenantUserUid tenantRole status ${CAPABILITIES} } } } }`,
    );
    expect(errors).toBeUndefined();
    const items = data.tenant.users.items;
    const byUid = (uid: string) => items.find((user) => String(user.tenantUserUid) === uid)!;
    expect(byUid(DEMO.users.adminAlpha).capabilities).toEqual({ ...ALL, derivedFrom: 'PERMISSIONS' });
    expect(byUid(DEMO.users.regularAlpha).capabilities).toEqual({ ...NONE, derivedFrom: 'PERMISSIONS' });
    // Not yet active: nothing, whatever the role says.
    expect(byUid(DEMO.users.pendingAlpha).capabilities).toEqual({ ...NONE, derivedFrom: 'ROLE' });
    for (const user of items) {
      if (String(user.status) !== 'ACTIVE' || String(user.tenantRole) === 'BLOCKED')
        expect(user.capabilities).toEqual({ ...NONE, derivedFrom: 'ROLE' });
      else expect(user.capabilities.canManageUsers).toBe(String(user.tenantRole) === 'ADMIN');
    }
    expect(detailCalls()).toBe(0);
  });
});

describe('descriptions', () => {
  it('name the REST call, the required permission and the accepted tokens', async () => {
    const { data } = await run(gw.client(), '{ __type(name: "Mutation") { fields { name description } } }');
    const described = (name: string) => String(data.__type.fields.find((field) => String(field.name) === name)!.description);
    expect(described('createTenantUser')).toContain(
      'POST /tenants/{tenantUid}/users. Requires the TENANT_USER permission. Accepts access, auth or integration tokens.',
    );
    expect(described('createIntegrationToken')).toContain('Requires the USER_TOKEN permission.');
    expect(described('login')).toContain('POST /account. Accepts device tokens.');
    expect(described('acceptInvitation')).toContain('PUT /account/invite. Accepts auth tokens.');
  });
});
