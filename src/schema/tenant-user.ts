import { builder } from './builder.ts';
import { pageArgs, sortArgs, tenantArgs, tenantUserArgs } from './args.ts';
import { ONE_CALL, connectionCall, pagedCall } from './cost.ts';
import { AccountType, CapabilitySource, StoreRole, TenantRole, TenantUserStatus } from './enums.ts';
import { Paging } from './paging.ts';
import { Tenant } from './tenant.ts';
import { toPaging, type Page } from '../resolvers/paging.ts';
import { capabilities, type Capabilities } from '../resolvers/capabilities.ts';
import type { RestPermissions, RestStoreAccess, RestTenantUser } from '../spec/schemas.ts';
import { DOCS, rawDescription, restDoc } from './descriptions.ts';
import { emptyToNull } from '../resolvers/mapping.ts';
import { toAccountType, toStoreRole, toTenantRole, toTenantUserStatus } from '../resolvers/enums.ts';
import {
  createTenantUser,
  defaultStoreUid,
  deleteTenantUser,
  myAccount,
  permissions,
  resendInvitation,
  searchUsers,
  tenantName,
  tenantOfUser,
  updateMyTenantAccount,
  updateTenantUser,
  user,
  users,
  usersConnection,
  type AnyTenantUser,
} from '../resolvers/tenant-user.ts';

type RestStorePermission = RestPermissions['stores'][number];
type RestOrganizationPermission = RestPermissions['organizations'][number];

export const TenantUser = builder.objectRef<AnyTenantUser>('TenantUser');

const StoreAccess = builder.objectRef<RestStoreAccess>('StoreAccess').implement({
  description: "A tenant user's access to one store (REST UserStoreAccessResponseSchema).",
  fields: (t) => ({
    storeAccessUid: t.exposeID('storeAccessUid', { description: 'Reference to this store access.' }),
    storeUid: t.exposeID('storeUid', { description: DOCS.storeUid }),
    storeRole: t.field({ type: StoreRole, description: DOCS.storeRole, resolve: (access) => toStoreRole(access.storeRole) }),
    storeRoleRaw: t.exposeString('storeRole', { description: rawDescription('storeRole') }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the access was granted.' }),
    lastModifiedAt: t.expose('lastModifiedAt', { type: 'DateTime', description: 'When the access was last changed.' }),
  }),
});

const BasicStore = builder.objectRef<RestStorePermission['store']>('BasicStore').implement({
  description: 'A store, named, with the organization it belongs to (REST BasicStoreResponseSchema).',
  fields: (t) => ({
    storeUid: t.exposeID('storeUid', { description: DOCS.storeUid }),
    name: t.exposeString('name', { description: 'Name of the store.' }),
    organizationUid: t.exposeID('organizationUid', { description: 'Reference to the organization the store belongs to.' }),
    organizationName: t.exposeString('organizationName', { description: 'Name of the organization the store belongs to.' }),
  }),
});

const BasicOrganization = builder.objectRef<RestOrganizationPermission['organization']>('BasicOrganization').implement({
  description: 'An organization (a group of stores), named (REST BasicOrganizationResponseSchema).',
  fields: (t) => ({
    organizationUid: t.exposeID('organizationUid', { description: 'Reference to the organization.' }),
    name: t.exposeString('name', { description: 'Name of the organization.' }),
  }),
});

const StorePermission = builder.objectRef<RestStorePermission>('StorePermission').implement({
  description: "A user's permissions in one store (REST StorePermissionResponseSchema).",
  fields: (t) => ({
    store: t.expose('store', { type: BasicStore, description: 'The store.' }),
    permissions: t.exposeStringList('permissions', { description: 'The permission names the user has in the store.' }),
  }),
});

const OrganizationPermission = builder.objectRef<RestOrganizationPermission>('OrganizationPermission').implement({
  description: "A user's permissions in one organization (REST OrganizationPermissionResponseSchema).",
  fields: (t) => ({
    organization: t.expose('organization', { type: BasicOrganization, description: 'The organization.' }),
    permissions: t.exposeStringList('permissions', { description: 'The permission names the user has in the organization.' }),
  }),
});

const TenantUserPermissions = builder.objectRef<RestPermissions>('TenantUserPermissions').implement({
  description: 'What a tenant user may do, tenant-wide, per store and per organization (REST TenantUserPermissionResponseSchema).',
  fields: (t) => ({
    tenant: t.exposeStringList('tenant', { description: 'The permission names the user has tenant-wide.' }),
    stores: t.expose('stores', { type: [StorePermission], description: 'The permissions per store.' }),
    organizations: t.expose('organizations', {
      type: [OrganizationPermission],
      description: 'The permissions per organization.',
    }),
  }),
});

const Capabilities = builder.objectRef<Capabilities>('TenantUserCapabilities').implement({
  description:
    "What a UI may offer this tenant user, so it can hide a button instead of learning from FORBIDDEN. The upstream still decides: a capability is a hint, not a grant. Rule: a user who is not ACTIVE, or is BLOCKED, has none; otherwise the tenant-wide permissions decide (each capability names the permission); when they cannot be read (the caller may not read this user's details, or the upstream sent none), the role decides: ADMIN has all, any other role none.",
  fields: (t) => ({
    canManageUsers: t.exposeBoolean('canManageUsers', {
      description: 'May create, change, invite and delete tenant users (the TENANT_USER permission).',
    }),
    canManageTokens: t.exposeBoolean('canManageTokens', {
      description: "May list, create and delete tenant users' integration tokens (the USER_TOKEN permission).",
    }),
    canEditTenant: t.exposeBoolean('canEditTenant', {
      description: "May change the tenant's details and settings (the TENANT permission).",
    }),
    derivedFrom: t.field({
      type: CapabilitySource,
      description: 'Whether these came from the permissions or, as a fallback, from the role.',
      resolve: (capabilities) => capabilities.derivedFrom,
    }),
  }),
});

TenantUser.implement({
  description:
    "A user's account in one tenant: a tenant's user (GET /tenants/{tenantUid}/users...) or the caller's own membership (GET /account, GET /tenants/{tenantUid}/account).",
  fields: (t) => ({
    tenantUserUid: t.exposeID('tenantUserUid', { description: DOCS.tenantUserUid }),
    tenantUid: t.exposeID('tenantUid', { description: 'Reference to the tenant the user belongs to.' }),
    tenant: t.field({
      type: Tenant,
      nullable: true,
      description: restDoc('get-tenants-details', 'The tenant this user belongs to (tenant details loader, cached).'),
      resolve: tenantOfUser,
    }),
    tenantName: t.string({
      nullable: true,
      description: "The tenant's name. From the REST response where present, else from the tenant's details.",
      resolve: tenantName,
    }),
    accountType: t.field({ type: AccountType, description: DOCS.accountType, resolve: (user) => toAccountType(user.accountType) }),
    accountTypeRaw: t.exposeString('accountType', { description: rawDescription('accountType') }),
    tenantRole: t.field({ type: TenantRole, description: DOCS.tenantRole, resolve: (user) => toTenantRole(user.tenantRole) }),
    tenantRoleRaw: t.exposeString('tenantRole', { description: rawDescription('tenantRole') }),
    status: t.field({
      type: TenantUserStatus,
      description: "Where the user's account stands.",
      resolve: (user) => toTenantUserStatus(user.status),
    }),
    statusRaw: t.exposeString('status', { description: rawDescription('status') }),
    userCode: t.exposeString('userCode', { description: DOCS.userCode }),
    displayName: t.exposeString('displayName', { description: DOCS.displayName }),
    firstname: t.exposeString('firstname', { description: DOCS.firstname }),
    lastname: t.exposeString('lastname', { description: DOCS.lastname }),
    email: t.exposeString('email', { description: DOCS.email }),
    mobile: t.exposeString('mobile', { description: DOCS.mobile }),
    externalId: t.exposeString('externalId', { description: DOCS.externalId }),
    languageCode: t.exposeString('languageCode', { description: DOCS.languageCode }),
    defaultStoreUid: t.id({
      nullable: true,
      description: "Reference to the user's default store. Empty string in REST means none: exposed as null.",
      resolve: defaultStoreUid,
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the user was created.' }),
    lastAccessed: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the user last used the tenant. Null when the user has never logged in.',
      resolve: (user) => emptyToNull(user.lastAccessed),
    }),
    lastModifiedAt: t.expose('lastModifiedAt', { type: 'DateTime', description: 'When the user was last changed.' }),
    storeAccess: t.expose('storeAccess', { type: [StoreAccess], description: 'The stores the user has access to.' }),
    capabilities: t.field({
      type: Capabilities,
      complexity: ONE_CALL,
      nullable: true,
      description: restDoc(
        'get-tenants-users-details',
        'What a UI may offer this user (see TenantUserCapabilities for the rule). Loads the permissions with the call below when the REST object lacks them.',
      ),
      resolve: capabilities,
    }),
    permissions: t.field({
      type: TenantUserPermissions,
      complexity: ONE_CALL,
      nullable: true,
      description: restDoc(
        'get-tenants-users-details',
        'What the user may do. From the REST response where present (Tenant section); otherwise loaded with the call below.',
      ),
      resolve: permissions,
    }),
  }),
});

const TenantUserPage = builder.objectRef<Page<RestTenantUser>>('TenantUserPage').implement({
  description: "One page of a tenant's users.",
  fields: (t) => ({
    items: t.expose('items', { type: [TenantUser], description: 'The users on this page.' }),
    paging: t.field({ type: Paging, description: DOCS.paging, resolve: (page) => toPaging(page.paging) }),
  }),
});

const TenantUserSearchInput = builder.inputType('TenantUserSearchInput', {
  description: 'Filters for searching tenant users (REST TenantUserSearchSchema); filters left out are not applied.',
  fields: (t) => ({
    query: t.string({ description: 'Fuzzy search on displayName, firstname, lastname, mobile, email and userCode.' }),
    userCode: t.string({ description: DOCS.exactMatch }),
    email: t.string({ description: DOCS.exactMatch }),
    mobile: t.string({ description: DOCS.exactMatch }),
    status: t.field({ type: [TenantUserStatus], description: 'Only users with one of these statuses.' }),
  }),
});

/** How a tenant's users list is filtered and sorted. */
const userListArgs = builder.args((t) => ({
  query: t.string({ description: 'Query string for tenant users' }),
  storeUid: t.id({ description: 'Only users with access to this store.' }),
  organizationUid: t.id({ description: 'Only users with access to this organization.' }),
  ...sortArgs,
}));

builder.objectFields(Tenant, (t) => ({
  users: t.field({
    type: TenantUserPage,
    complexity: pagedCall,
    nullable: true,
    description: restDoc('get-tenants-users', "The tenant's users, paged, sorted and filtered."),
    args: { ...userListArgs, ...pageArgs },
    resolve: users,
  }),
  usersConnection: t.connection(
    {
      type: TenantUser,
      complexity: connectionCall,
      nullable: true,
      description: restDoc(
        'get-tenants-users',
        "The tenant's users as a Relay connection (for Relay, Apollo Client and urql pagination), filtered and sorted like `users`. Following `endCursor` with the same `first` reads one REST page per slice.",
      ),
      args: userListArgs,
      resolve: usersConnection,
    },
    {
      name: 'TenantUserConnection',
      description: "A slice of a tenant's users.",
      fields: (c) => ({ totalCount: c.exposeInt('totalCount', { description: 'How many users the whole list has.' }) }),
    },
    { name: 'TenantUserEdge', description: 'A tenant user in a slice, with its cursor.' },
  ),
  searchUsers: t.field({
    type: TenantUserPage,
    complexity: pagedCall,
    nullable: true,
    description: restDoc('post-tenants-users-search', "The tenant's users matching a filter, paged."),
    args: {
      filter: t.arg({ type: TenantUserSearchInput, required: true, description: 'What to search for.' }),
      ...pageArgs,
    },
    resolve: searchUsers,
  }),
  user: t.field({
    type: TenantUser,
    complexity: ONE_CALL,
    nullable: true,
    description: restDoc('get-tenants-users-details', "A tenant user's details; null when the user does not exist."),
    args: { tenantUserUid: t.arg.id({ required: true, description: DOCS.tenantUserUid }) },
    resolve: user,
  }),
  myAccount: t.field({
    type: TenantUser,
    complexity: ONE_CALL,
    nullable: true,
    description: restDoc('get-tenants-account', "The caller's own user in this tenant."),
    resolve: myAccount,
  }),
}));

const StoreAccessInput = builder.inputType('StoreAccessInput', {
  description: 'Access to one store (REST UserStoreAccessCreateSchema).',
  fields: (t) => ({
    storeUid: t.id({ required: true, description: DOCS.storeUid }),
    storeRole: t.field({ type: StoreRole, required: true, description: DOCS.storeRole }),
  }),
});

const CreateTenantUserInput = builder.inputType('CreateTenantUserInput', {
  description: 'A new tenant user (REST TenantUserCreateRequestSchema). Email is required when accountType is FULL.',
  fields: (t) => ({
    accountType: t.field({ type: AccountType, required: true, description: DOCS.accountType }),
    password: t.string({ required: true, description: DOCS.password }),
    tenantRole: t.field({ type: TenantRole, required: true, description: DOCS.tenantRole }),
    userCode: t.string({ required: true, description: DOCS.userCode }),
    email: t.string({ description: 'Email address. Required when accountType is FULL.' }),
    displayName: t.string({ description: DOCS.displayName }),
    externalId: t.string({ description: DOCS.externalId }),
    firstname: t.string({ description: DOCS.firstname }),
    lastname: t.string({ description: DOCS.lastname }),
    mobile: t.string({ description: DOCS.mobile }),
    tenantUserUid: t.id({ description: 'Reference to give the new user (the upstream makes one when left out).' }),
    languageCode: t.string({ description: DOCS.languageCode }),
    storeAccess: t.field({ type: [StoreAccessInput], description: 'The stores the user gets access to.' }),
    defaultStoreUid: t.id({ description: DOCS.defaultStoreUid }),
  }),
});

const UpdateTenantUserInput = builder.inputType('UpdateTenantUserInput', {
  description: 'Changes to a tenant user (REST TenantUserUpdateRequestSchema); fields left out or null stay as they are.',
  fields: (t) => ({
    accountType: t.field({ type: AccountType, description: DOCS.accountType }),
    defaultStoreUid: t.id({ description: DOCS.defaultStoreUid }),
    displayName: t.string({ description: DOCS.displayName }),
    email: t.string({ description: DOCS.email }),
    externalId: t.string({ description: DOCS.externalId }),
    firstname: t.string({ description: DOCS.firstname }),
    lastname: t.string({ description: DOCS.lastname }),
    mobile: t.string({ description: DOCS.mobile }),
    password: t.string({ description: DOCS.newPassword }),
    storeAccess: t.field({ type: [StoreAccessInput], description: 'The stores the user has access to (replaces the list).' }),
    tenantRole: t.field({ type: TenantRole, description: DOCS.tenantRole }),
    userCode: t.string({ description: DOCS.userCode }),
    languageCode: t.string({ description: DOCS.languageCode }),
  }),
});

const UpdateMyTenantAccountInput = builder.inputType('UpdateMyTenantAccountInput', {
  description: "Changes to the caller's own tenant user (REST TenantAccountUpdateSchema); fields left out or null stay as they are.",
  fields: (t) => ({
    defaultStoreUid: t.id({ description: 'Reference to the default store ("" for none).' }),
    displayName: t.string({ description: DOCS.displayName }),
    email: t.string({ description: DOCS.email }),
    firstname: t.string({ description: DOCS.firstname }),
    lastname: t.string({ description: DOCS.lastname }),
    mobile: t.string({ description: DOCS.mobile }),
    password: t.string({ description: DOCS.newPassword }),
    languageCode: t.string({ description: DOCS.languageCode }),
  }),
});

builder.mutationFields((t) => ({
  createTenantUser: t.field({
    type: TenantUser,
    complexity: ONE_CALL,
    description: restDoc('post-tenants-users', 'Creates a user; a FULL account gets an invitation by e-mail.'),
    args: {
      ...tenantArgs,
      input: t.arg({ type: CreateTenantUserInput, required: true, description: 'The new user.' }),
    },
    resolve: (_root, args, ctx) => createTenantUser(ctx, args),
  }),
  updateTenantUser: t.field({
    type: TenantUser,
    complexity: ONE_CALL,
    description: restDoc('put-tenants-users-details', "Changes a tenant user's details and store access."),
    args: {
      ...tenantUserArgs,
      input: t.arg({ type: UpdateTenantUserInput, required: true, description: DOCS.changes }),
      resendInvite: t.arg.boolean({ description: 'When true, the user is sent a new invitation.' }),
    },
    resolve: (_root, args, ctx) => updateTenantUser(ctx, args),
  }),
  resendInvitation: t.field({
    type: TenantUser,
    complexity: ONE_CALL,
    description: restDoc('put-tenants-users-details', 'Sends the user a new invitation (resendInvite=true, no changes).'),
    args: {
      ...tenantUserArgs,
    },
    resolve: (_root, args, ctx) => resendInvitation(ctx, args),
  }),
  deleteTenantUser: t.id({
    complexity: ONE_CALL,
    description: restDoc('delete-tenants-users-details', "Deletes a user from the tenant; answers with the deleted user's uid."),
    args: {
      ...tenantUserArgs,
    },
    resolve: (_root, args, ctx) => deleteTenantUser(ctx, args),
  }),
  updateMyTenantAccount: t.field({
    type: TenantUser,
    complexity: ONE_CALL,
    description: restDoc('put-tenants-account', "Changes the caller's own user in this tenant."),
    args: {
      ...tenantArgs,
      input: t.arg({ type: UpdateMyTenantAccountInput, required: true, description: DOCS.changes }),
    },
    resolve: (_root, args, ctx) => updateMyTenantAccount(ctx, args),
  }),
}));
