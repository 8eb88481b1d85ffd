import type { GatewayContext } from '../context.ts';
import type { RestUserTenantUser } from '../spec/schemas.ts';
import type { RestInvitation } from '../upstream/flow-api.ts';
import { nullIfNotFound } from './errors.ts';

export type { RestInvitation };

/** Query.invitation: needs no bearer token (the invite token goes in x-invite-token); null on 404. */
export function invitation(ctx: GatewayContext, args: { inviteToken: string }): Promise<RestInvitation | null> {
  return nullIfNotFound(ctx.api.invitation(args.inviteToken));
}

/** Mutation.acceptInvitation: PUT /account/invite with the caller's auth token. */
export function acceptInvitation(ctx: GatewayContext, args: { inviteToken: string }): Promise<RestUserTenantUser> {
  return ctx.api.acceptInvitation(args.inviteToken);
}
