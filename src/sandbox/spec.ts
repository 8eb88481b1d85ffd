/**
 * Loads openapi/flowretail-v2.json once and exposes the bits the sandbox is driven by:
 * the operation table (method, path template, accepted token kinds, parameters, body schema)
 * and helpers to reference component schemas from ajv.
 */
import { readFileSync } from 'node:fs';

export type TokenKind = 'access' | 'auth' | 'integration' | 'device';
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

type Json = Record<string, any>;

export interface SpecParam {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: Json;
}

export interface OperationSpec {
  operationId: string;
  method: HttpMethod;
  path: string;
  /** Accepted token kinds; null = public (no bearer token needed). */
  security: ReadonlySet<TokenKind> | null;
  params: SpecParam[];
  /** Schema of the JSON request body (refs rewritten to `spec#/...`), if the operation takes one. */
  bodySchema?: Json;
  /** Schema of the 200 JSON response as the spec has it (local refs: walk it with `deref`), if any. */
  responseSchema?: Json;
}

const SCHEME_KIND: Record<string, TokenKind> = {
  accessToken: 'access',
  authToken: 'auth',
  integrationToken: 'integration',
  deviceToken: 'device',
};

export const SPEC_ID = 'flowretail-v2';
export const SPEC_URL = new URL('../../openapi/flowretail-v2.json', import.meta.url);

/** Parsed spec. The UID patterns are anchored with `$` (the published spec forgets it). */
export const spec: Json = loadSpec();

function loadSpec(): Json {
  const doc = JSON.parse(readFileSync(SPEC_URL, 'utf8')) as Json;
  for (const name of ['UID', 'OptionalUID']) {
    const s = doc.components.schemas[name];
    if (s && typeof s.pattern === 'string' && !s.pattern.endsWith('$')) s.pattern += '$';
  }
  return doc;
}

/** Follows a local `#/...` JSON pointer inside the spec. */
export function resolvePointer(ref: string): Json {
  let node: any = spec;
  for (const part of ref.replace(/^#\//, '').split('/')) node = node?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  if (node === undefined) throw new Error(`Unresolvable $ref ${ref}`);
  return node;
}

/** The schema a `$ref` (chain) points to; other nodes as they are. */
export function deref(node: Json): Json {
  return node && typeof node.$ref === 'string' ? deref(resolvePointer(node.$ref)) : node;
}

/** Deep copy of a schema with local `#/` refs pointing into the spec registered in ajv under SPEC_ID. */
export function specRefs(schema: unknown): any {
  if (Array.isArray(schema)) return schema.map(specRefs);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Json = {};
  for (const [k, v] of Object.entries(schema)) {
    out[k] = k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? SPEC_ID + v : specRefs(v);
  }
  return out;
}

const METHODS: HttpMethod[] = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'];

function buildOperations(): OperationSpec[] {
  const ops: OperationSpec[] = [];
  for (const [path, item] of Object.entries<Json>(spec.paths)) {
    const shared: Json[] = (item.parameters ?? []).map(deref);
    for (const method of METHODS) {
      const op = item[method.toLowerCase()];
      if (!op) continue;
      const own: Json[] = (op.parameters ?? []).map(deref);
      const byKey = new Map<string, Json>();
      for (const p of [...shared, ...own]) byKey.set(`${p.in}:${p.name}`, p);
      const params: SpecParam[] = [...byKey.values()].map((p) => ({
        name: p.in === 'header' ? String(p.name).toLowerCase() : p.name,
        in: p.in,
        required: p.in === 'path' || p.required === true,
        schema: specRefs(p.schema ?? {}),
      }));
      const body = op.requestBody ? deref(op.requestBody) : undefined;
      const bodySchema = body?.content?.['application/json']?.schema;
      const success = op.responses?.['200'] ? deref(op.responses['200']) : undefined;
      const sec: Json[] | undefined = op.security ?? spec.security;
      const kinds = new Set<TokenKind>();
      for (const req of sec ?? []) for (const name of Object.keys(req)) if (SCHEME_KIND[name]) kinds.add(SCHEME_KIND[name]);
      ops.push({
        operationId: op.operationId,
        method,
        path,
        security: kinds.size ? kinds : null,
        params,
        bodySchema: bodySchema ? specRefs(bodySchema) : undefined,
        responseSchema: success?.content?.['application/json']?.schema,
      });
    }
  }
  return ops;
}

export const operations: readonly OperationSpec[] = buildOperations();
export const operationIds: ReadonlySet<string> = new Set(operations.map((o) => o.operationId));

const SCALAR_TYPES = new Set(['string', 'integer', 'number', 'boolean']);

/** Names of the scalar (string/number/boolean) properties of a component schema, e.g. for `sortBy`. */
export function scalarFields(schemaName: string): ReadonlySet<string> {
  const schema = resolvePointer(`#/components/schemas/${schemaName}`);
  const out = new Set<string>();
  for (const [name, prop] of Object.entries<Json>(schema.properties ?? {})) {
    if (SCALAR_TYPES.has(deref(prop).type)) out.add(name);
  }
  return out;
}

/** Property names of a component schema. */
export function schemaProperties(schemaName: string): ReadonlySet<string> {
  return new Set(Object.keys(resolvePointer(`#/components/schemas/${schemaName}`).properties ?? {}));
}
