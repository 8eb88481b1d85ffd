/**
 * Every mutation against the sandbox, including the invitation flow end to end.
 * The sandbox is reseeded (and the shared tenant cache emptied) before each test.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO } from '../src/sandbox/seed.ts';
import { startTestGateway, type TestGateway } from './helpers/gateway.ts';
import type { GraphQLClient } from 'graphql-request';
import { run, type GqlError, type Json } from './helpers/graphql.ts';

/** Like run, but the document must succeed. */
async function ok(client: GraphQLClient, query: string, variables?: Record<string, unknown>): Promise<Json> {
  const { data, errors } = await run(client, query, variables);
  expect(errors).toBeUndefined();
  return data;
}

const codes = (errors: GqlError[] | undefined) => (errors ?? []).map((error) => error.extensions?.code);
const { alpha, beta, gamma } = DEMO.tenants;

let gw: TestGateway;
let admin: GraphQLClient;
let regular: GraphQLClient;

/** The invitations the sandbox would have e-mailed (its control endpoint). */
async function pendingInvites(): Promise<{ inviteToken: string; tenantUid: string; tenantUserUid: string; email: string }[]> {
  const response = await fetch(new URL('/__sandbox/invites', gw.sandbox.url));
  expect(response.status).toBe(200);
  return (await response.json()) as never;
}

async function inviteTokenOf(tenantUserUid: string): Promise<string | undefined> {
  return (await pendingInvites()).find((invite) => invite.tenantUserUid === tenantUserUid)?.inviteToken;
}

beforeAll(async () => {
  gw = await startTestGateway();
  admin = gw.client(DEMO.tokens.admin);
  regular = gw.client(DEMO.tokens.regular);
});
afterAll(async () => {
  await gw?.close();
});
beforeEach(async () => {
  gw.sandbox.reset();
  for (const uid of [alpha, beta, gamma]) await gw.tenantCache?.drop(uid);
});

const CREATE = `mutation ($t: ID!, $input: CreateTenantUserInput!) {
  createTenantUser(tenantUid: $t, input: $input) {
    tenantUserUid tenantUid tenantName accountType tenantRole status userCode displayName firstname lastname
    email mobile externalId languageCode defaultStoreUid storeAccess { storeUid storeRole }
    permissions { stores { store { name } permissions } }
  } }`;

const NEW_USER = {
  accountType: 'FULL',
  password: 'pw-Newbie-123',
  tenantRole: 'ACCESS',
  userCode: 'newbie',
  email: 'nina.newbie@example.com',
  firstname: 'Nina',
  lastname: 'Newbie',
  displayName: 'Nina N.',
  mobile: '+47 91234567',
  externalId: 'HR-77',
  languageCode: 'en',
  storeAccess: [{ storeUid: 'alpha-store-web', storeRole: 'REGULAR' }],
  defaultStoreUid: 'alpha-store-web',
};

describe('invitation flow', () => {
  it('create (FULL, with email) -> pending invite -> invitation -> resend -> accept with an auth token -> ACTIVE', async () => {
    const created = (await ok(admin, CREATE, { t: alpha, input: NEW_USER })).createTenantUser;
    expect(created).toMatchObject({
      tenantUid: alpha,
      tenantName: 'Alpha Sport AS',
      accountType: 'FULL',
      tenantRole: 'ACCESS',
      status: 'PENDING_INVITE',
      userCode: 'newbie',
      displayName: 'Nina N.',
      firstname: 'Nina',
      lastname: 'Newbie',
      email: 'nina.newbie@example.com',
      mobile: '+47 91234567',
      externalId: 'HR-77',
      languageCode: 'en',
      defaultStoreUid: 'alpha-store-web',
      storeAccess: [{ storeUid: 'alpha-store-web', storeRole: 'REGULAR' }],
      permissions: { stores: [{ store: { name: 'Webshop' }, permissions: ['SALE', 'CREDIT'] }] },
    });
    const uid = String(created.tenantUserUid);

    const firstToken = await inviteTokenOf(uid);
    expect(firstToken).toEqual(expect.any(String));
    const INVITATION = 'query ($i: String!) { invitation(inviteToken: $i) { tenant { name } user { displayName email status } } }';
    expect((await ok(gw.client(), INVITATION, { i: firstToken })).invitation).toEqual({
      tenant: { name: 'Alpha Sport AS' },
      user: { displayName: 'Nina N.', email: 'nina.newbie@example.com', status: 'PENDING_INVITE' },
    });

    const resent = await ok(
      admin,
      'mutation ($t: ID!, $u: ID!) { resendInvitation(tenantUid: $t, tenantUserUid: $u) { tenantUserUid status displayName } }',
      { t: alpha, u: uid },
    );
    // Nothing about the user changes; a new invitation replaces the old one.
    expect(resent.resendInvitation).toEqual({ tenantUserUid: uid, status: 'PENDING_INVITE', displayName: 'Nina N.' });
    const secondToken = await inviteTokenOf(uid);
    expect(secondToken).toEqual(expect.any(String));
    expect(secondToken).not.toBe(firstToken);
    expect((await ok(gw.client(), INVITATION, { i: firstToken })).invitation).toBeNull();

    const accepted = await ok(
      gw.client(DEMO.tokens.auth),
      'mutation ($i: String!) { acceptInvitation(inviteToken: $i) { tenantUserUid tenantUid status tenantName } }',
      { i: secondToken },
    );
    expect(accepted.acceptInvitation).toEqual({ tenantUserUid: uid, tenantUid: alpha, status: 'ACTIVE', tenantName: 'Alpha Sport AS' });

    const after = await ok(admin, `query ($u: ID!) { tenant(tenantUid: "${alpha}") { user(tenantUserUid: $u) { status } } }`, { u: uid });
    expect(after.tenant.user.status).toBe('ACTIVE');
    expect(await inviteTokenOf(uid)).toBeUndefined();
  });

  it("accepting the seed's pending invitation activates that user", async () => {
    const { acceptInvitation } = await ok(
      gw.client(DEMO.tokens.auth),
      `mutation { acceptInvitation(inviteToken: "${DEMO.inviteToken}") { tenantUserUid status } }`,
    );
    expect(acceptInvitation).toEqual({ tenantUserUid: DEMO.users.pendingAlpha, status: 'ACTIVE' });
  });

  it('a user created without an email is ACTIVE at once and gets no invitation', async () => {
    const input = { accountType: 'REGULAR', password: 'pw-1', tenantRole: 'ACCESS', userCode: 'till-7', tenantUserUid: 'alpha-till-7' };
    const created = (await ok(admin, CREATE, { t: alpha, input })).createTenantUser;
    expect(created).toMatchObject({
      tenantUserUid: 'alpha-till-7',
      status: 'ACTIVE',
      userCode: 'till-7',
      displayName: 'till-7',
      email: '',
      defaultStoreUid: null,
      storeAccess: [],
    });
    expect(await inviteTokenOf(String(created.tenantUserUid))).toBeUndefined();
  });

  it('creating a FULL user without email is BAD_USER_INPUT (upstream 400)', async () => {
    const input: Partial<typeof NEW_USER> = { ...NEW_USER };
    delete input.email;
    const { errors } = await run(admin, CREATE, { t: alpha, input });
    expect(codes(errors)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('updateTenantUser and deleteTenantUser', () => {
  const UPDATE = `mutation ($t: ID!, $u: ID!, $input: UpdateTenantUserInput!, $resend: Boolean) {
    updateTenantUser(tenantUid: $t, tenantUserUid: $u, input: $input, resendInvite: $resend) {
      tenantUserUid accountType tenantRole displayName firstname lastname email mobile externalId userCode languageCode
      defaultStoreUid storeAccess { storeUid storeRole } permissions { tenant }
    } }`;

  it('changes only the fields given and answers with the updated user', async () => {
    const input = {
      accountType: 'FULL',
      displayName: 'Rita R.',
      email: 'rita@example.com',
      externalId: 'X-1',
      firstname: 'Rita',
      lastname: 'Regula',
      mobile: '+47 95555555',
      password: 'new-pw-1',
      tenantRole: 'BACKOFFICE',
      userCode: 'rita',
      languageCode: 'en',
      defaultStoreUid: 'alpha-store-oslo-storo',
      storeAccess: [{ storeUid: 'alpha-store-oslo-storo', storeRole: 'BACKOFFICE' }],
    };
    const { updateTenantUser } = await ok(admin, UPDATE, { t: alpha, u: DEMO.users.regularAlpha, input });
    expect(updateTenantUser).toEqual({
      tenantUserUid: DEMO.users.regularAlpha,
      accountType: 'FULL',
      tenantRole: 'BACKOFFICE',
      displayName: 'Rita R.',
      firstname: 'Rita',
      lastname: 'Regula',
      email: 'rita@example.com',
      mobile: '+47 95555555',
      externalId: 'X-1',
      userCode: 'rita',
      languageCode: 'en',
      defaultStoreUid: 'alpha-store-oslo-storo',
      storeAccess: [{ storeUid: 'alpha-store-oslo-storo', storeRole: 'BACKOFFICE' }],
      permissions: { tenant: ['PRODUCT', 'PRICELIST', 'CUSTOMER', 'REPORT'] },
    });

    const partial = await ok(admin, UPDATE, { t: alpha, u: DEMO.users.regularAlpha, input: { lastname: 'Again', email: null } });
    expect(partial.updateTenantUser).toMatchObject({ lastname: 'Again', firstname: 'Rita', email: 'rita@example.com' });
  });

  it('with resendInvite: true issues a new invitation for a pending user', async () => {
    const { updateTenantUser } = await ok(admin, UPDATE, {
      t: alpha,
      u: DEMO.users.pendingAlpha,
      input: { firstname: 'Pia2' },
      resend: true,
    });
    expect(updateTenantUser.firstname).toBe('Pia2');
    const token = await inviteTokenOf(DEMO.users.pendingAlpha);
    expect(token).toEqual(expect.any(String));
    expect(token).not.toBe(DEMO.inviteToken);
  });

  it('resendInvite for a user with no pending invitation is BAD_USER_INPUT', async () => {
    const { errors } = await run(admin, UPDATE, { t: alpha, u: DEMO.users.regularAlpha, input: {}, resend: true });
    expect(codes(errors)).toEqual(['BAD_USER_INPUT']);
  });

  it('deleteTenantUser answers with the uid and the user is gone', async () => {
    const { deleteTenantUser } = await ok(
      admin,
      `mutation { deleteTenantUser(tenantUid: "${alpha}", tenantUserUid: "${DEMO.users.pendingAlpha}") }`,
    );
    expect(deleteTenantUser).toBe(DEMO.users.pendingAlpha);
    const after = await ok(
      admin,
      `{ tenant(tenantUid: "${alpha}") { user(tenantUserUid: "${DEMO.users.pendingAlpha}") { tenantUserUid } } }`,
    );
    expect(after.tenant.user).toBeNull();
  });

  it('deleting an unknown user is NOT_FOUND', async () => {
    const { errors } = await run(admin, `mutation { deleteTenantUser(tenantUid: "${alpha}", tenantUserUid: "ghost") }`);
    expect(codes(errors)).toEqual(['NOT_FOUND']);
  });
});

describe('integration tokens', () => {
  it("createIntegrationToken answers with all the user's tokens, deleteIntegrationToken with the deleted uid", async () => {
    const vars = { t: alpha, u: DEMO.users.integrationAlpha };
    const created = await ok(
      admin,
      'mutation ($t: ID!, $u: ID!) { createIntegrationToken(tenantUid: $t, tenantUserUid: $u) { tenantUserTokenUid token } }',
      vars,
    );
    const tokens = created.createIntegrationToken;
    expect(tokens).toHaveLength(3);
    expect(tokens.map((t: Json) => t.token)).toContain(DEMO.tokens.integration);
    const fresh = tokens[2];
    expect(fresh.token).toEqual(expect.any(String));

    const deleted = await ok(
      admin,
      'mutation ($t: ID!, $u: ID!, $k: ID!) { deleteIntegrationToken(tenantUid: $t, tenantUserUid: $u, tenantUserTokenUid: $k) }',
      { ...vars, k: fresh.tenantUserTokenUid },
    );
    expect(deleted.deleteIntegrationToken).toBe(fresh.tenantUserTokenUid);

    const after = await ok(
      admin,
      'query ($t: ID!, $u: ID!) { tenant(tenantUid: $t) { user(tenantUserUid: $u) { tokens { tenantUserTokenUid } } } }',
      vars,
    );
    expect(after.tenant.user.tokens.map((t: Json) => t.tenantUserTokenUid)).not.toContain(fresh.tenantUserTokenUid);
    expect(after.tenant.user.tokens).toHaveLength(2);
  });

  it('a token created in a request is what that request then reads for the user', async () => {
    const data = await ok(
      admin,
      `mutation { createIntegrationToken(tenantUid: "${alpha}", tenantUserUid: "${DEMO.users.integrationAlpha}") { tenantUserTokenUid } }`,
    );
    expect(data.createIntegrationToken).toHaveLength(3);
    expect(gw.sandbox.counters.get('post-tenants-users-tokens')).toBe(1);
  });

  it('a non-admin cannot create tokens (FORBIDDEN)', async () => {
    const { errors } = await run(
      regular,
      `mutation { createIntegrationToken(tenantUid: "${alpha}", tenantUserUid: "${DEMO.users.integrationAlpha}") { token } }`,
    );
    expect(codes(errors)).toEqual(['FORBIDDEN']);
  });
});

describe('updateTenant', () => {
  const UPDATE = `mutation ($t: ID!, $input: UpdateTenantInput!) { updateTenant(tenantUid: $t, input: $input) {
    name vatNumber pricelistUid timezone languageCode
    settings { autoLogout allowExternalCashDrawer autoPrintReceipt numericSkuCounter printCardPaymentDetails sendInvoicesExternally
      duplicateCheckCustomerPhoneNumber duplicateCheckCustomerVatNumber useOriginalSellerOnCreditLine defaultCustomerGroupUid
      printReceiptNumber requiredCustomerFields enforceStrongPin customerContactsRequiresEmail customerContactsEmailDuplicateCheck }
    appSettings { showOutOfStockWarning defaultParkedOrderLifespanDays autoSendWelcomeSms autoSendWelcomeMail
      requirePinCodeForSale requirePinCodeForCredit defaultCustomerGroupUid }
    assets { logo { assetUid } splash { assetUid } }
  } }`;

  it('sends every input field (customer fields in REST spelling) and answers with the updated tenant', async () => {
    const input = {
      name: 'Alpha Sport & Outdoor AS',
      pricelistUid: '',
      vatNumber: 'NO999999999MVA',
      allowExternalCashDrawer: true,
      autoLogout: 600,
      autoPrintReceipt: false,
      showOutOfStockWarning: false,
      logoAssetUid: 'alpha-logo-2',
      splashAssetUid: 'alpha-splash-2',
      timezone: 'Europe/Berlin',
      numericSkuCounter: 200000,
      languageCode: 'en',
      printCardPaymentDetails: false,
      sendInvoicesExternally: false,
      duplicateCheckCustomerPhoneNumber: false,
      duplicateCheckCustomerVatNumber: false,
      defaultParkedOrderLifespanDays: 30,
      useOriginalSellerOnCreditLine: true,
      defaultCustomerGroupUid: '',
      autoSendWelcomeSms: true,
      autoSendWelcomeMail: false,
      requirePinCodeForSale: true,
      requirePinCodeForCredit: false,
      printReceiptNumber: false,
      requiredCustomerFields: ['VAT_NUMBER', 'POSTAL_CODE', 'CITY', 'ADDRESS'],
      enforceStrongPin: false,
      customerContactsRequiresEmail: true,
      customerContactsEmailDuplicateCheck: true,
    };
    const { updateTenant } = await ok(admin, UPDATE, { t: alpha, input });
    expect(updateTenant).toEqual({
      name: 'Alpha Sport & Outdoor AS',
      vatNumber: 'NO999999999MVA',
      pricelistUid: null,
      timezone: 'Europe/Berlin',
      languageCode: 'en',
      settings: {
        autoLogout: 600,
        allowExternalCashDrawer: true,
        autoPrintReceipt: false,
        numericSkuCounter: 200000,
        printCardPaymentDetails: false,
        sendInvoicesExternally: false,
        duplicateCheckCustomerPhoneNumber: false,
        duplicateCheckCustomerVatNumber: false,
        useOriginalSellerOnCreditLine: true,
        defaultCustomerGroupUid: null,
        printReceiptNumber: false,
        requiredCustomerFields: ['VAT_NUMBER', 'POSTAL_CODE', 'CITY', 'ADDRESS'],
        enforceStrongPin: false,
        customerContactsRequiresEmail: true,
        customerContactsEmailDuplicateCheck: true,
      },
      appSettings: {
        showOutOfStockWarning: false,
        defaultParkedOrderLifespanDays: 30,
        autoSendWelcomeSms: true,
        autoSendWelcomeMail: false,
        requirePinCodeForSale: true,
        requirePinCodeForCredit: false,
        defaultCustomerGroupUid: null,
      },
      assets: { logo: { assetUid: 'alpha-logo-2' }, splash: { assetUid: 'alpha-splash-2' } },
    });
  });

  it('fields left out stay as they were', async () => {
    const { updateTenant } = await ok(admin, UPDATE, { t: alpha, input: { autoLogout: 120 } });
    expect(updateTenant).toMatchObject({
      name: 'Alpha Sport AS',
      pricelistUid: 'alpha-pricelist-main',
      settings: { autoLogout: 120, requiredCustomerFields: ['EMAIL', 'MOBILE'], defaultCustomerGroupUid: 'alpha-customergroup-retail' },
    });
  });

  it('a cached tenant is dropped: the next read, by any caller, sees the change', async () => {
    const READ = `{ tenant(tenantUid: "${alpha}") { name } }`;
    expect((await ok(admin, READ)).tenant.name).toBe('Alpha Sport AS');
    expect((await ok(regular, READ)).tenant.name).toBe('Alpha Sport AS');
    gw.sandbox.counters.reset();
    expect((await ok(admin, READ)).tenant.name).toBe('Alpha Sport AS');
    expect(gw.sandbox.counters.get('get-tenants-details')).toBe(0); // cached

    await ok(admin, UPDATE, { t: alpha, input: { name: 'Renamed AS' } });
    expect((await ok(admin, READ)).tenant.name).toBe('Renamed AS');
    expect((await ok(regular, READ)).tenant.name).toBe('Renamed AS');
    expect(gw.sandbox.counters.get('get-tenants-details')).toBe(2);
  });

  it('the same request reads the updated tenant after the mutation (loader primed with the answer)', async () => {
    const data = await ok(
      admin,
      `mutation { updateTenant(tenantUid: "${alpha}", input: { name: "Primed AS" }) { name }
        updateMyTenantAccount(tenantUid: "${alpha}", input: { firstname: "Ada" }) { tenantName tenant { name } } }`,
    );
    expect(data.updateMyTenantAccount).toEqual({ tenantName: 'Primed AS', tenant: { name: 'Primed AS' } });
    expect(gw.sandbox.counters.get('get-tenants-details')).toBe(0);
  });
});

describe("the caller's own account", () => {
  it("updateMyTenantAccount changes the caller's own tenant user", async () => {
    // Everything but the password is in the answer.
    const visible = {
      displayName: 'Rita the Great',
      email: 'rita.great@example.com',
      firstname: 'Rita',
      lastname: 'Great',
      mobile: '+47 98888888',
      languageCode: 'en',
      defaultStoreUid: 'alpha-store-web',
    };
    const input = { ...visible, password: 'pw-new-2' };
    const { updateMyTenantAccount } = await ok(
      regular,
      `mutation ($input: UpdateMyTenantAccountInput!) { updateMyTenantAccount(tenantUid: "${alpha}", input: $input) {
        tenantUserUid displayName email firstname lastname mobile languageCode defaultStoreUid } }`,
      { input },
    );
    expect(updateMyTenantAccount).toEqual({ tenantUserUid: DEMO.users.regularAlpha, ...visible });
    const after = await ok(regular, `{ tenant(tenantUid: "${alpha}") { myAccount { displayName } } }`);
    expect(after.tenant.myAccount.displayName).toBe('Rita the Great');
  });

  it('updateAccount sets the default tenant and answers with the account', async () => {
    const { updateAccount } = await ok(
      admin,
      `mutation { updateAccount(input: { defaultTenantUid: "${beta}" }) {
        globalRoles defaultTenantUid defaultTenant { name } memberships { tenantUid } } }`,
    );
    expect(updateAccount).toEqual({
      globalRoles: ['USER'],
      defaultTenantUid: beta,
      defaultTenant: { name: 'Beta Books AB' },
      memberships: [{ tenantUid: alpha }, { tenantUid: beta }],
    });
    expect((await ok(admin, '{ me { defaultTenantUid } }')).me.defaultTenantUid).toBe(beta);
  });

  it('updateAccount to a tenant the caller is not in is BAD_USER_INPUT', async () => {
    const { errors } = await run(admin, `mutation { updateAccount(input: { defaultTenantUid: "${gamma}" }) { defaultTenantUid } }`);
    expect(codes(errors)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('login and token exchange', () => {
  it('login with the device token answers with an access token that works as a bearer', async () => {
    const { login } = await ok(
      gw.client(DEMO.tokens.device),
      `mutation ($c: String!, $p: String!) { login(userCode: $c, password: $p) {
        accessToken tenantUser { tenantUserUid tenantUid userCode status tenantRole } } }`,
      { c: DEMO.login.userCode, p: DEMO.login.password },
    );
    expect(login.accessToken).toEqual(expect.any(String));
    expect(login.tenantUser).toEqual({
      tenantUserUid: DEMO.users.regularAlpha,
      tenantUid: alpha,
      userCode: DEMO.login.userCode,
      status: 'ACTIVE',
      tenantRole: 'ACCESS',
    });
    const me = await ok(gw.client(String(login.accessToken)), '{ me { memberships { tenantUserUid tenantName } } }');
    expect(me.me.memberships).toEqual([{ tenantUserUid: DEMO.users.regularAlpha, tenantName: 'Alpha Sport AS' }]);
  });

  it("login's tenantUser fields that need another call resolve with the access token the login issued", async () => {
    gw.sandbox.counters.reset();
    const { data, errors } = await run(
      gw.client(DEMO.tokens.device),
      `mutation { login(userCode: "${DEMO.login.userCode}", password: "${DEMO.login.password}") { accessToken tenantUser { tenantUserUid tenantName tenant { name } permissions { tenant } } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data.login.accessToken).toEqual(expect.any(String));
    expect(data.login.tenantUser).toMatchObject({
      tenantUserUid: DEMO.users.regularAlpha,
      tenantName: expect.any(String) as unknown,
      tenant: { name: expect.any(String) as unknown },
    });
    expect(data.login.tenantUser.tenantName).toBe(data.login.tenantUser.tenant.name);
    expect(data.login.tenantUser.permissions.tenant).toEqual(expect.any(Array));
    // One login, then the tenant and the user's details with the new token (the device token may only log in).
    expect(gw.sandbox.counters.snapshot()).toMatchObject({ 'post-account': 1, 'get-tenants-details': 1, 'get-tenants-users-details': 1 });
  });

  it('login with a wrong password is UNAUTHENTICATED (upstream 401)', async () => {
    const { errors } = await run(
      gw.client(DEMO.tokens.device),
      `mutation { login(userCode: "${DEMO.login.userCode}", password: "wrong") { accessToken } }`,
    );
    expect(codes(errors)).toEqual(['UNAUTHENTICATED']);
  });

  it("exchangeAuthToken answers with the caller's user in the tenant", async () => {
    const { exchangeAuthToken } = await ok(
      gw.client(DEMO.tokens.auth),
      `mutation { exchangeAuthToken(tenantUid: "${beta}") { tenantUserUid tenantUid tenantRole } }`,
    );
    expect(exchangeAuthToken).toEqual({ tenantUserUid: DEMO.users.adminBeta, tenantUid: beta, tenantRole: 'ADMIN' });
  });

  it('exchangeAuthToken for a tenant the account is not in is FORBIDDEN', async () => {
    const { errors } = await run(gw.client(DEMO.tokens.auth), `mutation { exchangeAuthToken(tenantUid: "${gamma}") { tenantUserUid } }`);
    expect(codes(errors)).toEqual(['FORBIDDEN']);
  });
});
