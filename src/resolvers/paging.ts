import type { RestPaging, RestSortDirection } from '../spec/schemas.ts';
import { definedOnly } from './mapping.ts';
import { badUserInput } from './errors.ts';

/** The graph's Paging: REST's three numbers plus the two derived ones. */
export interface Paging {
  pageNumber: number;
  pageSize: number;
  totalCount: number;
  totalPages: number;
  hasNextPage: boolean;
}

/**
 * A page of items (`*Page` types): the REST list answer itself, so that its
 * items keep their identity (loader priming, drift stand-ins); `paging` is
 * turned into the graph's Paging by toPaging.
 */
export interface Page<T> {
  items: T[];
  paging: RestPaging;
}

/** totalPages = ceil(totalCount / pageSize), 0 when pageSize is 0 (never divides by zero). */
export function toPaging(paging: RestPaging): Paging {
  const totalPages = paging.pageSize > 0 ? Math.max(0, Math.ceil(paging.totalCount / paging.pageSize)) : 0;
  return { ...pick(paging), totalPages, hasNextPage: paging.pageNumber < totalPages };
}

export interface PageArgs {
  page?: number | null;
  pageSize?: number | null;
}

/**
 * The GraphQL `page`/`pageSize` args as REST query parameters (`page` is REST's `pageNumber`),
 * checked first: a page below 1 or a page size outside 1..maxPageSize never reaches the upstream.
 */
export function pageQuery(args: PageArgs, maxPageSize: number): { pageNumber?: number; pageSize?: number } {
  const query: { pageNumber?: number; pageSize?: number } = {};
  if (args.page !== undefined && args.page !== null) {
    if (args.page < 1) throw badUserInput(`page must be 1 or more (got ${args.page})`);
    query.pageNumber = args.page;
  }
  if (args.pageSize !== undefined && args.pageSize !== null) {
    if (args.pageSize < 1 || args.pageSize > maxPageSize) {
      throw badUserInput(`pageSize must be between 1 and ${maxPageSize}, the gateway's MAX_PAGE_SIZE (got ${args.pageSize})`);
    }
    query.pageSize = args.pageSize;
  }
  return query;
}

export interface SortArgs {
  sortBy?: string | null;
  sortDirection?: RestSortDirection | null;
}

/** The REST sort parameters the client set. */
export function sortQuery(args: SortArgs): { sortBy?: string; sortDirection?: RestSortDirection } {
  return definedOnly({ sortBy: args.sortBy, sortDirection: args.sortDirection });
}

function pick({ pageNumber, pageSize, totalCount }: RestPaging): RestPaging {
  return { pageNumber, pageSize, totalCount };
}
