import type { FlowClient, FlowUpstream, CallInfo } from './upstream/client.ts';
import type { DriftEvent } from './upstream/conformance.ts';
import { OPERATIONS } from './spec/operations.ts';
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
  /** Largest page size a list field may ask the upstream for. */
  maxPageSize: number;
  /** True once the upstream (or the tenant cache, on its behalf) has accepted the caller's credential. */
  callerVerified(): boolean;
}

export interface ContextDeps {
  upstream: FlowUpstream;
  tenantCache?: TenantCache;
  /** Overall budget of one GraphQL request; its upstream calls are aborted when it runs out. */
  deadlineMs?: number;
  /** Off only for the benchmark's baseline. */
  loadersEnabled?: boolean;
  maxPageSize: number;
  onCall?: (info: CallInfo) => void;
  onDrift?: (events: DriftEvent[]) => void;
}

const CACHE_HIT: Omit<CallInfo, 'durationMs'> = {
  operationId: 'get-tenants-details',
  method: OPERATIONS['get-tenants-details'].method,
  path: OPERATIONS['get-tenants-details'].path,
  cached: true,
};

export function createContext(deps: ContextDeps, request: Request): GatewayContext {
  const { requestId, calls, startedAt } = requestState(request);
  const headers = request.headers;
  const authorization = headers.get('authorization') ?? undefined;
  let key: string | undefined;
  const caller = () => (key ??= callerKey(client.credential.kind === 'bearer' ? client.credential.authorization : ''));
  const record = (info: CallInfo) => {
    calls.push(info);
    deps.onCall?.(info);
    // Refusals win over the cache: a caller the upstream refuses is forgotten at once (401: everywhere, 403: for that tenant).
    if (info.withCredential && (info.status === 401 || (info.status === 403 && info.tenantUid !== undefined))) {
      deps.tenantCache?.forget(caller(), info.status === 403 ? info.tenantUid : undefined);
    }
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
    onDrift: deps.onDrift,
  });
  const anonymousClient = deps.upstream.as({ ...client.caller, authorization: undefined });
  const credential = client.credential;
  const requireClient = () => {
    if (credential.kind !== 'bearer') throw unauthenticated(credential.kind === 'invalid' ? credential.reason : undefined);
    return client;
  };
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
    maxPageSize: deps.maxPageSize,
    callerVerified: () => calls.some((call) => call.cached || (call.withCredential && call.status !== undefined && call.status < 300)),
  };
}
