import { GraphQLError } from 'graphql';
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

/** Mutation.login: POST /account; the caller's bearer is a device token. With cookie sessions, the token goes into the cookie. */
export async function login(ctx: GatewayContext, args: { userCode: string; password: string }): Promise<RestLoginResult> {
  const result = await ctx.api.login({ userCode: args.userCode, password: args.password });
  await ctx.session?.start(result.accessToken);
  return result;
}

/** LoginResult.accessToken: empty when it went into the session cookie, so that no script can read it. */
export function accessToken(result: RestLoginResult, _args: unknown, ctx: GatewayContext): string {
  return ctx.session ? '' : result.accessToken;
}

/** LoginResult.tenantUser: null when the upstream sent none (the access token is returned anyway). */
export function loginTenantUser(result: RestLoginResult): RestUserTenantUser | null {
  return isStandIn(result, 'tenantUser') ? null : result.tenantUser;
}

/**
 * POST /tenants/{tenantUid}/account with the caller's auth token, as a LoginResult (the access token
 * and the tenant user); with cookie sessions, the token goes into the cookie.
 */
export async function exchangeAuthTokenForAccessToken(ctx: GatewayContext, args: { tenantUid: string }): Promise<RestLoginResult> {
  const { tenantUser, accessToken } = await ctx.api.exchangeAuthToken(args.tenantUid);
  if (!accessToken) throw noAccessToken();
  await ctx.session?.start(accessToken);
  return { accessToken, tenantUser };
}

/** Mutation.exchangeAuthToken: the same exchange answering with the tenant user only (the token goes into the session cookie, if on). */
export async function exchangeAuthToken(ctx: GatewayContext, args: { tenantUid: string }): Promise<RestUserTenantUser> {
  if (ctx.session) return (await exchangeAuthTokenForAccessToken(ctx, args)).tenantUser;
  return (await ctx.api.exchangeAuthToken(args.tenantUid)).tenantUser;
}

/** Mutation.logout: clears the session cookie; false when there are no cookie sessions. */
export async function logout(ctx: GatewayContext): Promise<boolean> {
  if (!ctx.session) return false;
  await ctx.session.end();
  return true;
}

function noAccessToken(): GraphQLError {
  return new GraphQLError(
    'The upstream issued no access token: the exchange answered without the header UPSTREAM_ACCESS_TOKEN_HEADER names',
    {
      extensions: { code: 'UPSTREAM_ERROR' },
    },
  );
}
