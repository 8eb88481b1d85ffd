/** Schema drift: edits to a reply's parsed JSON, as an upstream that changed under the gateway would send. */

/**
 * `path` is dot-separated; `*` matches every array element or object key, e.g. `items.*.tenantRole`,
 * `items.3.email`. Sets `value` (a missing last key is created on objects, never on arrays) or, with
 * `remove: true`, deletes the key (array elements are spliced out). Paths that match nothing are ignored.
 */
export interface DriftRule {
  path: string;
  value?: unknown;
  remove?: boolean;
}

type Container = Record<string, unknown> | unknown[];

const INDEX = /^(0|[1-9]\d*)$/;

/** The keys `segment` names in `node`: every key for `*`, else that key if present (or `create` on an object). */
function pick(node: Container, segment: string, create: boolean): string[] {
  if (segment === '*') return Object.keys(node);
  if (Array.isArray(node)) return INDEX.test(segment) && Number(segment) < node.length ? [segment] : [];
  return create || Object.hasOwn(node, segment) ? [segment] : [];
}

function applyRule(node: unknown, [segment, ...rest]: string[], rule: DriftRule): void {
  if (typeof node !== 'object' || node === null) return;
  const last = rest.length === 0;
  const keys = pick(node as Container, segment, last && !rule.remove);
  const record = node as Record<string, unknown>;
  if (!last) for (const key of keys) applyRule(record[key], rest, rule);
  // A copy per target, so later rules that edit one of them leave the others alone.
  else if (!rule.remove) for (const key of keys) record[key] = structuredClone(rule.value);
  else if (Array.isArray(node)) for (const key of keys.reverse()) node.splice(Number(key), 1);
  else for (const key of keys) delete record[key];
}

/** Applies the rules in order to `value`, in place. */
export function applyDrift(value: unknown, rules: readonly DriftRule[]): void {
  for (const rule of rules) applyRule(value, rule.path.split('.'), rule);
}
