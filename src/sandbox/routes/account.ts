/** User section: GET/PUT/POST /account, /account/invite and /tenants/{tenantUid}/account. */
import { isActiveMember, principalAccount, principalUsers } from '../auth.ts';
import { handler, ok, tenantHandler, validBody, type Ctx, type Handler } from '../context.ts';
import { badRequest, forbidden, notFound, unauthorized } from '../errors.ts';
import { accountJson, userBasicJson } from '../views.ts';

/** Response header carrying the access token minted by POST /tenants/{tenantUid}/account (the spec's body has no slot for it). */
export const ACCESS_TOKEN_HEADER = 'x-access-token';

/** AccountResponse for the caller; an integration token presents its single tenant user. */
function accountView(ctx: Ctx): string {
  const { store } = ctx;
  const principal = ctx.principal!;
  const account = principalAccount(store, principal);
  if (account) return accountJson(account, store.accountUsers(account));
  const users = principalUsers(store, principal);
  return accountJson({ accountUid: '', globalRoles: [], defaultTenantUid: users[0]?.tenantUid ?? '', tenantUsers: new Map() }, users);
}

export const accountHandlers: Record<string, Handler> = {
  'get-account': handler((ctx) => ok(accountView(ctx))),

  /** Device login: userCode + password of a tenant user in the device's tenant. */
  'post-account': handler((ctx) => {
    const { store } = ctx;
    const body = validBody<'post-account'>(ctx);
    const record = ctx.principal!.record;
    const tenant = record.kind === 'device' ? store.tenant(record.tenantUid) : undefined;
    if (!tenant) throw unauthorized('Device token is not attached to an existing tenant');
    const user = store.userByCode(tenant, body.userCode);
    if (!user || user.password !== body.password) throw unauthorized('Invalid userCode or password');
    if (!isActiveMember(user))
      throw forbidden(`User ${user.userCode} cannot log in (status ${user.status}, tenantRole ${user.tenantRole})`);
    const account = store.ensureAccount(user);
    store.markAccessed(user);
    const accessToken = store.issueAccessToken(account.accountUid);
    return ok(`{"accessToken":${JSON.stringify(accessToken)},"tenantUser":${userBasicJson(user)}}`);
  }),

  'put-account': handler((ctx) => {
    const { store } = ctx;
    const target = validBody<'put-account'>(ctx).defaultTenantUid;
    const member = principalUsers(store, ctx.principal!).some((u) => u.tenantUid === target && isActiveMember(u));
    if (!member) throw badRequest(`body/defaultTenantUid: caller is not an active member of tenant ${target}`);
    const account = principalAccount(store, ctx.principal!);
    if (account) store.setDefaultTenant(account, target);
    return ok(accountView(ctx));
  }),

  'get-tenants-account': tenantHandler('member', (ctx) => ok(userBasicJson(ctx.caller))),

  /** Exchanges an auth token for an access token; the token is returned in the x-access-token header. */
  'post-tenants-account': tenantHandler('member', (ctx) => {
    const account = principalAccount(ctx.store, ctx.principal)!;
    const accessToken = ctx.store.issueAccessToken(account.accountUid);
    ctx.store.markAccessed(ctx.caller);
    return ok(userBasicJson(ctx.caller), { [ACCESS_TOKEN_HEADER]: accessToken });
  }),

  'put-tenants-account': tenantHandler('member', (ctx) => {
    ctx.store.updateOwnUser(ctx.tenant, ctx.caller, ctx.body);
    return ok(userBasicJson(ctx.caller));
  }),

  'get-account-invite': handler((ctx) => {
    const { store } = ctx;
    const invite = store.invite(ctx.headers['x-invite-token']);
    const tenant = invite && store.tenant(invite.tenantUid);
    const user = invite && tenant?.users.get(invite.tenantUserUid);
    if (!tenant || !user) throw notFound('Unknown or already used invite token');
    const { displayName, email, firstname, lastname, mobile, status } = user;
    return ok(JSON.stringify({ tenant: { name: tenant.data.name }, user: { displayName, email, firstname, lastname, mobile, status } }));
  }),

  'put-account-invite': handler((ctx) => {
    const { store } = ctx;
    const account = principalAccount(store, ctx.principal!);
    if (!account) throw unauthorized('An auth token of an account is required');
    const invite = store.invite(validBody<'put-account-invite'>(ctx).inviteToken);
    const user = invite && store.acceptInvite(invite, account);
    if (!user) throw notFound('Unknown or already used invite token');
    return ok(userBasicJson(user));
  }),
};
