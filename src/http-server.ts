import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';

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
   * drained, close keep-alive connections idle for a second, and resolve when
   * all are closed. Connections still open after `timeoutMs` are destroyed.
   */
  shutdown(timeoutMs: number): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;

/** Routes that must answer even at capacity: an orchestrator probing an overloaded gateway must not kill it. */
const PROBES = new Set(['/health', '/ready', '/metrics']);
/**
 * On shutdown, a keep-alive connection is closed once it has been idle this
 * long: a client that just got an answer on it may be sending its next request
 * right now, and closing the connection under that request would lose it.
 * Busy connections close themselves: every answer then says `Connection: close`.
 */
const IDLE_CLOSE_MS = 1_000;
/**
 * A connection that has not sent its first request yet gets longer: a busy or CPU-starved process
 * may accept a connection well before it reads the request already waiting on it, and closing it
 * then would reset that request. (A connection that never sends one waits at most this long.)
 */
const FIRST_REQUEST_WAIT_MS = 5_000;
/**
 * Closing the listening socket resets every connection still waiting in the
 * kernel's accept queue: requests clients have already sent. So on shutdown the
 * gateway keeps accepting until no connection has arrived for ACCEPT_QUIET_MS
 * (clients that got `Connection: close` reconnect at once), at most ACCEPT_MAX_MS.
 */
const ACCEPT_QUIET_MS = 100;
const ACCEPT_MAX_MS = 1_000;

/**
 * The gateway's front door, in front of yoga: load shedding, refusal of
 * ambiguous credentials, and graceful shutdown. These act on connections and
 * raw headers, which is why they live at the node:http level.
 */
export function createGatewayServer(handler: Handler, options: HttpServerOptions): GatewayServer {
  let inFlight = 0;
  let draining = false;
  let lastConnection = 0;
  /** Open connections between requests, with when a draining server may close them; a connection serving a request is not in it. */
  const idleUntil = new Map<Socket, number>();

  const server = createServer((req, res) => {
    idleUntil.delete(req.socket);
    res.once('close', () => {
      if (!req.socket.destroyed) idleUntil.set(req.socket, performance.now() + IDLE_CLOSE_MS);
    });
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
    res.once('close', () => inFlight--);
    Promise.resolve(handler(req, res)).catch(() => {
      // yoga answers its own errors; this only guards against an unexpected rejection taking the process down.
      if (!res.headersSent) refuse(res, 500, 'INTERNAL_SERVER_ERROR', 'Unexpected error.');
      else res.destroy();
    });
  });
  server.on('connection', (socket: Socket) => {
    lastConnection = performance.now();
    idleUntil.set(socket, lastConnection + FIRST_REQUEST_WAIT_MS);
    socket.once('close', () => idleUntil.delete(socket));
  });

  const shutdown = (timeoutMs: number) =>
    new Promise<void>((resolve) => {
      draining = true;
      const force = setTimeout(() => server.closeAllConnections(), timeoutMs).unref();
      // After the event loop's next poll (setImmediate), so that a request already in a socket's
      // buffer has been read (and its connection marked busy) before idleness is judged.
      const sweep = setInterval(
        () =>
          setImmediate(() => {
            const now = performance.now();
            for (const [socket, until] of idleUntil) if (now >= until) socket.destroy();
          }),
        100,
      ).unref();
      const stopAccepting = () => {
        clearTimeout(quiet);
        clearTimeout(latest);
        // net.Server's close stops accepting without http.Server's immediate closeIdleConnections();
        // its callback runs once the last connection has closed.
        NetServer.prototype.close.call(server, () => {
          clearTimeout(force);
          clearInterval(sweep);
          resolve();
        });
      };
      // Timers run before the event loop polls for new connections: after a busy spell the quiet
      // timer can fire with connections still unaccepted, so the decision waits for the next poll (setImmediate).
      const checkQuiet = () =>
        setImmediate(() => {
          const quietFor = performance.now() - lastConnection;
          if (quietFor >= ACCEPT_QUIET_MS) stopAccepting();
          else quiet = setTimeout(checkQuiet, ACCEPT_QUIET_MS - quietFor);
        });
      let quiet = setTimeout(checkQuiet, ACCEPT_QUIET_MS);
      const latest = setTimeout(stopAccepting, ACCEPT_MAX_MS);
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
