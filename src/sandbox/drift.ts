/** Schema drift: edits to a reply's parsed JSON, as an upstream that changed under the gateway would send. */
import { deref } from './spec.ts';

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

/** Spec-driven drift of every matching field of a reply (see PRESETS). */
export const DRIFT_PRESETS = ['unknown-enums', 'nulls', 'missing', 'extra'] as const;
export type DriftPreset = (typeof DRIFT_PRESETS)[number];

type Container = Record<string, unknown> | unknown[];

/** The parts of a response schema the presets look at. */
type SchemaNode = {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  items?: SchemaNode;
  properties?: Record<string, SchemaNode>;
  required?: string[];
};

/** The schema a `$ref` (chain) points to. */
const resolved = (schema: SchemaNode): SchemaNode => deref(schema) ?? {};

export const isJsonObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

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

/** Rewrites one node of the reply, given its dereferenced schema and depth (0 = the reply itself). */
type Edit = (schema: SchemaNode, value: unknown, depth: number) => unknown;

/** Rebuilds `value` bottom-up along `schema`; parts the schema does not describe are kept as they are. */
function rebuild(schema: SchemaNode, value: unknown, edit: Edit, depth = 0): unknown {
  const s = resolved(schema);
  const { items, properties } = s;
  let out = value;
  if (Array.isArray(value) && items) out = value.map((v) => rebuild(items, v, edit, depth + 1));
  else if (isJsonObject(value) && properties) {
    out = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, properties[k] ? rebuild(properties[k], v, edit, depth + 1) : v]));
  }
  return edit(s, out, depth);
}

/** Longer than every allowed value, so never one of them: tenantRole "NEW_BACKOFFICE", status "NEW_PENDING_INVITE". */
const unknownEnum = (values: unknown[]) => `NEW_${values.map(String).reduce((a, b) => (b.length > a.length ? b : a))}`;

const EXTRA = { driftExtra: 'not in the spec', driftExtraObject: { nested: true } };

const PRESETS: Record<DriftPreset, Edit> = {
  'unknown-enums': (s, v) => (s.enum && typeof v === 'string' ? unknownEnum(s.enum) : v),
  nulls: (s, v) => {
    if (!isJsonObject(v)) return v;
    const strings = (s.required ?? []).filter((k) => resolved(s.properties?.[k] ?? {}).type === 'string');
    return { ...v, ...Object.fromEntries(strings.map((k) => [k, null])) };
  },
  // The reply's own required keys stay: without them there is hardly a reply left to test with.
  missing: (s, v, depth) =>
    isJsonObject(v) && depth > 0 ? Object.fromEntries(Object.entries(v).filter(([k]) => !s.required?.includes(k))) : v,
  extra: (s, v) => (isJsonObject(v) && s.properties ? { ...v, ...EXTRA } : v),
};

/** `value` with the preset applied along the operation's 200 response schema (unchanged without one). */
export function applyPreset(value: unknown, schema: SchemaNode | undefined, preset: DriftPreset): unknown {
  return schema ? rebuild(schema, value, PRESETS[preset]) : value;
}
