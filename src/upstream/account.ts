import type { FlowClient } from './client.ts';
import type { BodyOf } from '../spec/operations.ts';

/** GET /account: the caller's account with all tenants they can access. */
export const getAccount = (client: FlowClient) => client.call('get-account');

/** POST /account: login with userCode and password; the caller's bearer is a device token. */
export const postAccount = (client: FlowClient, body: BodyOf<'post-account'>) => client.call('post-account', { body });

/** PUT /account: update global account information. */
export const putAccount = (client: FlowClient, body: BodyOf<'put-account'>) => client.call('put-account', { body });

/** GET /tenants/{tenantUid}/account: the caller's own tenant user. */
export const getTenantsAccount = (client: FlowClient, tenantUid: string) =>
  client.call('get-tenants-account', { path: { tenantUid } });

/** POST /tenants/{tenantUid}/account: exchange the caller's auth token for access to a tenant. */
export const postTenantsAccount = (client: FlowClient, tenantUid: string) =>
  client.call('post-tenants-account', { path: { tenantUid } });

/** PUT /tenants/{tenantUid}/account: update the caller's own tenant user. */
export const putTenantsAccount = (client: FlowClient, tenantUid: string, body: BodyOf<'put-tenants-account'>) =>
  client.call('put-tenants-account', { path: { tenantUid }, body });
