/**
 * The 20 REST operations as plain functions over FlowClient.call, named after
 * their operationIds, so the client's tests read like the spec. (The gateway
 * itself calls them through its data source, src/upstream/flow-api.ts.)
 */
import type { FlowClient } from '../../src/upstream/client.ts';
import type { BodyOf, QueryOf } from '../../src/spec/operations.ts';

export const getAccount = (c: FlowClient) => c.call('get-account');
export const postAccount = (c: FlowClient, body: BodyOf<'post-account'>) => c.call('post-account', { body });
export const putAccount = (c: FlowClient, body: BodyOf<'put-account'>) => c.call('put-account', { body });
export const getTenantsAccount = (c: FlowClient, tenantUid: string) => c.call('get-tenants-account', { path: { tenantUid } });
export const postTenantsAccount = (c: FlowClient, tenantUid: string) => c.call('post-tenants-account', { path: { tenantUid } });
export const putTenantsAccount = (c: FlowClient, tenantUid: string, body: BodyOf<'put-tenants-account'>) =>
  c.call('put-tenants-account', { path: { tenantUid }, body });
export const getAccountInvite = (c: FlowClient, inviteToken: string) =>
  c.call('get-account-invite', { headers: { 'x-invite-token': inviteToken } });
export const putAccountInvite = (c: FlowClient, inviteToken: string) => c.call('put-account-invite', { body: { inviteToken } });
export const getTenants = (c: FlowClient, query: QueryOf<'get-tenants'> = {}) => c.call('get-tenants', { query });
export const getTenantsDetails = (c: FlowClient, tenantUid: string) => c.call('get-tenants-details', { path: { tenantUid } });
export const putTenantsDetails = (c: FlowClient, tenantUid: string, body: BodyOf<'put-tenants-details'>) =>
  c.call('put-tenants-details', { path: { tenantUid }, body });
export const getTenantsUsers = (c: FlowClient, tenantUid: string, query: QueryOf<'get-tenants-users'> = {}) =>
  c.call('get-tenants-users', { path: { tenantUid }, query });
export const postTenantsUsers = (c: FlowClient, tenantUid: string, body: BodyOf<'post-tenants-users'>) =>
  c.call('post-tenants-users', { path: { tenantUid }, body });
export const postTenantsUsersSearch = (
  c: FlowClient,
  tenantUid: string,
  body: BodyOf<'post-tenants-users-search'>,
  query: QueryOf<'post-tenants-users-search'> = {},
) => c.call('post-tenants-users-search', { path: { tenantUid }, body, query });
export const getTenantsUsersDetails = (c: FlowClient, tenantUid: string, tenantUserUid: string) =>
  c.call('get-tenants-users-details', { path: { tenantUid, tenantUserUid } });
export const putTenantsUsersDetails = (
  c: FlowClient,
  tenantUid: string,
  tenantUserUid: string,
  body: BodyOf<'put-tenants-users-details'>,
  query: QueryOf<'put-tenants-users-details'> = {},
) => c.call('put-tenants-users-details', { path: { tenantUid, tenantUserUid }, body, query });
export const deleteTenantsUsersDetails = (c: FlowClient, tenantUid: string, tenantUserUid: string) =>
  c.call('delete-tenants-users-details', { path: { tenantUid, tenantUserUid } });
export const getTenantsUsersTokens = (c: FlowClient, tenantUid: string, tenantUserUid: string) =>
  c.call('get-tenants-users-tokens', { path: { tenantUid, tenantUserUid } });
export const postTenantsUsersTokens = (c: FlowClient, tenantUid: string, tenantUserUid: string) =>
  c.call('post-tenants-users-tokens', { path: { tenantUid, tenantUserUid } });
export const deleteTenantsUsersTokensDetails = (c: FlowClient, tenantUid: string, tenantUserUid: string, tenantUserTokenUid: string) =>
  c.call('delete-tenants-users-tokens-details', { path: { tenantUid, tenantUserUid, tenantUserTokenUid } });
