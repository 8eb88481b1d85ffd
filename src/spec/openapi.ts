import { readFileSync } from 'node:fs';

/** An object of the spec (a schema, an operation, ...): read through the accessors below, which check types. */
export interface SpecNode {
  readonly [key: string]: unknown;
}

/** The object under `key`, if that is an object. */
export function child(node: SpecNode | undefined, key: string): SpecNode | undefined {
  const value = node?.[key];
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as SpecNode) : undefined;
}

/** The string under `key`, if that is a string. */
export function text(node: SpecNode | undefined, key: string): string | undefined {
  const value = node?.[key];
  return typeof value === 'string' ? value : undefined;
}

/** The objects in the array under `key` (an empty list if there is none). */
export function children(node: SpecNode | undefined, key: string): SpecNode[] {
  const value = node?.[key];
  return Array.isArray(value) ? value.filter((item): item is SpecNode => item !== null && typeof item === 'object') : [];
}

/** Where the project's copy of the spec lives (copied next to dist/ by `npm run build`). */
const SPEC_URL = new URL('../../openapi/flowretail-v2.json', import.meta.url);

/**
 * The REST spec, parsed once. Its UID patterns lack the closing `$` (they
 * would accept `abc/../x`); they are anchored here, for everyone who reads it.
 */
export const spec: SpecNode = loadSpec();

function loadSpec(): SpecNode {
  const document = JSON.parse(readFileSync(SPEC_URL, 'utf8')) as SpecNode;
  for (const name of ['UID', 'OptionalUID']) {
    const schema = child(child(child(document, 'components'), 'schemas'), name) as { pattern?: unknown } | undefined;
    if (schema && typeof schema.pattern === 'string' && !schema.pattern.endsWith('$')) schema.pattern = `${schema.pattern}$`;
  }
  return document;
}

/** Follows a local `#/...` JSON pointer inside the spec. */
export function resolvePointer(ref: string): SpecNode {
  let node: SpecNode | undefined = spec;
  for (const part of ref.replace(/^#\//, '').split('/')) node = child(node, part.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (node === undefined) throw new Error(`Unresolvable $ref ${ref}`);
  return node;
}

/** The node itself, or what its `$ref` (chain) points to. */
export function deref(node: SpecNode | undefined): SpecNode | undefined {
  let current = node;
  for (let ref = text(current, '$ref'); ref !== undefined; ref = text(current, '$ref')) current = resolvePointer(ref);
  return current;
}

/** A component schema by name, e.g. `TenantRoleENUM`. */
export function componentSchema(name: string): SpecNode {
  return resolvePointer(`#/components/schemas/${name}`);
}

/**
 * A deep copy of a schema whose local `#/...` refs point into the spec registered
 * (e.g. in ajv) under `schemaId`, so the schema compiles on its own.
 */
export function refsInto(schemaId: string, node: unknown): unknown {
  if (Array.isArray(node)) return node.map((item) => refsInto(schemaId, item));
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string' && value.startsWith('#/') ? schemaId + value : refsInto(schemaId, value),
    ]),
  );
}
