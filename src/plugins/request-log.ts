import type { Plugin } from 'graphql-yoga';
import type { Logger } from '../observability/logger.ts';
import { requestState } from '../observability/request-state.ts';

/** Longest operation name written to a log line or a span. */
export const MAX_LOGGED_NAME = 100;

/**
 * One log line per GraphQL request (operation, status, duration, upstream
 * calls, request id, trace id when tracing is on) and the request id echoed to the client. Lines are built
 * from these fields only: no header, variable or body ever reaches the log.
 */
export function useRequestLog(logger: Logger, graphqlEndpoint: string): Plugin {
  return {
    onRequest({ request }) {
      requestState(request);
    },
    onParams({ params, request }) {
      // The client chooses this string: kept short so no request can write a huge log line.
      requestState(request).operationName = params.operationName?.slice(0, MAX_LOGGED_NAME) ?? undefined;
    },
    onResponse({ request, response }) {
      const state = requestState(request);
      response.headers.set('x-request-id', state.requestId);
      if (!request.url.includes(graphqlEndpoint)) return;
      const upstream = state.calls.filter((call) => !call.cached);
      logger.info(
        {
          requestId: state.requestId,
          traceId: state.traceId,
          operationName: state.operationName ?? null,
          status: response.status,
          durationMs: Math.round((performance.now() - state.startedAt) * 10) / 10,
          upstreamCalls: upstream.length,
          upstreamStatuses: upstream.map((call) => call.status ?? call.errorKind),
          tenantCacheHits: state.calls.length - upstream.length,
        },
        'graphql request',
      );
    },
  };
}
