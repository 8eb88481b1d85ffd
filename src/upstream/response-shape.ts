import { readFileSync } from 'node:fs';
import type { OperationId } from './operations.ts';

// A loose view of the JSON spec: only the keys walked below.
interface Json {
  [key: string]: Json | undefined;
}

/**
 * The top-level properties each operation's 200 body must have, read from the
 * project's copy of the spec. The client checks them on every answer: an
 * upstream that sends `{}` or an HTML page is "malformed", not a crash deep in
 * a resolver. Deeper oddities surface as field errors at their path.
 */
function loadRequiredKeys(): Map<string, string[]> {
  const spec = JSON.parse(readFileSync(new URL('../../openapi/flowretail-v2.json', import.meta.url), 'utf8')) as Json;
  const resolve = (node: Json | undefined): Json | undefined => {
    let current = node;
    while (typeof current?.$ref === 'string') {
      current = (current.$ref as unknown as string)
        .slice(2)
        .split('/')
        .reduce<Json | undefined>((at, key) => at?.[key], spec);
    }
    return current;
  };
  const required = new Map<string, string[]>();
  for (const item of Object.values(spec.paths ?? {})) {
    for (const operation of Object.values(item ?? {})) {
      const id = operation?.operationId as unknown as string | undefined;
      if (!id) continue;
      const response = resolve(operation?.responses?.['200']);
      const schema = resolve(response?.content?.['application/json']?.schema);
      required.set(id, (schema?.required as unknown as string[] | undefined) ?? []);
    }
  }
  return required;
}

const REQUIRED_KEYS = loadRequiredKeys();

/** The first required top-level property missing from a 200 body, if any. */
export function missingRequiredKey(operationId: OperationId, body: object): string | undefined {
  return REQUIRED_KEYS.get(operationId)?.find((key) => !(key in body));
}
