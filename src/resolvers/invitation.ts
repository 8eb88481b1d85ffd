import type { GatewayContext } from '../context.ts';
import { getAccountInvite, putAccountInvite } from '../upstream/invite.ts';
import type { ResponseOf } from '../spec/operations.ts';
import type { RestUserTenantUser } from '../spec/schemas.ts';
import { nullIfNotFound } from './errors.ts';

/** GET /account/invite's answer: the graph's Invitation. */
export type RestInvitation = ResponseOf<'get-account-invite'>;

/** Query.invitation: needs no bearer token (the invite token goes in x-invite-token); null on 404. */
export function invitation(ctx: GatewayContext, args: { inviteToken: string }): Promise<RestInvitation | null> {
  return nullIfNotFound(getAccountInvite(ctx.anonymousClient, args.inviteToken));
}

/** Mutation.acceptInvitation: PUT /account/invite with the caller's auth token. */
export function acceptInvitation(ctx: GatewayContext, args: { inviteToken: string }): Promise<RestUserTenantUser> {
  return putAccountInvite(ctx.client(), args.inviteToken);
}
