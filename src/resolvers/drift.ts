import { GraphQLError } from 'graphql';
import { damageOf, type Damage } from '../upstream/conformance.ts';

/** A record with stand-ins inside a value a field returned, and where it sits relative to that field. */
export interface StandIns {
  at: (string | number)[];
  damage: Damage;
}

/**
 * The records with stand-ins in what a field resolved to: the value itself (a
 * REST answer), the items of a list, or the items of a page (a REST list answer).
 */
export function standInsIn(value: unknown): StandIns[] {
  if (value === null || typeof value !== 'object') return [];
  const found: StandIns[] = [];
  const own = damageOf(value);
  if (own) found.push({ at: [], damage: own });
  const items: unknown = Array.isArray(value) ? value : (value as { items?: unknown }).items;
  if (Array.isArray(items)) {
    const prefix = Array.isArray(value) ? [] : ['items'];
    (items as unknown[]).forEach((item, index) => {
      const damage = item !== null && typeof item === 'object' ? damageOf(item) : undefined;
      if (damage) found.push({ at: [...prefix, index], damage });
    });
  }
  return found;
}

/**
 * The error that flags a record shown with stand-ins: the data stays (siblings,
 * parents and the record itself), the error says which of its fields are not
 * what the upstream meant.
 */
export function standInError(path: readonly (string | number)[], { operationId, fields }: Damage): GraphQLError {
  return new GraphQLError(
    `The upstream (${operationId}) sent ${fields.join(', ')} in a form the graph cannot show; shown as stand-ins (false, 0 or empty).`,
    { path, extensions: { code: 'UPSTREAM_DRIFT', operation: operationId, fields } },
  );
}
