/** In-memory state shapes of the sandbox. Response shapes come from the generated spec types. */
import type { components } from '../spec/types.ts';

export type Schemas = components['schemas'];
export type TenantRole = Schemas['TenantRoleENUM'];
export type AccountType = Schemas['TenantAccountTypeENUM'];
export type UserStatus = Schemas['TenantUserStatusENUM'];
export type StoreRole = Schemas['StoreRoleENUM'];
export type StoreAccess = Schemas['UserStoreAccessResponseSchema'];

export interface Organization {
  organizationUid: string;
  name: string;
}

export interface Store {
  storeUid: string;
  name: string;
  organizationUid: string;
}

export interface IntegrationToken {
  tenantUserTokenUid: string;
  token: string;
}

/** Serialisation caches; dropped whenever the user (or its tenant's name) changes. */
export interface UserCache {
  full?: string;
  basic?: string;
  haystack?: string;
}

export interface TenantUser {
  tenantUserUid: string;
  tenantUid: string;
  /** Identity (account) the user is linked to; absent while an invitation is pending. */
  accountUid?: string;
  accountType: AccountType;
  tenantRole: TenantRole;
  status: UserStatus;
  userCode: string;
  password: string;
  displayName: string;
  firstname: string;
  lastname: string;
  email: string;
  mobile: string;
  externalId: string;
  languageCode: string;
  defaultStoreUid?: string;
  storeAccess: StoreAccess[];
  createdAt: string;
  lastModifiedAt: string;
  lastAccessed: string;
  tokens: IntegrationToken[];
  inviteToken?: string;
  cache: UserCache;
}

export interface Tenant {
  data: Schemas['TenantResponseSchema'];
  organizations: Map<string, Organization>;
  stores: Map<string, Store>;
  /** Insertion ordered (natural list order). */
  users: Map<string, TenantUser>;
  cache: { json?: string };
}

export interface Account {
  accountUid: string;
  globalRoles: string[];
  defaultTenantUid: string;
  /** tenantUid -> tenantUserUid */
  tenantUsers: Map<string, string>;
}

export type TokenRecord =
  | { kind: 'access' | 'auth'; accountUid: string }
  | { kind: 'device'; tenantUid: string }
  | { kind: 'integration'; tenantUid: string; tenantUserUid: string; tenantUserTokenUid: string };

export interface Invite {
  inviteToken: string;
  tenantUid: string;
  tenantUserUid: string;
}

export interface State {
  tenants: Map<string, Tenant>;
  accounts: Map<string, Account>;
  tokens: Map<string, TokenRecord>;
  invites: Map<string, Invite>;
  /** Seeded PRNG used for everything generated at runtime (ids, tokens). */
  random: () => number;
  seq: number;
}
