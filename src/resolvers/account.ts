import type { GatewayContext } from '../context.ts';
import { postAccount, postTenantsAccount, putAccount } from '../upstream/account.ts';
import type { ResponseOf } from '../spec/operations.ts';
import type { RestTenant, RestUserTenantUser } from '../spec/schemas.ts';

/** GET/PUT /account's answer: the graph's Account. */
export type RestAccount = ResponseOf<'get-account'>;
/** POST /account's answer: the graph's LoginResult. */
export type RestLoginResult = ResponseOf<'post-account'>;

/** Query.me: the account loader; the memberships it lists prime Tenant.myAccount. */
export async function me(ctx: GatewayContext): Promise<RestAccount> {
  ctx.client();
  const account = await ctx.loaders.account.load('me');
  ctx.loaders.primeMemberships(account.tenants);
  return account;
}

/** Account.memberships is REST's `tenants`. */
export function memberships(account: RestAccount): RestUserTenantUser[] {
  return account.tenants;
}

/** Account.defaultTenant: the tenant details loader. */
export function defaultTenant(account: RestAccount, _args: unknown, ctx: GatewayContext): Promise<RestTenant> {
  return ctx.loaders.tenantById.load(account.defaultTenantUid);
}

/** Mutation.updateAccount: PUT /account; answers with the whole account. */
export async function updateAccount(
  ctx: GatewayContext,
  args: { input: { defaultTenantUid: string } },
): Promise<RestAccount> {
  const account = await putAccount(ctx.client(), { defaultTenantUid: args.input.defaultTenantUid });
  ctx.loaders.account.clear('me').prime('me', account);
  ctx.loaders.primeMemberships(account.tenants);
  return account;
}

/** Mutation.login: POST /account; the caller's bearer is a device token (required). */
export function login(ctx: GatewayContext, args: { userCode: string; password: string }): Promise<RestLoginResult> {
  return postAccount(ctx.client(), { userCode: args.userCode, password: args.password });
}

/** Mutation.exchangeAuthToken: POST /tenants/{tenantUid}/account with the caller's auth token. */
export function exchangeAuthToken(ctx: GatewayContext, args: { tenantUid: string }): Promise<RestUserTenantUser> {
  return postTenantsAccount(ctx.client(), args.tenantUid);
}
