/** Tenant section: integration tokens of a tenant user (tenantRole ADMIN required). */
import { noContent, ok, pathUser, tenantHandler, type Handler } from '../context.ts';
import { notFound } from '../errors.ts';
import { DEFAULT_PAGE_SIZE } from '../list.ts';
import { tokensJson } from '../views.ts';

export const tokenHandlers: Record<string, Handler> = {
  'get-tenants-users-tokens': tenantHandler('admin', (ctx) => ok(tokensJson(pathUser(ctx), DEFAULT_PAGE_SIZE))),

  'post-tenants-users-tokens': tenantHandler('admin', (ctx) => {
    const user = pathUser(ctx);
    ctx.store.createIntegrationToken(user);
    return ok(tokensJson(user, DEFAULT_PAGE_SIZE));
  }),

  'delete-tenants-users-tokens-details': tenantHandler('admin', (ctx) => {
    const user = pathUser(ctx);
    const tokenUid = ctx.params.tenantUserTokenUid;
    if (!ctx.store.deleteIntegrationToken(user, tokenUid))
      throw notFound(`Token ${tokenUid} not found for tenant user ${user.tenantUserUid}`);
    return noContent();
  }),
};
