/**
 * State -> response shapes (per the spec's response schemas), with per-object JSON caches so
 * hot list endpoints only concatenate pre-serialised strings.
 */
import type { Account, Schemas, StoreRole, Tenant, TenantRole, TenantUser } from './model.ts';

type UserBasic = Schemas['UserTenantUserResponseSchema'];
type UserFull = Schemas['TenantUserResponseSchema'];
type Permissions = Schemas['TenantUserPermissionResponseSchema'];

const TENANT_PERMISSIONS: Record<TenantRole, string[]> = {
  ADMIN: ['TENANT', 'TENANT_USER', 'USER_TOKEN', 'STORE', 'ORGANIZATION', 'PRODUCT', 'PRICELIST', 'CUSTOMER', 'REPORT'],
  BACKOFFICE: ['PRODUCT', 'PRICELIST', 'CUSTOMER', 'REPORT'],
  ACCESS: ['CUSTOMER'],
  BLOCKED: [],
};
const STORE_PERMISSIONS: Record<StoreRole, string[]> = {
  ADMIN: ['STORE_ADMIN', 'SALE', 'CREDIT', 'STOCK', 'PURCHASE_ORDER', 'PRICE_CHANGE', 'REPORT'],
  BACKOFFICE: ['SALE', 'CREDIT', 'STOCK', 'PURCHASE_ORDER', 'PRICE_CHANGE'],
  REGULAR: ['SALE', 'CREDIT'],
};
const ORGANIZATION_PERMISSIONS = ['ORGANIZATION_ADMIN', 'REPORT'];

/** Derived from tenantRole + store access: tenant admins administer every organization, store admins theirs. */
export function permissions(tenant: Tenant, user: TenantUser): Permissions {
  const stores: Permissions['stores'] = [];
  const adminOrgs = new Set<string>(user.tenantRole === 'ADMIN' ? tenant.organizations.keys() : []);
  for (const access of user.storeAccess) {
    const store = tenant.stores.get(access.storeUid);
    if (!store) continue;
    const org = tenant.organizations.get(store.organizationUid);
    stores.push({
      store: { name: store.name, storeUid: store.storeUid, organizationUid: store.organizationUid, organizationName: org?.name ?? '' },
      permissions: STORE_PERMISSIONS[access.storeRole],
    });
    if (access.storeRole === 'ADMIN') adminOrgs.add(store.organizationUid);
  }
  const organizations: Permissions['organizations'] = [];
  for (const uid of adminOrgs) {
    const org = tenant.organizations.get(uid);
    if (org)
      organizations.push({ organization: { name: org.name, organizationUid: org.organizationUid }, permissions: ORGANIZATION_PERMISSIONS });
  }
  return { tenant: TENANT_PERMISSIONS[user.tenantRole], stores, organizations };
}

/** UserTenantUserResponseSchema (User section: no tenantName / permissions). */
export function userBasic(user: TenantUser): UserBasic {
  const out: UserBasic = {
    tenantUserUid: user.tenantUserUid,
    tenantUid: user.tenantUid,
    userCode: user.userCode,
    displayName: user.displayName,
    firstname: user.firstname,
    lastname: user.lastname,
    email: user.email,
    mobile: user.mobile,
    externalId: user.externalId,
    accountType: user.accountType,
    tenantRole: user.tenantRole,
    status: user.status,
    languageCode: user.languageCode,
    storeAccess: user.storeAccess,
    createdAt: user.createdAt,
    lastModifiedAt: user.lastModifiedAt,
    lastAccessed: user.lastAccessed,
  };
  if (user.defaultStoreUid !== undefined) out.defaultStoreUid = user.defaultStoreUid;
  return out;
}

/** TenantUserResponseSchema (Tenant section: with tenantName and permissions). */
export function userFull(tenant: Tenant, user: TenantUser): UserFull {
  return { ...userBasic(user), tenantName: tenant.data.name, permissions: permissions(tenant, user) };
}

export function userBasicJson(user: TenantUser): string {
  return (user.cache.basic ??= JSON.stringify(userBasic(user)));
}

export function userFullJson(tenant: Tenant, user: TenantUser): string {
  return (user.cache.full ??= JSON.stringify(userFull(tenant, user)));
}

export function tenantJson(tenant: Tenant): string {
  return (tenant.cache.json ??= JSON.stringify(tenant.data));
}

export interface Paging {
  pageNumber: number;
  pageSize: number;
  totalCount: number;
}

/** `{"items":[...],"paging":{...}}` from already serialised items. */
export function listJson(items: string[], paging: Paging): string {
  return `{"items":[${items.join(',')}],"paging":${JSON.stringify(paging)}}`;
}

/** AccountResponse for an account (all tenant users linked to it). */
export function accountJson(account: Account, users: TenantUser[]): string {
  return `{"globalRoles":${JSON.stringify(account.globalRoles)},"defaultTenantUid":${JSON.stringify(account.defaultTenantUid)},"tenants":[${users.map(userBasicJson).join(',')}]}`;
}

/** TenantUserTokenListResponse: all of a user's integration tokens on one page. */
export function tokensJson(user: TenantUser, defaultPageSize: number): string {
  const items = user.tokens.map((t) => JSON.stringify({ tenantUserTokenUid: t.tenantUserTokenUid, token: t.token }));
  return listJson(items, { pageNumber: 1, pageSize: Math.max(defaultPageSize, items.length), totalCount: items.length });
}
