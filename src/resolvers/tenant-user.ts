import { Kind, type GraphQLResolveInfo, type SelectionNode } from 'graphql';
import type { GatewayContext } from '../context.ts';
import { putTenantsAccount } from '../upstream/account.ts';
import {
  deleteTenantsUsersDetails,
  getTenantsUsers,
  postTenantsUsers,
  postTenantsUsersSearch,
  putTenantsUsersDetails,
} from '../upstream/tenant-users.ts';
import type {
  RestPermissions,
  RestSortDirection,
  RestTenant,
  RestTenantAccountUpdate,
  RestTenantUser,
  RestTenantUserCreate,
  RestTenantUserSearch,
  RestTenantUserUpdate,
  RestUserTenantUser,
} from '../spec/schemas.ts';
import { nullIfNotFound } from './errors.ts';
import { definedOnly, emptyToNull, type GraphQLInputOf } from './mapping.ts';
import { pageQuery, toPage, type Page, type PageArgs } from './paging.ts';

/**
 * What a TenantUser is built from: the full tenant-user resource (users list,
 * details, create/update) or the caller's own membership (account, login,
 * invite), which lacks tenantName and permissions.
 */
export type AnyTenantUser = RestTenantUser | RestUserTenantUser;

/** True when the REST object is the full resource (has tenantName and permissions). */
function isFullUser(user: AnyTenantUser): user is RestTenantUser {
  return 'permissions' in user && user.permissions !== undefined && user.permissions !== null;
}

/** TenantUser.defaultStoreUid: "" or absent means none. */
export function defaultStoreUid(user: AnyTenantUser): string | null {
  return emptyToNull(user.defaultStoreUid);
}

/** TenantUser.tenantName: from the REST object when it has one, else from the tenant's details (loader). */
// Returns synchronously when the data is at hand: a promise per field per user is measurable on big lists.
export function tenantName(user: AnyTenantUser, _args: unknown, ctx: GatewayContext): string | Promise<string> {
  if ('tenantName' in user && typeof user.tenantName === 'string') return user.tenantName;
  return ctx.loaders.tenantById.load(user.tenantUid).then((tenant) => tenant.name);
}

/** TenantUser.tenant: the tenant details loader. */
export function tenantOfUser(user: AnyTenantUser, _args: unknown, ctx: GatewayContext): Promise<RestTenant> {
  return ctx.loaders.tenantById.load(user.tenantUid);
}

/** TenantUser.permissions: from the REST object when present, else GET the user's details (loader). */
export function permissions(user: AnyTenantUser, _args: unknown, ctx: GatewayContext): RestPermissions | Promise<RestPermissions> {
  if (isFullUser(user)) return user.permissions;
  return ctx.loaders.tenantUserById
    .load({ tenantUid: user.tenantUid, tenantUserUid: user.tenantUserUid })
    .then((full) => full.permissions);
}

export interface UsersArgs extends PageArgs {
  query?: string | null;
  storeUid?: string | null;
  organizationUid?: string | null;
  sortBy?: string | null;
  sortDirection?: RestSortDirection | null;
}

/** Tenant.users: GET /tenants/{tenantUid}/users; listed users are primed into the details loader. */
export function users(tenant: RestTenant, args: UsersArgs, ctx: GatewayContext): Promise<Page<RestTenantUser>> {
  const client = ctx.client();
  const query = {
    ...pageQuery(args, ctx.maxPageSize),
    ...definedOnly({
      sortBy: args.sortBy,
      sortDirection: args.sortDirection,
      query: args.query,
      tenantuserStoreUid: args.storeUid,
      tenantuserOrganizationUid: args.organizationUid,
    }),
  };
  return ctx.loaders.trackUserList(
    tenant.tenantUid,
    getTenantsUsers(client, tenant.tenantUid, query).then((list) => {
      ctx.loaders.primeUsers(list.items);
      return toPage(list);
    }),
  );
}

export type TenantUserSearchInput = GraphQLInputOf<RestTenantUserSearch>;

/** The POST .../users/search body: only the filters the client set. */
export function toRestUserSearch(filter: TenantUserSearchInput): RestTenantUserSearch {
  return definedOnly(filter);
}

/** Tenant.searchUsers: POST /tenants/{tenantUid}/users/search; found users are primed like `users`. */
export function searchUsers(
  tenant: RestTenant,
  args: PageArgs & { filter: TenantUserSearchInput },
  ctx: GatewayContext,
): Promise<Page<RestTenantUser>> {
  const client = ctx.client();
  return ctx.loaders.trackUserList(
    tenant.tenantUid,
    postTenantsUsersSearch(client, tenant.tenantUid, toRestUserSearch(args.filter), pageQuery(args, ctx.maxPageSize)).then((list) => {
      ctx.loaders.primeUsers(list.items);
      return toPage(list);
    }),
  );
}

/** Tenant.user: the user details loader; null when the upstream says 404. */
export async function user(
  tenant: RestTenant,
  args: { tenantUserUid: string },
  ctx: GatewayContext,
  info: GraphQLResolveInfo,
): Promise<RestTenantUser | null> {
  const key = { tenantUid: tenant.tenantUid, tenantUserUid: args.tenantUserUid };
  // Why prefetch: `tokens` needs only the key, so its call runs beside the details call instead of
  // after it (one round trip on the critical path, not two). If the user turns out not to exist, the
  // tokens answer is simply unused.
  if (selectsField(info, 'tokens')) ctx.loaders.tokensByUser.load(key).catch(() => undefined);
  await ctx.loaders.userListsSettled(tenant.tenantUid);
  return nullIfNotFound(ctx.loaders.tenantUserById.load(key));
}

/** Whether the field being resolved selects `name` directly (or in an inline fragment). */
function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  const has = (selections: readonly SelectionNode[]): boolean =>
    selections.some((selection) =>
      selection.kind === Kind.FIELD ? selection.name.value === name : selection.kind === Kind.INLINE_FRAGMENT && has(selection.selectionSet.selections),
    );
  return info.fieldNodes.some((node) => node.selectionSet !== undefined && has(node.selectionSet.selections));
}

/** Tenant.myAccount: GET /tenants/{tenantUid}/account through its loader (primed by `me`). */
export function myAccount(tenant: RestTenant, _args: unknown, ctx: GatewayContext): Promise<RestUserTenantUser> {
  return ctx.loaders.myAccountByTenant.load(tenant.tenantUid);
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
  const { storeAccess, ...rest } = input;
  const body = definedOnly(rest) as RestTenantUserCreate;
  if (storeAccess) body.storeAccess = storeAccessBody(storeAccess);
  return body;
}

export function toRestUserUpdate(input: UpdateTenantUserInput): RestTenantUserUpdate {
  const { storeAccess, ...rest } = input;
  const body: RestTenantUserUpdate = definedOnly(rest);
  if (storeAccess) body.storeAccess = storeAccessBody(storeAccess);
  return body;
}

export function toRestAccountUpdate(input: UpdateMyTenantAccountInput): RestTenantAccountUpdate {
  return definedOnly(input);
}

/** Mutation.createTenantUser: POST /tenants/{tenantUid}/users (a FULL user gets an invitation). */
export async function createTenantUser(
  ctx: GatewayContext,
  args: { tenantUid: string; input: CreateTenantUserInput },
): Promise<RestTenantUser> {
  const created = await postTenantsUsers(ctx.client(), args.tenantUid, toRestUserCreate(args.input));
  ctx.loaders.primeUsers([created]);
  return created;
}

/** Mutation.updateTenantUser: PUT the changes, with `resendInvite` in the query when the client set it. */
export async function updateTenantUser(
  ctx: GatewayContext,
  args: { tenantUid: string; tenantUserUid: string; input: UpdateTenantUserInput; resendInvite?: boolean | null },
): Promise<RestTenantUser> {
  const query = args.resendInvite === undefined || args.resendInvite === null ? {} : { resendInvite: args.resendInvite };
  return putUser(ctx, args.tenantUid, args.tenantUserUid, toRestUserUpdate(args.input), query);
}

/** Mutation.resendInvitation: PUT with an empty body and `resendInvite=true`. */
export function resendInvitation(
  ctx: GatewayContext,
  args: { tenantUid: string; tenantUserUid: string },
): Promise<RestTenantUser> {
  return putUser(ctx, args.tenantUid, args.tenantUserUid, {}, { resendInvite: true });
}

async function putUser(
  ctx: GatewayContext,
  tenantUid: string,
  tenantUserUid: string,
  body: RestTenantUserUpdate,
  query: { resendInvite?: boolean },
): Promise<RestTenantUser> {
  const updated = await putTenantsUsersDetails(ctx.client(), tenantUid, tenantUserUid, body, query);
  ctx.loaders.tenantUserById.clear({ tenantUid, tenantUserUid }).prime({ tenantUid, tenantUserUid }, updated);
  return updated;
}

/** Mutation.deleteTenantUser: DELETE; answers with the deleted user's uid. */
export async function deleteTenantUser(
  ctx: GatewayContext,
  args: { tenantUid: string; tenantUserUid: string },
): Promise<string> {
  await deleteTenantsUsersDetails(ctx.client(), args.tenantUid, args.tenantUserUid);
  ctx.loaders.tenantUserById.clear({ tenantUid: args.tenantUid, tenantUserUid: args.tenantUserUid });
  return args.tenantUserUid;
}

/** Mutation.updateMyTenantAccount: PUT /tenants/{tenantUid}/account. */
export async function updateMyTenantAccount(
  ctx: GatewayContext,
  args: { tenantUid: string; input: UpdateMyTenantAccountInput },
): Promise<RestUserTenantUser> {
  const updated = await putTenantsAccount(ctx.client(), args.tenantUid, toRestAccountUpdate(args.input));
  ctx.loaders.myAccountByTenant.clear(args.tenantUid).prime(args.tenantUid, updated);
  return updated;
}
