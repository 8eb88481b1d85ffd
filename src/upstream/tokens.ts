import type { FlowClient } from './client.ts';

/** GET /tenants/{tenantUid}/users/{tenantUserUid}/tokens: a user's integration tokens. */
export const getTenantsUsersTokens = (client: FlowClient, tenantUid: string, tenantUserUid: string) =>
  client.call('get-tenants-users-tokens', { path: { tenantUid, tenantUserUid } });

/** POST /tenants/{tenantUid}/users/{tenantUserUid}/tokens: create a token; answers with all the user's tokens. */
export const postTenantsUsersTokens = (client: FlowClient, tenantUid: string, tenantUserUid: string) =>
  client.call('post-tenants-users-tokens', { path: { tenantUid, tenantUserUid } });

/** DELETE /tenants/{tenantUid}/users/{tenantUserUid}/tokens/{tenantUserTokenUid}: delete one token. */
export const deleteTenantsUsersTokensDetails = (
  client: FlowClient,
  tenantUid: string,
  tenantUserUid: string,
  tenantUserTokenUid: string,
) => client.call('delete-tenants-users-tokens-details', { path: { tenantUid, tenantUserUid, tenantUserTokenUid } });
