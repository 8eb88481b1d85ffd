import { randomUUID } from 'node:crypto';
import type { CallInfo, FlowClient, FlowUpstream } from './upstream/client.ts';
import { createLoaders, type Loaders } from './resolvers/loaders.ts';
import { callerKey, type TenantCache } from './resolvers/tenant-cache.ts';
import { unauthenticated } from './resolvers/errors.ts';

/** What every resolver gets, built once per GraphQL request. */
export interface GatewayContext {
  requestId: string;
  /** The caller's REST client; throws UNAUTHENTICATED (before any upstream call) when there is no token. */
  client(): FlowClient;
  /** A REST client for the few operations that need no bearer token (invitation lookup, device login). */
  anonymousClient: FlowClient;
  loaders: Loaders;
  tenantCache?: TenantCache;
  /** Every upstream call this request made, in order of completion. */
  calls: CallInfo[];
}

export interface ContextDeps {
  upstream: FlowUpstream;
  tenantCache?: TenantCache;
  /** Off only for the benchmark's baseline. */
  loadersEnabled?: boolean;
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;

export function createContext(deps: ContextDeps, request: Request, signal?: AbortSignal): GatewayContext {
  const headers = request.headers;
  const authorization = headers.get('authorization') ?? undefined;
  const incomingId = headers.get('x-request-id');
  const requestId = incomingId && REQUEST_ID.test(incomingId) ? incomingId : randomUUID();
  const calls: CallInfo[] = [];
  // Only these headers are forwarded upstream: never cookies, host or anything else of the client's.
  const client = deps.upstream.as({
    authorization,
    acceptLanguage: headers.get('accept-language') ?? undefined,
    requestId,
    traceparent: headers.get('traceparent') ?? undefined,
    signal,
    onCall: (info) => calls.push(info),
  });
  const requireClient = () => {
    if (!authorization) throw unauthenticated();
    return client;
  };
  let key: string | undefined;
  const caller = () => (key ??= callerKey(authorization ?? ''));
  return {
    requestId,
    client: requireClient,
    anonymousClient: client,
    loaders: createLoaders({
      client: requireClient,
      tenantCache: deps.tenantCache ? { cache: deps.tenantCache, caller } : undefined,
      enabled: deps.loadersEnabled,
    }),
    tenantCache: deps.tenantCache,
    calls,
  };
}
