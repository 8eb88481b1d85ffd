import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { child, deref, refsInto, resolvePointer, spec, text, type SpecNode } from '../spec/openapi.ts';
import { OPERATIONS, type OperationId } from '../spec/operations.ts';

/** How an answer departs from the spec. */
export type DriftKind = 'unknown-enum' | 'null' | 'missing' | 'type' | 'extra' | 'invalid';

/** One departure, described without user data: where (indices as `*`), what kind, and for enums the value. */
export interface DriftEvent {
  operationId: OperationId;
  /** e.g. `items.*.tenantRole` */
  field: string;
  kind: DriftKind;
  /** Only for unknown enum values (a vocabulary, not user data), cut to 64 characters. */
  value?: string;
}

/**
 * What the graph cannot take as it came and got a stand-in: a boolean or number
 * (false, 0) or an object (filled with stand-ins) that was null, missing or of
 * the wrong type. Strings ('') and lists ([]) are stand-ins the graph can show
 * truthfully, so they are not damage; unknown enum values are mapped by the graph.
 */
export interface Damage {
  operationId: OperationId;
  /** The stand-in fields, relative to the record, e.g. `settings.autoLogout`. */
  fields: string[];
}

/**
 * Records that got stand-ins. A record is an item of a list at the top of an
 * answer (a user of a users page, a membership of an account), or else the
 * answer itself: the unit the graph can flag without touching its siblings.
 */
const damaged = new WeakMap<object, Damage>();

/** The stand-ins a record carries, if any. */
export function damageOf(record: object): Damage | undefined {
  return damaged.get(record);
}

/** True when `field` of the record is a stand-in (the upstream did not send a usable value). */
export function isStandIn(record: object, field: string): boolean {
  return damaged.get(record)?.fields.includes(field) ?? false;
}

const SPEC_ID = 'spec';

/**
 * The spec as conformance checks it: every object schema closed
 * (`additionalProperties: false`) so extra properties show up, and no `pattern`
 * or `format`: the graph takes any string, and those regular expressions would
 * double the cost of checking a page of users.
 */
function closed(node: unknown, isPropertyMap = false): unknown {
  if (Array.isArray(node)) return node.map((item) => closed(item));
  if (!node || typeof node !== 'object') return node;
  const copy = Object.fromEntries(
    Object.entries(node)
      .filter(([key]) => isPropertyMap || (key !== 'pattern' && key !== 'format'))
      .map(([key, value]) => [key, closed(value, !isPropertyMap && key === 'properties')]),
  );
  if (copy.type === 'object' && copy.properties && copy.additionalProperties === undefined) copy.additionalProperties = false;
  return copy;
}

const ajv = new Ajv({ allErrors: true, verbose: true, strict: false, validateSchema: false });
ajv.addSchema(closed(spec) as object, SPEC_ID);
const validators = new Map<OperationId, ValidateFunction | null>();

function validatorFor(operationId: OperationId): ValidateFunction | null {
  let validate = validators.get(operationId);
  if (validate === undefined) {
    const schema = OPERATIONS[operationId].response;
    validate = schema ? ajv.compile(refsInto(SPEC_ID, closed(schema)) as object) : null;
    validators.set(operationId, validate);
  }
  return validate;
}

/**
 * Brings a 2xx body in line with the spec's shape, so the graph never breaks on
 * it: the real API is ahead of its docs. Validated with ajv (cheap when all is
 * well); for each departure, a stand-in where the graph needs a value (see
 * Damage) and one DriftEvent. Returns the events, or a reason when the body is
 * not this operation's answer at all (no object, or none of its required fields).
 */
export function conform(operationId: OperationId, body: object): { events: DriftEvent[] } | { notThisAnswer: string } {
  const validate = validatorFor(operationId);
  if (!validate || validate(body)) return { events: [] };
  const required = (OPERATIONS[operationId].response?.required ?? []) as string[];
  if (required.length > 0 && !required.some((key) => key in body)) return { notThisAnswer: `no required field "${required[0]}"` };
  const events: DriftEvent[] = [];
  const seen = new Set<string>();
  for (const error of validate.errors ?? []) {
    const located = locate(error);
    // One departure per place: a null enum field fails both `type` and `enum`; the first tells what happened.
    if (seen.has(located.pointer)) continue;
    seen.add(located.pointer);
    const kind = kindOf(error, located.value);
    events.push({
      operationId,
      field: located.field,
      kind,
      ...(kind === 'unknown-enum' ? { value: String(located.value).slice(0, 64) } : {}),
    });
    if (kind === 'null' || kind === 'missing' || kind === 'type') repair(operationId, body, located, schemaOf(error));
  }
  return { events };
}

interface Location {
  /** JSON pointer segments of the departing value, from the body. */
  segments: string[];
  pointer: string;
  /** Segments with list indices as `*`, joined by dots. */
  field: string;
  value: unknown;
}

function locate(error: ErrorObject): Location {
  const segments = error.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const extra = error.keyword === 'additionalProperties' ? (error.params as { additionalProperty: string }).additionalProperty : undefined;
  const missing = error.keyword === 'required' ? (error.params as { missingProperty: string }).missingProperty : undefined;
  const last = extra ?? missing;
  if (last !== undefined) segments.push(last);
  const field = segments.map((s) => (/^\d+$/.test(s) ? '*' : s)).join('.') || '(body)';
  return { segments, pointer: segments.join('/'), field, value: last === undefined ? error.data : undefined };
}

function kindOf(error: ErrorObject, value: unknown): DriftKind {
  switch (error.keyword) {
    case 'required':
      return 'missing';
    case 'additionalProperties':
      return 'extra';
    case 'enum':
      return 'unknown-enum';
    case 'type':
      return value === null ? 'null' : 'type';
    default:
      return 'invalid';
  }
}

/** The schema the departing value should have met. */
function schemaOf(error: ErrorObject): SpecNode | undefined {
  if (error.keyword === 'required') {
    const missing = (error.params as { missingProperty: string }).missingProperty;
    return specNode(child(child(error.parentSchema, 'properties'), missing));
  }
  return specNode(error.parentSchema);
}

/** Follows a ref that points into the spec registered in ajv (`spec#/...`). */
function specNode(node: SpecNode | undefined): SpecNode | undefined {
  const ref = text(node, '$ref');
  return ref?.startsWith(`${SPEC_ID}#/`) ? deref(resolvePointer(ref.slice(SPEC_ID.length))) : deref(node);
}

/** Puts a stand-in where the value departs and records the damage on the record that holds it. */
function repair(operationId: OperationId, body: object, at: Location, schema: SpecNode | undefined): void {
  let parent: unknown = body;
  for (const segment of at.segments.slice(0, -1)) {
    parent = (parent as Record<string, unknown>)?.[segment];
    if (parent === null || typeof parent !== 'object') return;
  }
  const { value, harmless } = standIn(schema, at.value);
  (parent as Record<string, unknown>)[at.segments.at(-1)!] = value;
  if (harmless) return;
  // An item that was itself null or not an object is now a stand-in record of its own.
  const inTopList = at.segments.length >= 2 && /^\d+$/.test(at.segments[1]);
  const record = inTopList ? ((body as Record<string, unknown[]>)[at.segments[0]][Number(at.segments[1])] as object) : body;
  const damage = damaged.get(record) ?? { operationId, fields: [] };
  damage.fields.push(at.segments.slice(inTopList ? 2 : 0).join('.') || '(the whole item)');
  damaged.set(record, damage);
}

/**
 * A value of the schema's type: '' and [] stand in harmlessly, and so does a number or
 * boolean written as text where text is expected; false, 0 and objects do not.
 */
function standIn(schema: SpecNode | undefined, sent?: unknown): { value: unknown; harmless: boolean } {
  const type = Array.isArray(schema?.type) ? (schema.type as string[]).find((t) => t !== 'null') : text(schema, 'type');
  switch (type) {
    case 'array':
      return { value: [], harmless: true };
    case 'boolean':
      return { value: false, harmless: false };
    case 'integer':
    case 'number':
      return { value: 0, harmless: false };
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const key of (schema?.required ?? []) as string[]) value[key] = standIn(deref(child(child(schema, 'properties'), key))).value;
      return { value, harmless: false };
    }
    default:
      return { value: typeof sent === 'number' || typeof sent === 'boolean' ? String(sent) : '', harmless: true };
  }
}
