import type { Plugin } from 'graphql-yoga';
import type { GatewayContext } from '../context.ts';

/**
 * A debugging aid for frontend developers: with `x-debug-upstream: 1` the
 * response's `extensions.upstreamCalls` lists the REST calls the query made.
 * Only installed when configuration allows it.
 */
export function useDebugUpstream(): Plugin {
  return {
    onExecute({ args }) {
      const context = args.contextValue as unknown as GatewayContext & { request: Request };
      if (context.request.headers.get('x-debug-upstream') !== '1') return;
      return {
        onExecuteDone({ result, setResult }) {
          if (!('data' in result || 'errors' in result)) return;
          const upstreamCalls = context.calls.map((call) => ({
            method: call.method,
            path: call.path,
            status: call.status ?? call.errorKind ?? null,
            ms: Math.round(call.durationMs * 10) / 10,
            cacheHit: call.cached === true,
          }));
          setResult({ ...result, extensions: { ...result.extensions, upstreamCalls } });
        },
      };
    },
  };
}
