import type { FlowClient, FlowUpstream, CallInfo } from './upstream/client.ts';
import { OPERATIONS } from './upstream/operations.ts';
import { createLoaders, type Loaders } from './resolvers/loaders.ts';
import { callerKey, type TenantCache } from './resolvers/tenant-cache.ts';
import { unauthenticated } from './resolvers/errors.ts';
import { requestState } from './observability/request-state.ts';

/** What every resolver gets, built once per GraphQL request. */
export interface GatewayContext {
  requestId: string;
  /** The caller's REST client; throws UNAUTHENTICATED (before any upstream call) when there is no token. */
  client(): FlowClient;
  /** The REST client for the one operation that needs no bearer token (invitation lookup). */
  anonymousClient: FlowClient;
  loaders: Loaders;
  tenantCache?: TenantCache;
  /** Every upstream call this request made (and tenant-cache hits), in order of completion. */
  calls: CallInfo[];
}

export interface ContextDeps {
  upstream: FlowUpstream;
  tenantCache?: TenantCache;
  /** Overall budget of one GraphQL request; its upstream calls are aborted when it runs out. */
  deadlineMs?: number;
  /** Off only for the benchmark's baseline. */
  loadersEnabled?: boolean;
  onCall?: (info: CallInfo) => void;
}

const CACHE_HIT: Omit<CallInfo, 'durationMs'> = {
  operationId: 'get-tenants-details',
  ...OPERATIONS['get-tenants-details'],
  cached: true,
};

export function createContext(deps: ContextDeps, request: Request): GatewayContext {
  const { requestId, calls, startedAt } = requestState(request);
  const headers = request.headers;
  const authorization = headers.get('authorization') ?? undefined;
  const record = (info: CallInfo) => {
    calls.push(info);
    deps.onCall?.(info);
  };
  // Only these headers are forwarded upstream: never cookies, host or anything else of the client's.
  const client = deps.upstream.as({
    authorization,
    acceptLanguage: headers.get('accept-language') ?? undefined,
    requestId,
    traceparent: headers.get('traceparent') ?? undefined,
    // A client that disconnects aborts its upstream calls; none runs past the request's deadline.
    signal: request.signal,
    deadline: deps.deadlineMs === undefined ? undefined : startedAt + deps.deadlineMs,
    onCall: record,
  });
  const anonymousClient = deps.upstream.as({ ...client.caller, authorization: undefined });
  const requireClient = () => {
    if (!authorization) throw unauthenticated();
    return client;
  };
  let key: string | undefined;
  const caller = () => (key ??= callerKey(authorization ?? ''));
  const onHit = () => record({ ...CACHE_HIT, durationMs: 0 });
  return {
    requestId,
    client: requireClient,
    anonymousClient,
    loaders: createLoaders({
      client: requireClient,
      tenantCache: deps.tenantCache ? { cache: deps.tenantCache, caller, onHit } : undefined,
      enabled: deps.loadersEnabled,
    }),
    tenantCache: deps.tenantCache,
    calls,
  };
}
