/** Tenant section: /tenants/{tenantUid}/users[/search|/{tenantUserUid}]. */
import { noContent, ok, pathUser, tenantHandler, validBody, validQuery, type Handler, type Reply, type TenantCtx } from '../context.ts';
import { filterUsers, page, USER_SORT_FIELDS, userField, type ListQuery } from '../list.ts';
import type { TenantUser } from '../model.ts';
import { listJson, userFullJson } from '../views.ts';

/** Response header exposing the invitation token that the real API would e-mail. */
export const INVITE_TOKEN_HEADER = 'x-sandbox-invite-token';

function userReply(ctx: TenantCtx, user: TenantUser, inviteToken?: string): Reply {
  return ok(userFullJson(ctx.tenant, user), inviteToken ? { [INVITE_TOKEN_HEADER]: inviteToken } : undefined);
}

function userList(ctx: TenantCtx, users: TenantUser[], q: ListQuery): Reply {
  const result = page(users, q, USER_SORT_FIELDS, userField);
  return ok(
    listJson(
      result.items.map((u) => userFullJson(ctx.tenant, u)),
      result.paging,
    ),
  );
}

export const userHandlers: Record<string, Handler> = {
  'get-tenants-users': tenantHandler('member', (ctx) => {
    const q = validQuery<'get-tenants-users'>(ctx);
    const users = filterUsers(ctx.tenant, { query: q.query, storeUid: q.tenantuserStoreUid, organizationUid: q.tenantuserOrganizationUid });
    return userList(ctx, users, q);
  }),

  'post-tenants-users-search': tenantHandler('member', (ctx) => {
    const { query, userCode, email, mobile, status } = validBody<'post-tenants-users-search'>(ctx);
    const users = filterUsers(ctx.tenant, { query, userCode, email, mobile, status });
    return userList(ctx, users, validQuery<'post-tenants-users-search'>(ctx));
  }),

  'post-tenants-users': tenantHandler('admin', (ctx) => {
    const { user, inviteToken } = ctx.store.createUser(ctx.tenant, ctx.body);
    return userReply(ctx, user, inviteToken);
  }),

  'get-tenants-users-details': tenantHandler('member', (ctx) => userReply(ctx, pathUser(ctx))),

  'put-tenants-users-details': tenantHandler('admin', (ctx) => {
    const user = pathUser(ctx);
    const { inviteToken } = ctx.store.updateUser(
      ctx.tenant,
      user,
      ctx.body,
      validQuery<'put-tenants-users-details'>(ctx).resendInvite === true,
    );
    return userReply(ctx, user, inviteToken);
  }),

  'delete-tenants-users-details': tenantHandler('admin', (ctx) => {
    ctx.store.deleteUser(ctx.tenant, pathUser(ctx));
    return noContent();
  }),
};
