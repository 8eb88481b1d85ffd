import type { GraphQLError } from 'graphql';
import type { CallInfo, FlowUpstream } from './upstream/client.ts';
import type { DriftEvent } from './upstream/conformance.ts';
import { FlowApi } from './upstream/flow-api.ts';
import type { TenantCache } from './upstream/tenant-cache.ts';
import { requestState } from './observability/request-state.ts';
import type { Session } from './plugins/session-cookies.ts';

/** What a GraphQL request is, as every resolver gets it. */
export interface GatewayContext {
  requestId: string;
  /** The REST API as this request's caller sees it. */
  api: FlowApi;
  /** Every upstream call this request made (and tenant-cache hits), in order of completion. */
  calls: CallInfo[];
  /** True once the upstream (or the tenant cache, on its behalf) has accepted the caller's credential. */
  callerVerified(): boolean;
  /** Largest page size a list field may ask the upstream for. */
  maxPageSize: number;
  /** Records shown with stand-ins (upstream drift), flagged as errors next to the data (useDriftErrors). */
  driftErrors: GraphQLError[];
  /** The caller's cookie session; absent unless SESSION_COOKIES is on. */
  session?: Session;
}

/** Who the request is made as: its credential (Authorization header or session cookie) and its session. */
export interface RequestCredentials {
  authorization?: string;
  session?: Session;
}

export interface ContextDeps {
  upstream: FlowUpstream;
  tenantCache?: TenantCache;
  /** Overall budget of one GraphQL request; its upstream calls are aborted when it runs out. */
  deadlineMs?: number;
  /** Most upstream calls one GraphQL request may make. */
  maxUpstreamCalls: number;
  /** Off only for the benchmark's baseline. */
  loadersEnabled?: boolean;
  maxPageSize: number;
  onCall?: (info: CallInfo) => void;
  onDrift?: (events: DriftEvent[]) => void;
}

export function createContext(deps: ContextDeps, request: Request, credentials: RequestCredentials): GatewayContext {
  const { requestId, calls, startedAt } = requestState(request);
  const headers = request.headers;
  const api = FlowApi.forRequest(
    {
      upstream: deps.upstream,
      tenantCache: deps.tenantCache,
      loaders: deps.loadersEnabled ?? true,
      // Only these headers are forwarded upstream: never cookies, host or anything else of the client's.
      caller: {
        acceptLanguage: headers.get('accept-language') ?? undefined,
        requestId,
        traceparent: headers.get('traceparent') ?? undefined,
        // A client that disconnects aborts its upstream calls; none runs past the request's deadline or budget.
        signal: request.signal,
        deadline: deps.deadlineMs === undefined ? undefined : startedAt + deps.deadlineMs,
        budget: { remaining: deps.maxUpstreamCalls },
        onCall: (info) => {
          calls.push(info);
          deps.onCall?.(info);
        },
        onDrift: deps.onDrift,
      },
    },
    credentials.authorization,
  );
  return {
    requestId,
    api,
    calls,
    maxPageSize: deps.maxPageSize,
    driftErrors: [],
    session: credentials.session,
    callerVerified: () => calls.some((call) => call.cached || (call.withCredential && call.status !== undefined && call.status < 300)),
  };
}
