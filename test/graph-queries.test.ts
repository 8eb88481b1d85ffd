/**
 * Success paths of every query field against the sandbox (read-only: the seed
 * state is never changed here).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLClient } from 'graphql-request';
import { DEMO } from '../src/sandbox/seed.ts';
import { startTestGateway, type TestGateway } from './helpers/gateway.ts';
import { run } from './helpers/graphql.ts';

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;
const { alpha, beta } = DEMO.tenants;

const TENANT_USER_FIELDS = `
  tenantUserUid tenantUid tenantName accountType tenantRole status userCode displayName
  firstname lastname email mobile externalId languageCode defaultStoreUid
  createdAt lastAccessed lastModifiedAt
  storeAccess { storeAccessUid storeUid storeRole createdAt lastModifiedAt }
`;

let gw: TestGateway;
let admin: GraphQLClient;

beforeAll(async () => {
  gw = await startTestGateway();
  admin = gw.client(DEMO.tokens.admin);
});
afterAll(async () => {
  await gw?.close();
});

describe('Query.me', () => {
  it("returns the caller's account with one membership per tenant, each a full TenantUser", async () => {
    const { data, errors } = await run(
      admin,
      `{ me {
          globalRoles defaultTenantUid defaultTenant { tenantUid name }
          memberships { ${TENANT_USER_FIELDS} tenant { tenantUid name } permissions { tenant } }
      } }`,
    );
    expect(errors).toBeUndefined();
    const me = data.me;
    expect(me.globalRoles).toEqual(['USER']);
    expect(me.defaultTenantUid).toBe(alpha);
    expect(me.defaultTenant).toEqual({ tenantUid: alpha, name: 'Alpha Sport AS' });
    expect(me.memberships.map((m) => m.tenantUid)).toEqual([alpha, beta]);

    const [inAlpha, inBeta] = me.memberships;
    expect(inAlpha).toMatchObject({
      tenantUserUid: DEMO.users.adminAlpha,
      // REST memberships carry no tenantName: it comes from the tenant's details.
      tenantName: 'Alpha Sport AS',
      tenant: { tenantUid: alpha, name: 'Alpha Sport AS' },
      accountType: 'FULL',
      tenantRole: 'ADMIN',
      status: 'ACTIVE',
      userCode: 'admin',
      displayName: 'Ada Admin',
      firstname: 'Ada',
      lastname: 'Admin',
      email: 'ada.admin@sandbox.flowretail.test',
      mobile: '+47 90000001',
      externalId: 'HR-0001',
      languageCode: 'nb',
      defaultStoreUid: 'alpha-store-oslo-city',
    });
    for (const field of ['createdAt', 'lastAccessed', 'lastModifiedAt']) expect(inAlpha[field]).toMatch(ISO);
    expect(inAlpha.storeAccess).toHaveLength(4);
    expect(inAlpha.storeAccess[0]).toMatchObject({ storeUid: 'alpha-store-oslo-city', storeRole: 'ADMIN' });
    expect(inAlpha.storeAccess[0].storeAccessUid).toEqual(expect.any(String));
    expect(inAlpha.storeAccess[0].createdAt).toMatch(ISO);
    expect(inAlpha.storeAccess[0].lastModifiedAt).toMatch(ISO);
    // Memberships carry no permissions in REST: they are loaded from the user's details.
    expect(inAlpha.permissions.tenant).toContain('TENANT_USER');
    expect(inBeta).toMatchObject({ tenantUserUid: DEMO.users.adminBeta, tenantName: 'Beta Books AB', languageCode: 'sv' });
  });

  it('exposes an absent or empty defaultStoreUid as null', async () => {
    const integration = gw.client(DEMO.tokens.integration);
    const { data, errors } = await run(integration, '{ me { memberships { tenantUserUid defaultStoreUid } } }');
    expect(errors).toBeUndefined();
    // The integration user's REST defaultStoreUid is "".
    expect(data.me.memberships).toEqual([{ tenantUserUid: DEMO.users.integrationAlpha, defaultStoreUid: null }]);
  });
});

describe('Query.tenants', () => {
  it('lists the tenants the caller can access with paging (page 1 of 1 by default)', async () => {
    const { data, errors } = await run(
      admin,
      '{ tenants { items { tenantUid name } paging { pageNumber pageSize totalCount totalPages hasNextPage } } }',
    );
    expect(errors).toBeUndefined();
    expect(data.tenants.items.map((t) => t.tenantUid)).toEqual([alpha, beta]);
    expect(data.tenants.paging).toEqual({ pageNumber: 1, pageSize: 50, totalCount: 2, totalPages: 1, hasNextPage: false });
  });

  it('passes page, pageSize, sortBy and sortDirection to REST and derives the paging', async () => {
    const query = `query ($page: Int, $dir: SortDirection) {
      tenants(page: $page, pageSize: 1, sortBy: "name", sortDirection: $dir) {
        items { name } paging { pageNumber totalPages hasNextPage }
      } }`;
    const first = await run(admin, query, { page: 1, dir: 'DESC' });
    expect(first.errors).toBeUndefined();
    expect(first.data.tenants).toEqual({ items: [{ name: 'Beta Books AB' }], paging: { pageNumber: 1, totalPages: 2, hasNextPage: true } });
    const second = await run(admin, query, { page: 2, dir: 'DESC' });
    expect(second.data.tenants).toEqual({
      items: [{ name: 'Alpha Sport AS' }],
      paging: { pageNumber: 2, totalPages: 2, hasNextPage: false },
    });
  });
});

describe('Query.tenant', () => {
  it("returns every field of a tenant's details, settings, app settings, extensions, assets and currency", async () => {
    const { data, errors } = await run(
      admin,
      `query ($t: ID!) { tenant(tenantUid: $t) {
        tenantUid name countryCode vatNumber pricelistUid timezone languageCode createdAt lastModifiedAt
        settings {
          allowExternalCashDrawer autoLogout autoPrintReceipt numericSkuCounter printCardPaymentDetails
          sendInvoicesExternally duplicateCheckCustomerPhoneNumber duplicateCheckCustomerVatNumber
          useOriginalSellerOnCreditLine defaultCustomerGroupUid printReceiptNumber requiredCustomerFields
          enforceStrongPin customerContactsRequiresEmail customerContactsEmailDuplicateCheck
        }
        appSettings {
          showOutOfStockWarning defaultParkedOrderLifespanDays requirePinCodeForSale requirePinCodeForCredit
          autoSendWelcomeSms autoSendWelcomeMail defaultCustomerGroupUid
        }
        extensions { tenantExtensionUid extensionCode name active }
        assets { logo { assetUid url } splash { assetUid url } }
        currency { code name symbol symbolPosition decimalSeparator thousandSeparator cashRounding }
      } }`,
      { t: alpha },
    );
    expect(errors).toBeUndefined();
    const tenant = data.tenant;
    expect(tenant).toMatchObject({
      tenantUid: alpha,
      name: 'Alpha Sport AS',
      countryCode: 'NO',
      vatNumber: 'NO912345678MVA',
      pricelistUid: 'alpha-pricelist-main',
      timezone: 'Europe/Oslo',
      languageCode: 'nb',
    });
    expect(tenant.createdAt).toMatch(ISO);
    expect(tenant.lastModifiedAt).toMatch(ISO);
    expect(tenant.settings).toMatchObject({
      allowExternalCashDrawer: false,
      autoLogout: 0,
      autoPrintReceipt: true,
      printCardPaymentDetails: true,
      sendInvoicesExternally: true,
      duplicateCheckCustomerPhoneNumber: true,
      duplicateCheckCustomerVatNumber: true,
      useOriginalSellerOnCreditLine: false,
      defaultCustomerGroupUid: 'alpha-customergroup-retail',
      printReceiptNumber: true,
      requiredCustomerFields: ['EMAIL', 'MOBILE'],
      enforceStrongPin: true,
      customerContactsRequiresEmail: false,
      customerContactsEmailDuplicateCheck: false,
    });
    expect(tenant.settings.numericSkuCounter).toBeGreaterThanOrEqual(100000);
    expect(tenant.appSettings).toEqual({
      showOutOfStockWarning: true,
      defaultParkedOrderLifespanDays: 14,
      requirePinCodeForSale: false,
      requirePinCodeForCredit: true,
      autoSendWelcomeSms: false,
      autoSendWelcomeMail: true,
      defaultCustomerGroupUid: 'alpha-customergroup-retail',
    });
    expect(tenant.extensions).toEqual([
      { tenantExtensionUid: 'alpha-ext-1', extensionCode: 'VIPPS', name: 'Vipps', active: true },
      { tenantExtensionUid: 'alpha-ext-2', extensionCode: 'ADYEN_POS', name: 'Adyen terminals', active: true },
      { tenantExtensionUid: 'alpha-ext-3', extensionCode: 'SMS', name: 'SMS notifications', active: false },
      { tenantExtensionUid: 'alpha-ext-4', extensionCode: 'LOYALTY_POINTS', name: 'Loyalty points', active: true },
    ]);
    expect(tenant.assets.logo).toEqual({ assetUid: 'alpha-logo', url: expect.stringMatching(/alpha-logo\.png$/) as unknown });
    expect(tenant.assets.splash.assetUid).toBe('alpha-splash');
    expect(tenant.currency).toEqual({
      code: 'NOK',
      name: 'Norwegian krone',
      symbol: 'kr',
      symbolPosition: 'suffix',
      decimalSeparator: ',',
      thousandSeparator: ' ',
      cashRounding: 1,
    });
  });

  it('maps REST "" optional UIDs to null and lower-case required customer fields to the enum', async () => {
    const { data, errors } = await run(
      admin,
      `query ($t: ID!) { tenant(tenantUid: $t) {
        pricelistUid settings { defaultCustomerGroupUid requiredCustomerFields } appSettings { defaultCustomerGroupUid }
      } }`,
      { t: beta },
    );
    expect(errors).toBeUndefined();
    expect(data.tenant).toEqual({
      pricelistUid: null,
      settings: { defaultCustomerGroupUid: null, requiredCustomerFields: ['EMAIL'] },
      appSettings: { defaultCustomerGroupUid: null },
    });
  });
});

describe('Tenant.users and Tenant.searchUsers', () => {
  it('pages the users with the contract defaults and derives totalPages / hasNextPage', async () => {
    const { data, errors } = await run(
      admin,
      `query ($t: ID!) { tenant(tenantUid: $t) {
        all: users { items { tenantUserUid } paging { pageNumber pageSize totalCount totalPages hasNextPage } }
        small: users(page: 2, pageSize: 5) { items { tenantUserUid } paging { pageNumber pageSize totalCount totalPages hasNextPage } }
      } }`,
      { t: alpha },
    );
    expect(errors).toBeUndefined();
    expect(data.tenant.all.paging).toEqual({ pageNumber: 1, pageSize: 50, totalCount: 64, totalPages: 2, hasNextPage: true });
    expect(data.tenant.all.items).toHaveLength(50);
    expect(data.tenant.small.paging).toEqual({ pageNumber: 2, pageSize: 5, totalCount: 64, totalPages: 13, hasNextPage: true });
    expect(data.tenant.small.items.map((u) => u.tenantUserUid)).toEqual(data.tenant.all.items.slice(5, 10).map((u) => u.tenantUserUid));
  });

  it('returns every TenantUser field for listed users, tenantName and permissions from the list response', async () => {
    const { data, errors } = await run(
      admin,
      `query ($t: ID!) { tenant(tenantUid: $t) { users(pageSize: 1) { items {
        ${TENANT_USER_FIELDS}
        tenant { tenantUid }
        permissions {
          tenant
          stores { store { storeUid name organizationUid organizationName } permissions }
          organizations { organization { organizationUid name } permissions }
        }
      } } } }`,
      { t: alpha },
    );
    expect(errors).toBeUndefined();
    const [user] = data.tenant.users.items;
    expect(user).toMatchObject({ tenantUserUid: DEMO.users.adminAlpha, tenantName: 'Alpha Sport AS', tenant: { tenantUid: alpha } });
    expect(user.permissions.tenant).toContain('TENANT');
    expect(user.permissions.stores[0]).toEqual({
      store: { storeUid: 'alpha-store-oslo-city', name: 'Oslo City', organizationUid: 'alpha-org-oslo', organizationName: 'Oslo region' },
      permissions: expect.arrayContaining(['STORE_ADMIN', 'SALE']) as unknown,
    });
    expect(user.permissions.organizations).toContainEqual({
      organization: { organizationUid: 'alpha-org-bergen', name: 'Bergen region' },
      permissions: ['ORGANIZATION_ADMIN', 'REPORT'],
    });
  });

  it('passes query, storeUid, organizationUid, sortBy and sortDirection to REST', async () => {
    const { data, errors } = await run(
      admin,
      `query ($t: ID!) { tenant(tenantUid: $t) {
        byQuery: users(query: "pia pending") { items { tenantUserUid } }
        byStore: users(storeUid: "alpha-store-web") { items { storeAccess { storeUid } } paging { totalCount } }
        byOrg: users(organizationUid: "alpha-org-bergen") { items { storeAccess { storeUid } } paging { totalCount } }
        sorted: users(sortBy: "userCode", sortDirection: DESC, pageSize: 3) { items { userCode } }
      } }`,
      { t: alpha },
    );
    expect(errors).toBeUndefined();
    expect(data.tenant.byQuery.items).toEqual([{ tenantUserUid: DEMO.users.pendingAlpha }]);
    expect(data.tenant.byStore.paging.totalCount).toBeGreaterThan(0);
    expect(data.tenant.byStore.paging.totalCount).toBeLessThan(64);
    for (const u of data.tenant.byStore.items) expect(u.storeAccess.map((a) => a.storeUid)).toContain('alpha-store-web');
    expect(data.tenant.byOrg.paging.totalCount).toBeGreaterThan(0);
    for (const u of data.tenant.byOrg.items) expect(u.storeAccess.map((a) => a.storeUid)).toContain('alpha-store-bergen-sentrum');
    const codes = data.tenant.sorted.items.map((u) => u.userCode);
    expect(codes).toEqual([...codes].sort().reverse());
    expect(codes[0]).toBe('regular');
  });

  it('searches users by the filter input, paged', async () => {
    const { data, errors } = await run(
      admin,
      `query ($t: ID!) { tenant(tenantUid: $t) {
        pending: searchUsers(filter: { status: [PENDING_INVITE] }, pageSize: 100) { items { status } paging { totalCount } }
        byCode: searchUsers(filter: { userCode: "admin" }) { items { tenantUserUid tenantName } }
        byEmail: searchUsers(filter: { email: "RITA.REGULAR@sandbox.flowretail.test" }) { items { tenantUserUid } }
        byMobile: searchUsers(filter: { mobile: "+47 90000004" }) { items { tenantUserUid } }
        fuzzy: searchUsers(filter: { query: "ada" }, page: 1, pageSize: 1) { items { tenantUserUid } paging { pageNumber pageSize } }
      } }`,
      { t: alpha },
    );
    expect(errors).toBeUndefined();
    expect(data.tenant.pending.paging.totalCount).toBeGreaterThan(1);
    expect(data.tenant.pending.items.every((u) => String(u.status) === 'PENDING_INVITE')).toBe(true);
    expect(data.tenant.byCode.items).toEqual([{ tenantUserUid: DEMO.users.adminAlpha, tenantName: 'Alpha Sport AS' }]);
    expect(data.tenant.byEmail.items).toEqual([{ tenantUserUid: DEMO.users.regularAlpha }]);
    expect(data.tenant.byMobile.items).toEqual([{ tenantUserUid: DEMO.users.pendingAlpha }]);
    expect(data.tenant.fuzzy.paging).toEqual({ pageNumber: 1, pageSize: 1 });
    expect(data.tenant.fuzzy.items).toHaveLength(1);
  });
});

describe('Tenant.user, Tenant.myAccount and TenantUser.tokens', () => {
  it('returns one user by uid with tenantName and permissions from its details', async () => {
    const { data, errors } = await run(
      admin,
      `query ($t: ID!, $u: ID!) { tenant(tenantUid: $t) { user(tenantUserUid: $u) {
        tenantUserUid displayName tenantName status defaultStoreUid permissions { tenant stores { store { name } } }
      } } }`,
      { t: alpha, u: DEMO.users.pendingAlpha },
    );
    expect(errors).toBeUndefined();
    expect(data.tenant.user).toEqual({
      tenantUserUid: DEMO.users.pendingAlpha,
      displayName: 'Pia Pending',
      tenantName: 'Alpha Sport AS',
      status: 'PENDING_INVITE',
      defaultStoreUid: null,
      permissions: { tenant: ['PRODUCT', 'PRICELIST', 'CUSTOMER', 'REPORT'], stores: [{ store: { name: 'Oslo Storo' } }] },
    });
  });

  it("returns the caller's own user in the tenant", async () => {
    const { data, errors } = await run(
      gw.client(DEMO.tokens.regular),
      `query ($t: ID!) { tenant(tenantUid: $t) { myAccount { tenantUserUid tenantRole tenantName permissions { tenant } } } }`,
      { t: alpha },
    );
    expect(errors).toBeUndefined();
    expect(data.tenant.myAccount).toEqual({
      tenantUserUid: DEMO.users.regularAlpha,
      tenantRole: 'ACCESS',
      tenantName: 'Alpha Sport AS',
      permissions: { tenant: ['CUSTOMER'] },
    });
  });

  it("lists a user's integration tokens for a tenant admin", async () => {
    const { data, errors } = await run(
      admin,
      `query ($t: ID!, $u: ID!) { tenant(tenantUid: $t) { user(tenantUserUid: $u) { tokens { tenantUserTokenUid token } } } }`,
      { t: alpha, u: DEMO.users.integrationAlpha },
    );
    expect(errors).toBeUndefined();
    const tokens = data.tenant.user.tokens;
    expect(tokens).toHaveLength(2);
    expect(tokens[0]).toEqual({ tenantUserTokenUid: `${DEMO.users.integrationAlpha}-token-1`, token: DEMO.tokens.integration });
  });
});

describe('Query.invitation', () => {
  it('describes a pending invitation without any bearer token', async () => {
    const { data, errors } = await run(
      gw.client(),
      `query ($i: String!) { invitation(inviteToken: $i) {
        tenant { name } user { displayName email firstname lastname mobile status }
      } }`,
      { i: DEMO.inviteToken },
    );
    expect(errors).toBeUndefined();
    expect(data.invitation).toEqual({
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
  });

  it('is null for an unknown invite token', async () => {
    const { data, errors } = await run(gw.client(), '{ invitation(inviteToken: "no-such-invite") { tenant { name } } }');
    expect(errors).toBeUndefined();
    expect(data.invitation).toBeNull();
  });
});
