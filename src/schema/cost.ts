import { DEFAULT_CONNECTION_SIZE } from '../resolvers/connection.ts';

/**
 * Field costs for the list-aware cost limit (plugins/query-cost.ts): the
 * upstream calls a field may make. Written once here so every field that
 * calls the upstream says so the same way.
 */

/**
 * A field that makes (at most) one upstream call. A tenant user's `tenant` and
 * `tenantName` stay free: all users of a page share one tenant, fetched once
 * per request and usually cached.
 */
export const ONE_CALL = 1;

/** A list field fetched with one call whose page size multiplies the cost of what is selected below it. */
export const pagedCall = (args: { pageSize?: number | null }) => ({ field: ONE_CALL, multiplier: args.pageSize ?? 0 });

/**
 * The memberships of an account come in the account's own answer, but what is
 * selected below them is paid per membership; accounts rarely have more than this many.
 */
export const MEMBERSHIPS_ESTIMATE = 10;

/**
 * A Relay connection over a paged REST list: one call when the slice is a whole REST page, two when
 * it straddles pages; what is selected below is paid per item.
 */
export const connectionCall = (args: { first?: number | null; last?: number | null }) => ({
  field: 2 * ONE_CALL,
  multiplier: args.first ?? args.last ?? DEFAULT_CONNECTION_SIZE,
});
