import type { GatewayContext } from '../context.ts';
import type { RestTenant, RestUserTenantUser } from '../spec/schemas.ts';
import { isStandIn } from '../upstream/conformance.ts';
import type { RestAccount, RestLoginResult } from '../upstream/flow-api.ts';

export type { RestAccount, RestLoginResult };

/** Query.me: GET /account. */
export function me(ctx: GatewayContext): Promise<RestAccount> {
  return ctx.api.account();
}

/** Account.memberships is REST's `tenants`. */
export function memberships(account: RestAccount): RestUserTenantUser[] {
  return account.tenants;
}

/** Account.defaultTenant: the tenant's details. */
export function defaultTenant(account: RestAccount, _args: unknown, ctx: GatewayContext): Promise<RestTenant> {
  return ctx.api.tenant(account.defaultTenantUid);
}

/** Mutation.updateAccount: PUT /account; answers with the whole account. */
export function updateAccount(ctx: GatewayContext, args: { input: { defaultTenantUid: string } }): Promise<RestAccount> {
  return ctx.api.updateAccount({ defaultTenantUid: args.input.defaultTenantUid });
}

/** Mutation.login: POST /account; the caller's bearer is a device token. */
export function login(ctx: GatewayContext, args: { userCode: string; password: string }): Promise<RestLoginResult> {
  return ctx.api.login({ userCode: args.userCode, password: args.password });
}

/** LoginResult.tenantUser: null when the upstream sent none (the access token is returned anyway). */
export function loginTenantUser(result: RestLoginResult): RestUserTenantUser | null {
  return isStandIn(result, 'tenantUser') ? null : result.tenantUser;
}

/** Mutation.exchangeAuthToken: POST /tenants/{tenantUid}/account with the caller's auth token. */
export function exchangeAuthToken(ctx: GatewayContext, args: { tenantUid: string }): Promise<RestUserTenantUser> {
  return ctx.api.exchangeAuthToken(args.tenantUid);
}
