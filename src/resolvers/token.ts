import type { GatewayContext } from '../context.ts';
import type { RestToken } from '../spec/schemas.ts';
import type { AnyTenantUser } from './tenant-user.ts';

/** TenantUser.tokens: GET .../tokens, once per user per request. */
export function tokens(user: AnyTenantUser, _args: unknown, ctx: GatewayContext): Promise<RestToken[]> {
  return ctx.api.for(user).tokens(user.tenantUid, user.tenantUserUid);
}

interface UserArgs {
  tenantUid: string;
  tenantUserUid: string;
}

/** Mutation.createIntegrationToken: POST .../tokens; REST answers with all the user's tokens. */
export function createIntegrationToken(ctx: GatewayContext, args: UserArgs): Promise<RestToken[]> {
  return ctx.api.createToken(args.tenantUid, args.tenantUserUid);
}

/** Mutation.deleteIntegrationToken: DELETE .../tokens/{uid}; answers with the deleted token's uid. */
export async function deleteIntegrationToken(ctx: GatewayContext, args: UserArgs & { tenantUserTokenUid: string }): Promise<string> {
  await ctx.api.deleteToken(args.tenantUid, args.tenantUserUid, args.tenantUserTokenUid);
  return args.tenantUserTokenUid;
}
