/**
 * Test hooks over HTTP (for a sandbox running in another process), outside the /v2 base path:
 *   GET    /__sandbox/counters         -> { "<operationId>": n }
 *   POST   /__sandbox/counters/reset
 *   GET    /__sandbox/faults           -> current fault table
 *   PUT    /__sandbox/faults           body { "<operationId>|*": Fault } (merged into the table)
 *   DELETE /__sandbox/faults
 *   POST   /__sandbox/reset            reseed state, clear counters and faults
 *   GET    /__sandbox/invites          pending invitations (the tokens the real API would e-mail)
 *   POST   /__sandbox/tokens/revoke    body { "token": "..." }: forget a bearer token (204, 404 if unknown)
 *   GET    /__sandbox/traceparents     [{ operationId, traceparent }] of the last 100 API calls that carried one
 */
import { HttpError, notFound } from './errors.ts';
import type { Counters, Fault, Faults, Traceparents } from './hooks.ts';
import { parseJsonBody } from './http.ts';
import type { Reply } from './context.ts';
import type { SandboxStore } from './store.ts';
import { checkFaultTable, checkTokenRevoke } from './validate.ts';

export const CONTROL_PREFIX = '/__sandbox';

export interface ControlDeps {
  store: SandboxStore;
  counters: Counters;
  faults: Faults;
  traceparents: Traceparents;
  reset(): void;
}

type ControlRoute = (deps: ControlDeps, body: string) => Reply;

const json = (value: unknown): Reply => ({ status: 200, json: JSON.stringify(value) });
const done: Reply = { status: 204 };

const routes: Record<string, Record<string, ControlRoute>> = {
  '/counters': { GET: ({ counters }) => json(counters.snapshot()) },
  '/counters/reset': {
    POST: ({ counters }) => {
      counters.reset();
      return done;
    },
  },
  '/faults': {
    GET: ({ faults }) => json(faults.snapshot()),
    PUT: ({ faults }, body) => {
      const table = parseJsonBody(body);
      checkFaultTable(table);
      for (const [operationId, fault] of Object.entries(table as Record<string, Fault>)) faults.set(operationId, fault);
      return json(faults.snapshot());
    },
    DELETE: ({ faults }) => {
      faults.clear();
      return done;
    },
  },
  '/reset': {
    POST: (deps) => {
      deps.reset();
      return done;
    },
  },
  '/tokens/revoke': {
    POST: ({ store }, body) => {
      const request = parseJsonBody(body);
      checkTokenRevoke(request);
      if (!store.revokeToken((request as { token: string }).token)) throw notFound('Unknown token');
      return done;
    },
  },
  '/traceparents': { GET: ({ traceparents }) => json(traceparents.snapshot()) },
  '/invites': {
    GET: ({ store }) =>
      json(
        [...store.state.invites.values()].map((i) => ({
          ...i,
          email: store.tenant(i.tenantUid)?.users.get(i.tenantUserUid)?.email ?? '',
        })),
      ),
  },
};

/** `path` is below CONTROL_PREFIX, e.g. `/counters`. */
export function control(deps: ControlDeps, method: string, path: string, body: string): Reply {
  const byMethod = routes[path];
  if (!byMethod) throw notFound(`Unknown sandbox control endpoint ${CONTROL_PREFIX}${path}`);
  const route = byMethod[method];
  if (!route)
    throw new HttpError(405, 'METHOD_NOT_ALLOWED', `${method} not allowed on ${CONTROL_PREFIX}${path}`, {
      allow: Object.keys(byMethod).join(', '),
    });
  return route(deps, body);
}
