/** Small pure helpers shared by the domain resolvers' REST <-> graph mapping. */

/** A REST value as the graph types it: an enum-typed string may also be UNKNOWN. */
type WithUnknown<T> = T extends string
  ? string extends T
    ? T
    : T | 'UNKNOWN'
  : T extends (infer Item)[]
    ? WithUnknown<Item>[]
    : T extends object
      ? { [K in keyof T]: WithUnknown<T[K]> }
      : T;

/**
 * A REST request body as GraphQL hands it to a resolver: the same fields, but
 * an optional one may also be null (the client wrote `field: null`), and an
 * enum may be typed UNKNOWN (see knownOnly).
 */
export type GraphQLInputOf<T> = { [K in keyof T]: undefined extends T[K] ? WithUnknown<T[K]> | null : WithUnknown<T[K]> };

/** T without the UNKNOWN enum value, at any depth. */
type Known<T> = T extends 'UNKNOWN'
  ? never
  : T extends string
    ? T
    : T extends (infer Item)[]
      ? Known<Item>[]
      : T extends object
        ? { [K in keyof T]: Known<T[K]> }
        : T;

/** Drops the UNKNOWN the graph's types allow: useOutputOnlyEnums has refused it before any resolver runs. */
export function knownOnly<T>(value: T): Known<T> {
  return value as Known<T>;
}

/** REST sends "" (or leaves out) an optional UID to mean "none": the graph says null. */
export function emptyToNull(value: string | null | undefined): string | null {
  return value === undefined || value === null || value === '' ? null : value;
}

/** Drops keys whose value is undefined or null: REST gets only the fields the client set. */
export function definedOnly<T extends object>(input: T): { [K in keyof T]?: Exclude<T[K], null | undefined> } {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) if (value !== undefined && value !== null) out[key] = value;
  return out as { [K in keyof T]?: Exclude<T[K], null | undefined> };
}
