/**
 * Test helpers for the sandbox: a tiny fetch wrapper and a response-schema checker.
 * The checker reads openapi/flowretail-v2.json on its own, on purpose: it is the
 * independent second opinion on the sandbox (which is driven by src/spec), so a
 * mistake in the spec module cannot make the sandbox and its checker agree.
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { expect } from 'vitest';
import type { Json } from './graphql.ts';

export interface ApiResponse<T = Json> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  /** Raw body text (sent as-is with content-type application/json). */
  rawBody?: string;
  headers?: Record<string, string>;
}

export async function call<T = Json>(baseUrl: string, method: string, path: string, opts: CallOptions = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: string | undefined;
  if (opts.rawBody !== undefined || opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = opts.rawBody ?? JSON.stringify(opts.body);
  }
  const res = await fetch(baseUrl + path, { method, headers, body });
  const text = await res.text();
  let parsed: unknown = undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: res.status, headers: res.headers, body: parsed as T, text };
}

// ------------------------------------------------------------------ spec conformance

const spec = JSON.parse(readFileSync(new URL('../../openapi/flowretail-v2.json', import.meta.url), 'utf8')) as Json;

/** Object schemas get additionalProperties:false so invented or misspelt fields fail too. */
function closeObjects(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(closeObjects);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = closeObjects(v);
  if (out.type === 'object' && out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}

const closedSpec = closeObjects(spec) as { components: { schemas: Record<string, { pattern: string }> } };
for (const name of ['UID', 'OptionalUID']) closedSpec.components.schemas[name].pattern += '$';
const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
addFormats.default(ajv);
ajv.addSchema(closedSpec, 'spec');

const byOperation = new Map<string, Json>();
for (const item of Object.values(spec.paths)) {
  for (const [method, op] of Object.entries(item)) if (method !== 'parameters') byOperation.set(String(op.operationId), op);
}
export const specOperationIds = [...byOperation.keys()];

const compiled = new Map<string, ValidateFunction>();

/** Asserts the response status is declared for the operation and the body matches its schema. */
export function expectConforms(operationId: string, res: ApiResponse<unknown>): void {
  const op = byOperation.get(operationId);
  expect(op, `unknown operation ${operationId}`).toBeDefined();
  const declared = op!.responses[String(res.status)];
  expect(declared, `${operationId}: status ${res.status} not declared (body ${res.text.slice(0, 300)})`).toBeDefined();
  const ref = declared.$ref === undefined ? undefined : String(declared.$ref);
  const response = ref
    ? ref
        .split('/')
        .slice(1)
        .reduce((n, p) => n[p], spec)
    : declared;
  const hasBody = !!response.content?.['application/json'];
  if (!hasBody) {
    expect(res.text).toBe('');
    return;
  }
  const key = `${operationId}:${res.status}`;
  let validate = compiled.get(key);
  if (!validate) {
    const pointer = ref ? `${ref}/content/application~1json/schema` : null;
    validate = pointer
      ? ajv.compile({ $ref: `spec${pointer}` })
      : ajv.compile(closeObjects(response.content['application/json'].schema) as object);
    compiled.set(key, validate);
  }
  const valid = validate(res.body);
  expect(valid, `${operationId} response does not match the spec: ${ajv.errorsText(validate.errors)}`).toBe(true);
}

/** GenericErrorResponse with the expected status and code, and a logId. */
export function expectError(res: ApiResponse, status: number, code?: string): void {
  expect(res.status, res.text).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  expect(typeof res.body?.code).toBe('string');
  expect(typeof res.body?.message).toBe('string');
  expect(res.body.message.length).toBeGreaterThan(0);
  expect(res.body.logId).toMatch(/\S+/);
  if (code) expect(res.body.code).toBe(code);
}
