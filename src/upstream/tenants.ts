import type { FlowClient } from './client.ts';
import type { BodyOf, QueryOf } from '../spec/operations.ts';

/** GET /tenants: the tenants the caller has access to, paged. */
export const getTenants = (client: FlowClient, query: QueryOf<'get-tenants'> = {}) =>
  client.call('get-tenants', { query });

/** GET /tenants/{tenantUid}: one tenant's details. */
export const getTenantsDetails = (client: FlowClient, tenantUid: string) =>
  client.call('get-tenants-details', { path: { tenantUid } });

/** PUT /tenants/{tenantUid}: update a tenant's details. */
export const putTenantsDetails = (client: FlowClient, tenantUid: string, body: BodyOf<'put-tenants-details'>) =>
  client.call('put-tenants-details', { path: { tenantUid }, body });
