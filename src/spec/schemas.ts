import type { components } from './types.ts';

/** Short names for the spec's schemas, used across the gateway. */
type Schemas = components['schemas'];
export type RestTenant = Schemas['TenantResponseSchema'];
export type RestTenantUpdate = Schemas['TenantUpdateSchema'];
export type RestTenantUser = Schemas['TenantUserResponseSchema'];
export type RestUserTenantUser = Schemas['UserTenantUserResponseSchema'];
export type RestStoreAccess = Schemas['UserStoreAccessResponseSchema'];
export type RestPermissions = Schemas['TenantUserPermissionResponseSchema'];
export type RestToken = Schemas['TenantUserTokenResponseSchema'];
export type RestPaging = Schemas['Paging'];
export type RestTenantUserCreate = Schemas['TenantUserCreateRequestSchema'];
export type RestTenantUserUpdate = Schemas['TenantUserUpdateRequestSchema'];
export type RestTenantAccountUpdate = Schemas['TenantAccountUpdateSchema'];
export type RestTenantUserSearch = Schemas['TenantUserSearchSchema'];
export type RestCustomerRequiredField = Schemas['CustomerRequiredFieldENUM'];
export type RestSortDirection = Schemas['SortDirectionENUM'];
