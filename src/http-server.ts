import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Server as NetServer } from 'node:net';

export interface HttpServerOptions {
  /** Most GraphQL requests served at once; beyond it, 503 with Retry-After at once. */
  maxInFlight: number;
}

export interface GatewayServer {
  server: Server;
  /** Requests being served right now. */
  inFlight(): number;
  /**
   * Graceful stop: answer every request that arrives or is under way with
   * `Connection: close`, stop accepting connections once the accept queue is
   * drained, close idle keep-alive connections once nothing is in flight, and
   * resolve when all are closed. Connections still open after `timeoutMs` are destroyed.
   */
  shutdown(timeoutMs: number): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;

/** Routes that must answer even at capacity: an orchestrator probing an overloaded gateway must not kill it. */
const PROBES = new Set(['/health', '/ready', '/metrics']);
/**
 * How long idle keep-alive connections are left open after the last in-flight
 * request: a request a client already sent on one may still be on its way, and
 * closing the connection under it would lose it.
 */
const IDLE_GRACE_MS = 250;
/**
 * Closing the listening socket resets every connection still waiting in the
 * kernel's accept queue: requests clients have already sent. So on shutdown the
 * gateway keeps accepting until no connection has arrived for ACCEPT_QUIET_MS
 * (clients that got `Connection: close` reconnect at once), at most ACCEPT_MAX_MS.
 */
const ACCEPT_QUIET_MS = 50;
const ACCEPT_MAX_MS = 1_000;

/**
 * The gateway's front door, in front of yoga: load shedding, refusal of
 * ambiguous credentials, and graceful shutdown. These act on connections and
 * raw headers, which is why they live at the node:http level.
 */
export function createGatewayServer(handler: Handler, options: HttpServerOptions): GatewayServer {
  let inFlight = 0;
  let draining = false;
  let onIdle: (() => void) | undefined;

  const server = createServer((req, res) => {
    if (draining) res.setHeader('connection', 'close');
    // Node keeps only the first Authorization header; two of them are refused instead of guessed between.
    if (countHeader(req, 'authorization') > 1) {
      return refuse(res, 401, 'UNAUTHENTICATED', 'Send exactly one Authorization header.');
    }
    const path = (req.url ?? '/').split('?', 1)[0];
    if (inFlight >= options.maxInFlight && !PROBES.has(path)) {
      return refuse(res, 503, 'OVERLOADED', 'The gateway is at capacity; retry shortly.', { 'retry-after': '1' });
    }
    inFlight++;
    res.once('close', () => {
      inFlight--;
      if (inFlight === 0) onIdle?.();
    });
    Promise.resolve(handler(req, res)).catch(() => {
      // yoga answers its own errors; this only guards against an unexpected rejection taking the process down.
      if (!res.headersSent) refuse(res, 500, 'INTERNAL_SERVER_ERROR', 'Unexpected error.');
      else res.destroy();
    });
  });

  const shutdown = (timeoutMs: number) =>
    new Promise<void>((resolve) => {
      draining = true;
      const force = setTimeout(() => server.closeAllConnections(), timeoutMs).unref();
      let grace: NodeJS.Timeout | undefined;
      const closeIdleSoon = () => {
        clearTimeout(grace);
        grace = setTimeout(() => {
          if (inFlight === 0) server.closeIdleConnections();
        }, IDLE_GRACE_MS).unref();
      };
      const stopAccepting = () => {
        server.off('connection', onConnection);
        clearTimeout(quiet);
        clearTimeout(latest);
        // net.Server's close stops accepting without http.Server's immediate closeIdleConnections().
        NetServer.prototype.close.call(server, () => {
          clearTimeout(force);
          clearTimeout(grace);
          resolve();
        });
        onIdle = closeIdleSoon;
        if (inFlight === 0) closeIdleSoon();
      };
      let lastConnection = performance.now();
      // Timers run before the event loop polls for new connections: after a busy spell the quiet
      // timer can fire with connections still unaccepted, so the decision waits for the next poll (setImmediate).
      const checkQuiet = () =>
        setImmediate(() => {
          const idleFor = performance.now() - lastConnection;
          if (idleFor >= ACCEPT_QUIET_MS) stopAccepting();
          else quiet = setTimeout(checkQuiet, ACCEPT_QUIET_MS - idleFor);
        });
      let quiet = setTimeout(checkQuiet, ACCEPT_QUIET_MS);
      const latest = setTimeout(stopAccepting, ACCEPT_MAX_MS);
      const onConnection = () => {
        lastConnection = performance.now();
      };
      server.on('connection', onConnection);
    });

  return { server, inFlight: () => inFlight, shutdown };
}

function countHeader(req: IncomingMessage, name: string): number {
  let count = 0;
  for (let i = 0; i < req.rawHeaders.length; i += 2) if (req.rawHeaders[i].toLowerCase() === name) count++;
  return count;
}

function refuse(res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), ...headers });
  res.end(body);
}
