/**
 * The spec as the sandbox is driven by it: the operation table and the schemas
 * all come from the project's one spec module (src/spec), the only part of
 * the gateway the sandbox imports.
 */
import { child, componentSchema, deref, text } from '../spec/openapi.ts';
import { OPERATIONS, type SpecOperation } from '../spec/operations.ts';

export type { SpecParam, TokenKind } from '../spec/operations.ts';
export type OperationSpec = SpecOperation;
export { deref, refsInto, spec } from '../spec/openapi.ts';

/** The id the spec is registered under in the sandbox's ajv instances (`flowretail-v2#/components/...`). */
export const SPEC_ID = 'flowretail-v2';

export const operations: readonly OperationSpec[] = Object.values(OPERATIONS);
export const operationIds: ReadonlySet<string> = new Set(Object.keys(OPERATIONS));

const SCALAR_TYPES = new Set(['string', 'integer', 'number', 'boolean']);

/** Names of the scalar (string/number/boolean) properties of a component schema, e.g. for `sortBy`. */
export function scalarFields(schemaName: string): ReadonlySet<string> {
  const properties = Object.entries(child(componentSchema(schemaName), 'properties') ?? {});
  return new Set(properties.filter(([, property]) => SCALAR_TYPES.has(text(deref(property as never), 'type') ?? '')).map(([name]) => name));
}

/** Property names of a component schema. */
export function schemaProperties(schemaName: string): ReadonlySet<string> {
  return new Set(Object.keys(child(componentSchema(schemaName), 'properties') ?? {}));
}
