import type { FlowClient } from './client.ts';
import type { BodyOf, QueryOf } from '../spec/operations.ts';

/** GET /tenants/{tenantUid}/users: list users, paged, sorted and filtered. */
export const getTenantsUsers = (client: FlowClient, tenantUid: string, query: QueryOf<'get-tenants-users'> = {}) =>
  client.call('get-tenants-users', { path: { tenantUid }, query });

/** POST /tenants/{tenantUid}/users: create (invite) a user. */
export const postTenantsUsers = (client: FlowClient, tenantUid: string, body: BodyOf<'post-tenants-users'>) =>
  client.call('post-tenants-users', { path: { tenantUid }, body });

/** POST /tenants/{tenantUid}/users/search: search users by TenantUserSearchSchema. */
export const postTenantsUsersSearch = (
  client: FlowClient,
  tenantUid: string,
  body: BodyOf<'post-tenants-users-search'>,
  query: QueryOf<'post-tenants-users-search'> = {},
) => client.call('post-tenants-users-search', { path: { tenantUid }, body, query });

/** GET /tenants/{tenantUid}/users/{tenantUserUid}: one user's details. */
export const getTenantsUsersDetails = (client: FlowClient, tenantUid: string, tenantUserUid: string) =>
  client.call('get-tenants-users-details', { path: { tenantUid, tenantUserUid } });

/** PUT /tenants/{tenantUid}/users/{tenantUserUid}: update a user; `resendInvite` issues a new invitation. */
export const putTenantsUsersDetails = (
  client: FlowClient,
  tenantUid: string,
  tenantUserUid: string,
  body: BodyOf<'put-tenants-users-details'>,
  query: QueryOf<'put-tenants-users-details'> = {},
) => client.call('put-tenants-users-details', { path: { tenantUid, tenantUserUid }, body, query });

/** DELETE /tenants/{tenantUid}/users/{tenantUserUid}: remove a user from a tenant. */
export const deleteTenantsUsersDetails = (client: FlowClient, tenantUid: string, tenantUserUid: string) =>
  client.call('delete-tenants-users-details', { path: { tenantUid, tenantUserUid } });
