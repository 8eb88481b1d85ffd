/** Small pure helpers shared by the domain resolvers' REST <-> graph mapping. */

/**
 * A REST request body as GraphQL hands it to a resolver: the same fields, but
 * an optional one may also be null (the client wrote `field: null`).
 */
export type GraphQLInputOf<T> = { [K in keyof T]: undefined extends T[K] ? T[K] | null : T[K] };

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
