/** Tenant section: GET /tenants, GET/PUT /tenants/{tenantUid}. */
import { isActiveMember, principalUsers } from '../auth.ts';
import { handler, ok, tenantHandler, validQuery, type Handler } from '../context.ts';
import { page, TENANT_SORT_FIELDS } from '../list.ts';
import type { Tenant } from '../model.ts';
import { listJson, tenantJson } from '../views.ts';

export const tenantHandlers: Record<string, Handler> = {
  /** Only the tenants the caller is an active, non-blocked member of. */
  'get-tenants': handler((ctx) => {
    const { store } = ctx;
    const tenants: Tenant[] = [];
    for (const user of principalUsers(store, ctx.principal!)) {
      const tenant = isActiveMember(user) ? store.tenant(user.tenantUid) : undefined;
      if (tenant) tenants.push(tenant);
    }
    const result = page(tenants, validQuery<'get-tenants'>(ctx), TENANT_SORT_FIELDS, (t, f) => (t.data as Record<string, unknown>)[f]);
    return ok(listJson(result.items.map(tenantJson), result.paging));
  }),

  'get-tenants-details': tenantHandler('member', (ctx) => ok(tenantJson(ctx.tenant))),

  'put-tenants-details': tenantHandler('admin', (ctx) => {
    ctx.store.updateTenant(ctx.tenant, ctx.body);
    return ok(tenantJson(ctx.tenant));
  }),
};
