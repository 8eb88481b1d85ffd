import { Kind, type GraphQLResolveInfo, type SelectionNode } from 'graphql';
import type { GatewayContext } from '../context.ts';
import { isStandIn } from '../upstream/conformance.ts';
import type {
  RestPermissions,
  RestTenant,
  RestTenantAccountUpdate,
  RestTenantUser,
  RestTenantUserCreate,
  RestTenantUserSearch,
  RestTenantUserUpdate,
  RestUserTenantUser,
} from '../spec/schemas.ts';
import { nullIfNotFound } from './errors.ts';
import { definedOnly, emptyToNull, knownOnly, type GraphQLInputOf } from './mapping.ts';
import { pageQuery, sortQuery, type Page, type PageArgs, type SortArgs } from './paging.ts';
import { offsetConnection, type Connection, type ConnectionArgs } from './connection.ts';

/**
 * What a TenantUser is built from: the full tenant-user resource (users list,
 * details, create/update) or the caller's own membership (account, login,
 * invite), which lacks tenantName and permissions.
 */
export type AnyTenantUser = RestTenantUser | RestUserTenantUser;

/** True when the REST object is the full resource with permissions as the upstream sent them. */
export function hasPermissions(user: AnyTenantUser): user is RestTenantUser {
  return 'permissions' in user && user.permissions !== undefined && user.permissions !== null && !isStandIn(user, 'permissions');
}

/** TenantUser.defaultStoreUid: "" or absent means none. */
export function defaultStoreUid(user: AnyTenantUser): string | null {
  return emptyToNull(user.defaultStoreUid);
}

/** TenantUser.tenantName: from the REST object when it has one, else from the tenant's details (loader). */
// Returns synchronously when the data is at hand: a promise per field per user is measurable on big lists.
export function tenantName(user: AnyTenantUser, _args: unknown, ctx: GatewayContext): string | Promise<string> {
  if ('tenantName' in user && typeof user.tenantName === 'string' && user.tenantName !== '') return user.tenantName;
  return ctx.api
    .for(user)
    .tenant(user.tenantUid)
    .then((tenant) => tenant.name);
}

/** TenantUser.tenant: the tenant's details. */
export function tenantOfUser(user: AnyTenantUser, _args: unknown, ctx: GatewayContext): Promise<RestTenant> {
  return ctx.api.for(user).tenant(user.tenantUid);
}

/** TenantUser.permissions: from the REST object when it has them, else GET the user's details. */
export function permissions(user: AnyTenantUser, _args: unknown, ctx: GatewayContext): RestPermissions | Promise<RestPermissions> {
  if (hasPermissions(user)) return user.permissions;
  return ctx.api
    .for(user)
    .user(user.tenantUid, user.tenantUserUid)
    .then((full) => full.permissions);
}

/** How a users list is filtered and sorted (Tenant.users and Tenant.usersConnection). */
export interface UserListArgs extends SortArgs {
  query?: string | null;
  storeUid?: string | null;
  organizationUid?: string | null;
}

/** The REST query parameters for the filters and sort the client set. */
function userListQuery(args: UserListArgs) {
  return {
    ...sortQuery(args),
    ...definedOnly({ query: args.query, tenantuserStoreUid: args.storeUid, tenantuserOrganizationUid: args.organizationUid }),
  };
}

/** Tenant.users: GET /tenants/{tenantUid}/users. */
export function users(tenant: RestTenant, args: UserListArgs & PageArgs, ctx: GatewayContext): Promise<Page<RestTenantUser>> {
  return ctx.api.for(tenant).users(tenant.tenantUid, { ...pageQuery(args, ctx.maxPageSize), ...userListQuery(args) });
}

/** Tenant.usersConnection: the same list as a Relay connection. */
export function usersConnection(
  tenant: RestTenant,
  args: UserListArgs & ConnectionArgs,
  ctx: GatewayContext,
): Promise<Connection<RestTenantUser>> {
  const api = ctx.api.for(tenant);
  return offsetConnection(args, ctx.maxPageSize, (page) => api.users(tenant.tenantUid, { ...page, ...userListQuery(args) }));
}

export type TenantUserSearchInput = GraphQLInputOf<RestTenantUserSearch>;

/** The POST .../users/search body: only the filters the client set. */
export function toRestUserSearch(filter: TenantUserSearchInput): RestTenantUserSearch {
  return knownOnly(definedOnly(filter));
}

/** Tenant.searchUsers: POST /tenants/{tenantUid}/users/search. */
export function searchUsers(
  tenant: RestTenant,
  args: PageArgs & { filter: TenantUserSearchInput },
  ctx: GatewayContext,
): Promise<Page<RestTenantUser>> {
  return ctx.api.for(tenant).searchUsers(tenant.tenantUid, toRestUserSearch(args.filter), pageQuery(args, ctx.maxPageSize));
}

/** Tenant.user: the user details loader; null when the upstream says 404. */
export async function user(
  tenant: RestTenant,
  args: { tenantUserUid: string },
  ctx: GatewayContext,
  info: GraphQLResolveInfo,
): Promise<RestTenantUser | null> {
  const api = ctx.api.for(tenant);
  // Why prefetch: `tokens` needs only the key, so its call runs beside the details call instead of
  // after it (one round trip on the critical path, not two). If the user turns out not to exist, the
  // tokens answer is simply unused.
  if (selectsField(info, 'tokens')) api.tokens(tenant.tenantUid, args.tenantUserUid).catch(() => undefined);
  return nullIfNotFound(api.user(tenant.tenantUid, args.tenantUserUid));
}

/** Whether the field being resolved selects `name` directly (or in an inline fragment). */
function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  const has = (selections: readonly SelectionNode[]): boolean =>
    selections.some((selection) =>
      selection.kind === Kind.FIELD
        ? selection.name.value === name
        : selection.kind === Kind.INLINE_FRAGMENT && has(selection.selectionSet.selections),
    );
  return info.fieldNodes.some((node) => node.selectionSet !== undefined && has(node.selectionSet.selections));
}

/** Tenant.myAccount: GET /tenants/{tenantUid}/account (primed by `me`). */
export function myAccount(tenant: RestTenant, _args: unknown, ctx: GatewayContext): Promise<RestUserTenantUser> {
  return ctx.api.for(tenant).myTenantUser(tenant.tenantUid);
}

type StoreAccessInput = NonNullable<RestTenantUserCreate['storeAccess']>[number];
export type CreateTenantUserInput = GraphQLInputOf<RestTenantUserCreate>;
export type UpdateTenantUserInput = GraphQLInputOf<RestTenantUserUpdate>;
export type UpdateMyTenantAccountInput = GraphQLInputOf<RestTenantAccountUpdate>;

/** storeAccess entries carry only storeUid and storeRole (GraphQL may hand us objects with more). */
function storeAccessBody(entries: StoreAccessInput[]): StoreAccessInput[] {
  return entries.map(({ storeUid, storeRole }) => ({ storeUid, storeRole }));
}

export function toRestUserCreate(input: CreateTenantUserInput): RestTenantUserCreate {
  const { storeAccess, ...rest } = knownOnly(input);
  const body = definedOnly(rest) as RestTenantUserCreate;
  if (storeAccess) body.storeAccess = storeAccessBody(storeAccess);
  return body;
}

export function toRestUserUpdate(input: UpdateTenantUserInput): RestTenantUserUpdate {
  const { storeAccess, ...rest } = knownOnly(input);
  const body: RestTenantUserUpdate = definedOnly(rest);
  if (storeAccess) body.storeAccess = storeAccessBody(storeAccess);
  return body;
}

export function toRestAccountUpdate(input: UpdateMyTenantAccountInput): RestTenantAccountUpdate {
  return definedOnly(input);
}

/** Mutation.createTenantUser: POST /tenants/{tenantUid}/users (a FULL user gets an invitation). */
export function createTenantUser(ctx: GatewayContext, args: { tenantUid: string; input: CreateTenantUserInput }): Promise<RestTenantUser> {
  return ctx.api.createUser(args.tenantUid, toRestUserCreate(args.input));
}

/** Mutation.updateTenantUser: PUT the changes, with `resendInvite` in the query when the client set it. */
export async function updateTenantUser(
  ctx: GatewayContext,
  args: { tenantUid: string; tenantUserUid: string; input: UpdateTenantUserInput; resendInvite?: boolean | null },
): Promise<RestTenantUser> {
  const query = args.resendInvite === undefined || args.resendInvite === null ? {} : { resendInvite: args.resendInvite };
  return ctx.api.updateUser(args.tenantUid, args.tenantUserUid, toRestUserUpdate(args.input), query);
}

/** Mutation.resendInvitation: PUT with an empty body and `resendInvite=true`. */
export function resendInvitation(ctx: GatewayContext, args: { tenantUid: string; tenantUserUid: string }): Promise<RestTenantUser> {
  return ctx.api.updateUser(args.tenantUid, args.tenantUserUid, {}, { resendInvite: true });
}

/** Mutation.deleteTenantUser: DELETE; answers with the deleted user's uid. */
export async function deleteTenantUser(ctx: GatewayContext, args: { tenantUid: string; tenantUserUid: string }): Promise<string> {
  await ctx.api.deleteUser(args.tenantUid, args.tenantUserUid);
  return args.tenantUserUid;
}

/** Mutation.updateMyTenantAccount: PUT /tenants/{tenantUid}/account. */
export function updateMyTenantAccount(
  ctx: GatewayContext,
  args: { tenantUid: string; input: UpdateMyTenantAccountInput },
): Promise<RestUserTenantUser> {
  return ctx.api.updateMyTenantUser(args.tenantUid, toRestAccountUpdate(args.input));
}
