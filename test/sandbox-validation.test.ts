import { describe, expect, it } from 'vitest';
import { DEMO } from '../src/sandbox/seed.ts';
import { expectError, type CallOptions } from './helpers/sandbox-client.ts';
import { useSandbox } from './helpers/sandbox-fixture.ts';

const { alpha: A, gamma: G } = DEMO.tenants;
const T = DEMO.tokens;
const U = DEMO.users;
const { api } = useSandbox();

/** Everything observable about alpha: tenant details, all users, tokens of the integration user. */
async function alphaSnapshot() {
  const [tenant, users, tokens, account] = await Promise.all([
    api('GET', `/tenants/${A}`, { token: T.admin }),
    api('GET', `/tenants/${A}/users?pageSize=500`, { token: T.admin }),
    api('GET', `/tenants/${A}/users/${U.integrationAlpha}/tokens`, { token: T.admin }),
    api('GET', '/account', { token: T.admin }),
  ]);
  return { tenant: tenant.body, users: users.body, tokens: tokens.body, account: account.body };
}

const validUser = { accountType: 'REGULAR', tenantRole: 'ACCESS', userCode: 'v-1', password: 'pw-v-1' };

async function expect400(method: string, path: string, opts: CallOptions, message: RegExp | string) {
  const r = await api(method, path, { token: T.admin, ...opts });
  expectError(r, 400, 'VALIDATION_ERROR');
  if (typeof message === 'string') expect(r.body.message).toContain(message);
  else expect(r.body.message).toMatch(message);
  return r;
}

describe('sandbox validation: request bodies (400, state unchanged)', () => {
  it('rejects wrong types, unknown enum values and missing required fields, naming the field', async () => {
    const before = await alphaSnapshot();
    const users = `/tenants/${A}/users`;
    await expect400('POST', users, { body: { ...validUser, userCode: 123 } }, 'body/userCode must be string');
    await expect400(
      'POST',
      users,
      { body: { ...validUser, accountType: 'BOSS' } },
      'body/accountType must be equal to one of the allowed values',
    );
    await expect400(
      'POST',
      users,
      { body: { ...validUser, tenantRole: 'OWNER' } },
      'body/tenantRole must be equal to one of the allowed values (ACCESS, ADMIN, BACKOFFICE, BLOCKED)',
    );
    await expect400(
      'POST',
      users,
      { body: { accountType: 'REGULAR', tenantRole: 'ACCESS', userCode: 'x' } },
      "body must have required property 'password'",
    );
    await expect400(
      'POST',
      users,
      { body: { ...validUser, storeAccess: [{ storeUid: 'alpha-store-web', storeRole: 'KING' }] } },
      'body/storeAccess/0/storeRole',
    );
    await expect400(
      'POST',
      users,
      { body: { ...validUser, storeAccess: [{ storeRole: 'ADMIN' }] } },
      "body/storeAccess/0 must have required property 'storeUid'",
    );
    await expect400('POST', users, { body: { ...validUser, tenantUserUid: 'bad uid!' } }, 'body/tenantUserUid must match pattern');
    await expect400('POST', users, { body: [validUser] }, 'body must be object');
    await expect400('PUT', `/tenants/${A}`, { body: { autoLogout: 'soon' } }, 'body/autoLogout must be integer');
    await expect400('PUT', `/tenants/${A}`, { body: { autoLogout: 1.5 } }, 'body/autoLogout must be integer');
    await expect400(
      'PUT',
      `/tenants/${A}`,
      { body: { requiredCustomerFields: ['EMAIL'] } },
      'body/requiredCustomerFields/0 must be equal to one of the allowed values',
    );
    await expect400('PUT', `/tenants/${A}`, { body: { name: 'Ok', logoAssetUid: 'a/b' } }, 'body/logoAssetUid must match pattern');
    await expect400('PUT', `/tenants/${A}/users/${U.regularAlpha}`, { body: { tenantRole: 'X', firstname: 'Changed' } }, 'body/tenantRole');
    await expect400(
      'PUT',
      `/tenants/${A}/users/${U.regularAlpha}`,
      { body: { defaultStoreUid: '' } },
      'body/defaultStoreUid must match pattern',
    );
    await expect400('PUT', `/tenants/${A}/account`, { body: { email: 42 } }, 'body/email must be string');
    await expect400('PUT', '/account', { body: {} }, "body must have required property 'defaultTenantUid'");
    await expect400(
      'POST',
      `/tenants/${A}/users/search`,
      { body: { status: ['GONE'] } },
      'body/status/0 must be equal to one of the allowed values',
    );
    await expect400('POST', `/tenants/${A}/users/search`, { body: { status: 'ACTIVE' } }, 'body/status must be array');
    await expect400('PUT', '/account/invite', { token: T.auth, body: { inviteToken: 5 } }, 'body/inviteToken must be string');
    expectError(await api('POST', '/account', { token: T.device, body: { userCode: 'regular' } }), 400);
    expect(await alphaSnapshot()).toEqual(before);
  });

  it('malformed JSON is 400 and changes nothing', async () => {
    const before = await alphaSnapshot();
    await expect400('POST', `/tenants/${A}/users`, { rawBody: '{"accountType":"REGULAR",' }, 'Malformed JSON body');
    await expect400('PUT', `/tenants/${A}`, { rawBody: "{name:'x'}" }, 'Malformed JSON body');
    expect(await alphaSnapshot()).toEqual(before);
  });

  it('an empty body counts as {} (missing required fields are named)', async () => {
    await expect400('POST', `/tenants/${A}/users`, {}, "body must have required property 'accountType'");
    const r = await api('POST', `/tenants/${A}/users/search?pageSize=3`, { token: T.admin });
    expect(r.status).toBe(200);
    expect(r.body.items).toHaveLength(3);
  });

  it('allows unknown properties', async () => {
    const r = await api('PUT', `/tenants/${A}`, { token: T.admin, body: { name: 'Alpha 2', somethingNew: true } });
    expect(r.status).toBe(200);
    expect(r.body.name).toBe('Alpha 2');
    expect(r.body).not.toHaveProperty('somethingNew');
  });
});

describe('sandbox validation: business rules', () => {
  it('FULL accounts need an email (create and update)', async () => {
    const before = await alphaSnapshot();
    await expect400(
      'POST',
      `/tenants/${A}/users`,
      { body: { ...validUser, accountType: 'FULL' } },
      'email is required when accountType is FULL',
    );
    await expect400('POST', `/tenants/${A}/users`, { body: { ...validUser, accountType: 'FULL', email: '' } }, 'email is required');
    await expect400('PUT', `/tenants/${A}/users/${U.regularAlpha}`, { body: { accountType: 'FULL', email: '' } }, 'email is required');
    await expect400('PUT', `/tenants/${A}/account`, { body: { email: '' } }, 'email is required');
    expect(await alphaSnapshot()).toEqual(before);
  });

  it('duplicate userCode or tenantUserUid in a tenant is a 409 conflict', async () => {
    const before = await alphaSnapshot();
    expectError(await api('POST', `/tenants/${A}/users`, { token: T.admin, body: { ...validUser, userCode: 'regular' } }), 409, 'CONFLICT');
    expectError(await api('POST', `/tenants/${A}/users`, { token: T.admin, body: { ...validUser, tenantUserUid: U.regularAlpha } }), 409);
    expectError(await api('PUT', `/tenants/${A}/users/${U.regularAlpha}`, { token: T.admin, body: { userCode: 'admin' } }), 409);
    expect(await alphaSnapshot()).toEqual(before);
    // the same userCode in another tenant is fine
    const r = await api('POST', `/tenants/${G}/users`, { token: T.other, body: { ...validUser, userCode: 'regular' } });
    expect(r.status).toBe(200);
  });

  it('unknown stores are rejected; defaultTenantUid must be one of the caller tenants', async () => {
    const before = await alphaSnapshot();
    await expect400(
      'POST',
      `/tenants/${A}/users`,
      { body: { ...validUser, storeAccess: [{ storeUid: 'beta-store-avenyn', storeRole: 'ADMIN' }] } },
      'unknown store',
    );
    await expect400('POST', `/tenants/${A}/users`, { body: { ...validUser, defaultStoreUid: 'nope' } }, 'unknown store');
    await expect400('PUT', `/tenants/${A}/account`, { body: { defaultStoreUid: 'nope' } }, 'unknown store');
    await expect400('PUT', '/account', { body: { defaultTenantUid: G } }, 'not an active member');
    await expect400('PUT', '/account', { body: { defaultTenantUid: 'tenant-nope' } }, 'not an active member');
    await expect400('PUT', '/account', { body: { defaultTenantUid: 'a b' } }, 'body/defaultTenantUid must match pattern');
    expect(await alphaSnapshot()).toEqual(before);
  });

  it('resendInvite on a user without a pending invitation is 400', async () => {
    await expect400(
      'PUT',
      `/tenants/${A}/users/${U.regularAlpha}?resendInvite=true`,
      { body: { firstname: 'X' } },
      'no pending invitation',
    );
    expect((await api('GET', `/tenants/${A}/users/${U.regularAlpha}`, { token: T.admin })).body.firstname).toBe('Rita');
  });
});

describe('sandbox validation: query, path and header parameters', () => {
  it('query parameters are type-checked (integers, enums, booleans) and sortBy must be a known field', async () => {
    const users = `/tenants/${A}/users`;
    await expect400('GET', `${users}?pageSize=abc`, {}, 'query/pageSize must be integer');
    await expect400('GET', `${users}?pageNumber=1.5`, {}, 'query/pageNumber must be integer');
    await expect400('GET', `${users}?sortDirection=UP`, {}, 'query/sortDirection must be equal to one of the allowed values (ASC, DESC)');
    await expect400('GET', `${users}?sortBy=nope`, {}, "query/sortBy: unknown field 'nope'");
    await expect400('GET', `${users}?sortBy=storeAccess`, {}, 'unknown field');
    await expect400('GET', `${users}?pageNumber=0`, {}, 'query/pageNumber must be >= 1');
    await expect400('GET', `${users}?pageSize=-1`, {}, 'query/pageSize must be >= 1');
    await expect400('GET', `${users}?tenantuserStoreUid=bad.uid`, {}, 'query/tenantuserStoreUid must match pattern');
    await expect400('GET', `/tenants?sortBy=settings`, {}, 'unknown field');
    await expect400('POST', `${users}/search?pageSize=ten`, { body: {} }, 'query/pageSize must be integer');
    await expect400('PUT', `${users}/${U.pendingAlpha}?resendInvite=maybe`, { body: {} }, 'query/resendInvite must be boolean');
  });

  it('path UIDs must match the (anchored) UID pattern', async () => {
    await expect400('GET', '/tenants/bad.uid', {}, 'path/tenantUid must match pattern');
    await expect400('GET', '/tenants/a%2Fb', {}, 'path/tenantUid must match pattern');
    await expect400('GET', `/tenants/${A}/users/bad.uid`, {}, 'path/tenantUserUid must match pattern');
    await expect400('GET', `/tenants/${A}/users/alpha-user-admin%20x`, {}, 'path/tenantUserUid');
    await expect400('DELETE', `/tenants/${A}/users/${U.integrationAlpha}/tokens/t.1`, {}, 'path/tenantUserTokenUid');
    await expect400('GET', `/tenants/${A}/users/%E0%A4%A`, {}, 'malformed percent-encoding');
    // nothing was deleted by the rejected DELETE
    expect((await api('GET', `/tenants/${A}/users/${U.integrationAlpha}/tokens`, { token: T.admin })).body.items).toHaveLength(2);
  });

  it('the x-invite-token header is required for GET /account/invite', async () => {
    const r = await api('GET', '/account/invite');
    expectError(r, 400);
    expect(r.body.message).toContain("header must have required property 'x-invite-token'");
  });
});
