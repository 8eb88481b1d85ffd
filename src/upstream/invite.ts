import type { FlowClient } from './client.ts';

/** GET /account/invite: the invitation behind an invite token; needs no bearer token. */
export const getAccountInvite = (client: FlowClient, inviteToken: string) =>
  client.call('get-account-invite', { headers: { 'x-invite-token': inviteToken } });

/** PUT /account/invite: accept an invitation; the caller's bearer is an auth token. */
export const putAccountInvite = (client: FlowClient, inviteToken: string) =>
  client.call('put-account-invite', { body: { inviteToken } });
