import { useReadinessCheck, type Plugin } from 'graphql-yoga';
import type { FlowUpstream } from '../upstream/client.ts';

const READY_PATH = '/ready';

interface Probe {
  ready: boolean;
  reason?: string;
}

/**
 * GET /ready (yoga's readiness check): ready when the upstream answers HTTP at
 * all (any status: a 401 to an anonymous GET /account proves it is up) and
 * its circuit is not open. The probe's answer is kept for `cacheMs`, and
 * concurrent checks share one probe, so anonymous polling of /ready cannot
 * turn into upstream load. Liveness is yoga's own GET /health.
 */
export function useUpstreamReadiness(upstream: FlowUpstream, cacheMs: number, timeoutMs = 2_000): Plugin {
  let last: { at: number; probe: Promise<Probe> } | undefined;
  const probe = async (): Promise<Probe> => {
    try {
      const response = await upstream.pool.request({
        method: 'GET',
        path: `${upstream.basePath}/account`,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      await response.body.dump();
      return { ready: true };
    } catch (error) {
      return { ready: false, reason: (error as { code?: string }).code ?? 'unreachable' };
    }
  };
  const readiness = useReadinessCheck({
    endpoint: READY_PATH,
    async check({ fetchAPI }) {
      const now = performance.now();
      if (!last || now - last.at >= cacheMs) last = { at: now, probe: probe() };
      const { ready, reason } = upstream.circuit.state === 'open' ? { ready: false, reason: 'circuit open' } : await last.probe;
      return fetchAPI.Response.json({ ready, upstream: upstream.circuit.state, reason }, { status: ready ? 200 : 503 });
    },
  });
  // yoga's check tests a URLPattern on every request that is not exactly /ready, GraphQL ones included
  // (~10 µs each in a profile); only /ready needs it.
  return { ...readiness, onRequest: (payload) => (payload.url.pathname === READY_PATH ? readiness.onRequest?.(payload) : undefined) };
}
