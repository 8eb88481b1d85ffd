import type { GatewayContext } from '../context.ts';
import { deleteTenantsUsersTokensDetails, postTenantsUsersTokens } from '../upstream/tokens.ts';
import type { RestToken } from '../spec/schemas.ts';
import type { AnyTenantUser } from './tenant-user.ts';

/** TenantUser.tokens: one GET .../tokens per user per request (loader). */
export function tokens(user: AnyTenantUser, _args: unknown, ctx: GatewayContext): Promise<RestToken[]> {
  return ctx.loaders.tokensByUser.load({ tenantUid: user.tenantUid, tenantUserUid: user.tenantUserUid });
}

interface UserArgs {
  tenantUid: string;
  tenantUserUid: string;
}

/** Mutation.createIntegrationToken: POST .../tokens; REST answers with all the user's tokens. */
export async function createIntegrationToken(ctx: GatewayContext, args: UserArgs): Promise<RestToken[]> {
  const list = await postTenantsUsersTokens(ctx.client(), args.tenantUid, args.tenantUserUid);
  const key = { tenantUid: args.tenantUid, tenantUserUid: args.tenantUserUid };
  ctx.loaders.tokensByUser.clear(key).prime(key, list.items);
  return list.items;
}

/** Mutation.deleteIntegrationToken: DELETE .../tokens/{uid}; answers with the deleted token's uid. */
export async function deleteIntegrationToken(
  ctx: GatewayContext,
  args: UserArgs & { tenantUserTokenUid: string },
): Promise<string> {
  await deleteTenantsUsersTokensDetails(ctx.client(), args.tenantUid, args.tenantUserUid, args.tenantUserTokenUid);
  ctx.loaders.tokensByUser.clear({ tenantUid: args.tenantUid, tenantUserUid: args.tenantUserUid });
  return args.tenantUserTokenUid;
}
