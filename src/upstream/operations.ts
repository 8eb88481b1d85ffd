import type { operations } from './types.ts';

/** The REST operations, keyed by the spec's operationId. A test checks this table against the spec. */
export type OperationId = keyof operations;
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export const OPERATIONS: Record<OperationId, { method: HttpMethod; path: string }> = {
  'get-account': { method: 'GET', path: '/account' },
  'post-account': { method: 'POST', path: '/account' },
  'put-account': { method: 'PUT', path: '/account' },
  'get-tenants-account': { method: 'GET', path: '/tenants/{tenantUid}/account' },
  'post-tenants-account': { method: 'POST', path: '/tenants/{tenantUid}/account' },
  'put-tenants-account': { method: 'PUT', path: '/tenants/{tenantUid}/account' },
  'get-account-invite': { method: 'GET', path: '/account/invite' },
  'put-account-invite': { method: 'PUT', path: '/account/invite' },
  'get-tenants': { method: 'GET', path: '/tenants' },
  'get-tenants-details': { method: 'GET', path: '/tenants/{tenantUid}' },
  'put-tenants-details': { method: 'PUT', path: '/tenants/{tenantUid}' },
  'get-tenants-users': { method: 'GET', path: '/tenants/{tenantUid}/users' },
  'post-tenants-users': { method: 'POST', path: '/tenants/{tenantUid}/users' },
  'get-tenants-users-details': { method: 'GET', path: '/tenants/{tenantUid}/users/{tenantUserUid}' },
  'put-tenants-users-details': { method: 'PUT', path: '/tenants/{tenantUid}/users/{tenantUserUid}' },
  'delete-tenants-users-details': { method: 'DELETE', path: '/tenants/{tenantUid}/users/{tenantUserUid}' },
  'get-tenants-users-tokens': { method: 'GET', path: '/tenants/{tenantUid}/users/{tenantUserUid}/tokens' },
  'post-tenants-users-tokens': { method: 'POST', path: '/tenants/{tenantUid}/users/{tenantUserUid}/tokens' },
  'delete-tenants-users-tokens-details': {
    method: 'DELETE',
    path: '/tenants/{tenantUid}/users/{tenantUserUid}/tokens/{tenantUserTokenUid}',
  },
  'post-tenants-users-search': { method: 'POST', path: '/tenants/{tenantUid}/users/search' },
};

type JsonContent<R> = R extends { content: { 'application/json': infer B } } ? B : undefined;

/** The parsed 2xx body of an operation (undefined for 204 No Content). */
export type ResponseOf<O extends OperationId> = operations[O]['responses'] extends { 200: infer R }
  ? JsonContent<R>
  : undefined;
/** The JSON request body of an operation. */
export type BodyOf<O extends OperationId> = operations[O] extends { requestBody?: infer B }
  ? JsonContent<NonNullable<B>>
  : never;
/** The query parameters of an operation. */
export type QueryOf<O extends OperationId> = NonNullable<operations[O]['parameters']['query']>;
