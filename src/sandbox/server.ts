/**
 * Stateful in-memory fake of the Flow Retail REST API v2 on plain node:http, under /v2.
 *
 * Per request: route (404/405) -> count -> fault / latency -> auth (401) -> path params (400)
 * -> tenant exists (404) -> membership / role (403) -> query, header, body validation (400)
 * -> handler (resource 404, business-rule 400/409).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { authenticate, authorize } from './auth.ts';
import { ok, type Ctx, type Reply, type TenantCtx } from './context.ts';
import { control, CONTROL_PREFIX } from './control.ts';
import { errorJson, HttpError, notFound } from './errors.ts';
import { Counters, Faults, Traceparents, type Fault, type ReceivedTraceparent } from './hooks.ts';
import { deliver, reshape } from './delivery.ts';
import { parseJsonBody, readBody, send } from './http.ts';
import { Router } from './router.ts';
import { handlers } from './routes/index.ts';
import { operationIds, operations, type OperationSpec } from './spec.ts';
import { SandboxStore } from './store.ts';
import { checkFaultTable, validatorsFor } from './validate.ts';

export type { DriftPreset, DriftRule } from './drift.ts';
export type { Fault, ReceivedTraceparent } from './hooks.ts';

export interface SandboxOptions {
  /** 0 = random free port. Default 0. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Fixed added latency on every API call. Default 0. */
  latencyMs?: number;
}

export interface Sandbox {
  /** Base URL including /v2, e.g. http://127.0.0.1:40123/v2 */
  url: string;
  port: number;
  counters: { get(operationId: string): number; total(): number; snapshot(): Record<string, number>; reset(): void };
  /** `operationId` may be `'*'`: the fault then applies to every operation without one of its own. */
  faults: { set(operationId: string, fault: Fault): void; clear(): void };
  /** The `traceparent` of the last 100 API calls that carried one, oldest first (cleared by `reset()`). */
  traceparents(): ReceivedTraceparent[];
  /** Forget a bearer token, so calls with it get 401 as with an expired one; false if unknown. `reset()` brings seeded tokens back. */
  revokeToken(token: string): boolean;
  /** Reseed the state (and clear counters and faults). */
  reset(): void;
  /** Closes the server and all sockets (keep-alive ones too). */
  close(): Promise<void>;
}

export const BASE_PATH = '/v2';
const MALFORMED_JSON = '{"items":[{"tenantUid":"tenant-alpha","name":"Alpha';

const router = new Router(operations);
const headerParams = new Map(operations.map((op) => [op.operationId, op.params.filter((p) => p.in === 'header').map((p) => p.name)]));

function firstValues(search: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!search) return out;
  for (const [k, v] of new URLSearchParams(search)) if (!(k in out)) out[k] = v;
  return out;
}

/** What a faulted call answers (drop aside): the fault's error or broken body, else the (reshaped) normal reply. */
function answer(op: OperationSpec, fault: Fault | undefined, normal: () => Reply): Reply {
  if (fault?.status !== undefined) {
    const message = fault.message ?? `Injected fault for ${op.operationId}: status ${fault.status}`;
    return { status: fault.status, json: errorJson(fault.code ?? 'SANDBOX_FAULT', message) };
  }
  if (fault?.malformedJson) return ok(MALFORMED_JSON);
  return reshape(fault?.body !== undefined ? ok(JSON.stringify(fault.body)) : normal(), fault, op);
}

/** Everything after routing and faults; synchronous, throws HttpError. */
function execute(
  store: SandboxStore,
  op: OperationSpec,
  params: Record<string, string>,
  search: string,
  bodyText: string,
  req: IncomingMessage,
): Reply {
  const validate = validatorsFor(op.operationId);
  const handler = handlers[op.operationId];
  const principal = authenticate(store, op, req);
  validate.path?.(params);
  const ctx: Ctx = { store, principal, params, query: {}, headers: {}, body: {} };
  if (handler.access) {
    const tenant = store.tenant(params.tenantUid);
    if (!tenant) throw notFound(`Tenant ${params.tenantUid} not found`);
    const caller = authorize(store, principal!, tenant, handler.access === 'admin');
    Object.assign(ctx as TenantCtx, { tenant, caller });
  }
  ctx.query = firstValues(search);
  validate.query?.(ctx.query);
  for (const name of headerParams.get(op.operationId)!) {
    const value = req.headers[name];
    if (typeof value === 'string') ctx.headers[name] = value;
  }
  validate.header?.(ctx.headers);
  if (op.requestBody) {
    const body = parseJsonBody(bodyText);
    validate.body?.(body);
    // The operation's schema is an object schema: a body that passed it is an object.
    ctx.body = body as Record<string, unknown>;
  }
  return handler.run(ctx);
}

function hostForUrl(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const host = opts.host ?? '127.0.0.1';
  const baseLatency = opts.latencyMs ?? 0;
  const store = new SandboxStore();
  const counters = new Counters();
  const faults = new Faults();
  const traceparents = new Traceparents();
  const timers = new Set<NodeJS.Timeout>();
  const reset = () => {
    store.reset();
    counters.reset();
    faults.clear();
    traceparents.clear();
  };

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });

  async function api(req: IncomingMessage, res: ServerResponse, path: string, search: string): Promise<void> {
    const bodyText = await readBody(req);
    const match = router.match(req.method ?? 'GET', path.slice(BASE_PATH.length));
    if (match.kind !== 'op') {
      if (baseLatency > 0) await sleep(baseLatency);
      if (match.kind === 'method-not-allowed') {
        throw new HttpError(405, 'METHOD_NOT_ALLOWED', `${req.method} is not allowed on ${path}`, { allow: match.allow.join(', ') });
      }
      if (match.kind === 'bad-encoding')
        throw new HttpError(400, 'VALIDATION_ERROR', `path: malformed percent-encoding in '${match.segment}'`);
      throw notFound(`No route for ${req.method} ${path}`);
    }
    const { op } = match;
    counters.increment(op.operationId);
    traceparents.record(op.operationId, req.headers.traceparent);
    const fault = faults.take(op.operationId);
    // Set on res, so they go out with whatever this call ends up answering (fault, error or reply).
    for (const [name, value] of Object.entries(fault?.headers ?? {})) res.setHeader(name, value);
    const delay = baseLatency + (fault?.latencyMs ?? 0);
    if (delay > 0) await sleep(delay);
    if (fault?.drop) {
      req.socket.destroy();
      return;
    }
    deliver(
      res,
      answer(op, fault, () => execute(store, op, match.params, search, bodyText, req)),
      fault,
      sleep,
    );
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    const search = q < 0 ? '' : url.slice(q + 1);
    if (path === BASE_PATH || path.startsWith(`${BASE_PATH}/`)) return api(req, res, path, search);
    if (path.startsWith(`${CONTROL_PREFIX}/`)) {
      const reply = control(
        { store, counters, faults, traceparents, reset },
        req.method ?? 'GET',
        path.slice(CONTROL_PREFIX.length),
        await readBody(req),
      );
      return send(res, reply.status, reply.json, reply.headers);
    }
    throw notFound(`No route for ${req.method} ${path} (the API lives under ${BASE_PATH})`);
  }

  const server = createServer((req, res) => {
    res.on('error', () => {});
    route(req, res).catch((err: unknown) => {
      if (err instanceof HttpError) return send(res, err.status, errorJson(err.code, err.message), err.headers);
      console.error('[sandbox] internal error:', err);
      send(res, 500, errorJson('INTERNAL_ERROR', `Sandbox internal error: ${(err as Error)?.message ?? String(err)}`));
    });
  });
  server.keepAliveTimeout = 30_000;
  server.headersTimeout = 35_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://${hostForUrl(host)}:${port}${BASE_PATH}`,
    port,
    counters: {
      get: (id) => counters.get(id),
      total: () => counters.total(),
      snapshot: () => counters.snapshot(),
      reset: () => counters.reset(),
    },
    faults: {
      set: (operationId, fault) => {
        if (operationId !== '*' && !operationIds.has(operationId)) throw new Error(`Unknown operationId '${operationId}'`);
        checkFaultTable({ [operationId]: fault });
        faults.set(operationId, fault);
      },
      clear: () => faults.clear(),
    },
    traceparents: () => traceparents.snapshot(),
    revokeToken: (token) => store.revokeToken(token),
    reset,
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
