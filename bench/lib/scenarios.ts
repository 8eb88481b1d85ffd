/**
 * What is loaded: the gateway's GraphQL operations (bench/operations/*.graphql) and, for each,
 * the calls an ideal REST client would make for the same data straight against the sandbox.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Request } from 'autocannon';
import { DEMO } from '../../src/sandbox/seed.ts';

const OPERATIONS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../operations');

export const SCENARIO_IDS = ['a', 'a2', 'b', 'b2', 'c', 'd'] as const;
export type ScenarioId = (typeof SCENARIO_IDS)[number];

export const AUTHORIZATION = `Bearer ${DEMO.tokens.admin}`;
const ALPHA = DEMO.tenants.alpha;
const DISPLAY_NAME = 'Bench Admin';

export interface Scenario {
  id: ScenarioId;
  /** Short name for tables, e.g. "(a′) me + tenants". */
  label: string;
  file: string;
  variables: Record<string, unknown>;
  /** The REST baseline this scenario is compared with (same data, ideal calls). */
  rest: ScenarioId;
  /** The fewest upstream calls per request when warm (the target). */
  idealCalls: number;
}

export const SCENARIOS: Record<ScenarioId, Scenario> = {
  a: { id: 'a', label: '(a) me + storeAccess', file: 'me-store-access.graphql', variables: {}, rest: 'a', idealCalls: 1 },
  a2: { id: 'a2', label: '(a′) me + tenants', file: 'me-tenants.graphql', variables: {}, rest: 'a2', idealCalls: 1 },
  b: {
    id: 'b',
    label: '(b) 50 users, all fields',
    file: 'tenant-users.graphql',
    variables: { tenantUid: ALPHA },
    rest: 'b',
    idealCalls: 1,
  },
  b2: {
    id: 'b2',
    label: '(b′) 50 users + tenant + lookup',
    file: 'tenant-users-lookups.graphql',
    variables: { tenantUid: ALPHA, tenantUserUid: DEMO.users.adminAlpha },
    rest: 'b',
    idealCalls: 1,
  },
  c: {
    id: 'c',
    label: '(c) user tokens',
    file: 'user-tokens.graphql',
    variables: { tenantUid: ALPHA, tenantUserUid: DEMO.users.integrationAlpha },
    rest: 'c',
    idealCalls: 1,
  },
  d: {
    id: 'd',
    label: '(d) updateMyTenantAccount',
    file: 'update-my-account.graphql',
    variables: { tenantUid: ALPHA, displayName: DISPLAY_NAME },
    rest: 'd',
    idealCalls: 1,
  },
};

export function operationText(file: string): string {
  return readFileSync(resolve(OPERATIONS_DIR, file), 'utf8');
}

/** The POST /graphql request of a scenario (or of the bare `{ __typename }`). */
export function graphqlRequest(file: string, variables: Record<string, unknown> = {}, authorization = true): Request {
  return {
    method: 'POST',
    path: '/graphql',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(authorization ? { authorization: AUTHORIZATION } : {}),
    },
    body: JSON.stringify({ query: operationText(file), variables }),
  };
}

export interface RestBaseline {
  id: ScenarioId;
  label: string;
  /** Made in order per connection: one pass = one logical operation (its latency is the sum). */
  calls: { method: string; path: string; body?: unknown }[];
  note: string;
}

const enc = encodeURIComponent;

/** Paths are relative to the sandbox origin and include /v2. */
export const REST_BASELINES: Record<'a' | 'a2' | 'b' | 'c' | 'd', RestBaseline> = {
  a: { id: 'a', label: 'REST (a) GET /account', calls: [{ method: 'GET', path: '/v2/account' }], note: '1 call' },
  a2: {
    id: 'a2',
    label: 'REST (a′) /account → /tenants/alpha',
    calls: [
      { method: 'GET', path: '/v2/account' },
      { method: 'GET', path: `/v2/tenants/${enc(ALPHA)}` },
    ],
    note: 'critical path: 2 sequential calls (the tenants would be fetched in parallel after /account)',
  },
  b: {
    id: 'b',
    label: 'REST (b) GET users?pageSize=50',
    calls: [{ method: 'GET', path: `/v2/tenants/${enc(ALPHA)}/users?pageSize=50` }],
    note: '1 call',
  },
  c: {
    id: 'c',
    label: 'REST (c) GET …/tokens',
    calls: [{ method: 'GET', path: `/v2/tenants/${enc(ALPHA)}/users/${enc(DEMO.users.integrationAlpha)}/tokens` }],
    note: '1 call',
  },
  d: {
    id: 'd',
    label: 'REST (d) PUT /tenants/alpha/account',
    calls: [{ method: 'PUT', path: `/v2/tenants/${enc(ALPHA)}/account`, body: { displayName: DISPLAY_NAME } }],
    note: '1 call',
  },
};

export function restRequests(baseline: RestBaseline): Request[] {
  return baseline.calls.map((call) => ({
    method: call.method,
    path: call.path,
    headers: {
      authorization: AUTHORIZATION,
      ...(call.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
  }));
}

/**
 * Sends one request the way autocannon will and fails loudly unless it is a 2xx
 * (and, for GraphQL, carries data and no `errors`). Returns the parsed body.
 */
export async function checkRequest(origin: string, request: Request, what: string, graphql: boolean): Promise<unknown> {
  const response = await fetch(`${origin}${request.path}`, {
    method: request.method ?? 'GET',
    headers: request.headers,
    body: request.body === undefined ? undefined : String(request.body),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  if (!response.ok)
    throw new Error(`${what}: HTTP ${response.status} from ${request.method} ${origin}${request.path}:\n${text.slice(0, 2_000)}`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`${what}: response is not JSON:\n${text.slice(0, 2_000)}`);
  }
  if (graphql) {
    const result = body as { data?: unknown; errors?: unknown[] };
    if (result.errors?.length || !result.data) {
      throw new Error(`${what}: GraphQL errors in the first response:\n${JSON.stringify(result, null, 2).slice(0, 4_000)}`);
    }
  }
  return body;
}
