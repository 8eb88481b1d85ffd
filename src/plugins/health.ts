import type { Plugin } from 'graphql-yoga';
import type { FlowUpstream } from '../upstream/client.ts';

/**
 * GET /ready: ready when the upstream answers HTTP at all (any status: a 401
 * to an anonymous GET /account proves it is up) and its circuit is not open.
 * Liveness is yoga's own GET /health.
 */
export function useReadiness(upstream: FlowUpstream, timeoutMs = 2_000): Plugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== '/ready' || request.method !== 'GET') return;
      const reply = (ready: boolean, reason?: string) =>
        endResponse(fetchAPI.Response.json({ ready, upstream: upstream.circuit.state, reason }, { status: ready ? 200 : 503 }));
      if (upstream.circuit.state === 'open') return reply(false, 'circuit open');
      try {
        const response = await upstream.pool.request({
          method: 'GET',
          path: `${upstream.basePath}/account`,
          headersTimeout: timeoutMs,
          bodyTimeout: timeoutMs,
        });
        await response.body.dump();
        reply(true);
      } catch (error) {
        reply(false, (error as { code?: string }).code ?? 'unreachable');
      }
    },
  };
}
