import { cursorToOffset, offsetToCursor } from '@pothos/plugin-relay';
import type { Page } from './paging.ts';
import { badUserInput } from './errors.ts';

/** Relay's connection arguments. */
export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

/** A slice of the list by position: items [offset, offset + size). */
interface Slice {
  offset: number;
  size: number;
}

export const DEFAULT_CONNECTION_SIZE = 20;

/**
 * A Relay connection over a REST list that pages by number: the slice the arguments ask for, read
 * with one call when it is a whole REST page (as when a client follows endCursor with the same
 * `first`), else with the two pages it straddles. Cursors are the plugin's opaque offset cursors.
 */
export async function offsetConnection<T>(
  args: ConnectionArgs,
  maxSize: number,
  fetchPage: (query: { pageNumber: number; pageSize: number }) => Promise<Page<T>>,
): Promise<Connection<T>> {
  const { offset, size } = sliceFor(args, maxSize);
  // An empty slice still needs the total count: read one item and drop it.
  const pageSize = Math.max(size, 1);
  const index = Math.floor(offset / pageSize);
  const skip = offset - index * pageSize;
  const pageNumbers = skip === 0 ? [index + 1] : [index + 1, index + 2];
  const pages = await Promise.all(pageNumbers.map((pageNumber) => fetchPage({ pageNumber, pageSize })));
  const items = pages.flatMap((page) => page.items).slice(skip, skip + size);
  const totalCount = pages[0].paging.totalCount;
  const edges = items.map((node, i) => ({ cursor: offsetToCursor(offset + i), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: offset + items.length < totalCount,
      hasPreviousPage: offset > 0,
      startCursor: edges.at(0)?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}

/** The slice Relay's arguments describe, checked before any upstream call. */
function sliceFor(args: ConnectionArgs, maxSize: number): Slice {
  const { first, last } = args;
  if (first !== undefined && first !== null && last !== undefined && last !== null) throw badUserInput('Pass `first` or `last`, not both');
  const start = args.after ? offsetOf(args.after, 'after') + 1 : 0;
  const end = args.before ? offsetOf(args.before, 'before') : undefined;
  if (last !== undefined && last !== null) {
    checkSize(last, 'last', maxSize);
    // REST lists are read from the start, so the end must be known.
    if (end === undefined) throw badUserInput('`last` needs `before` (a cursor from this list)');
    const offset = Math.max(start, end - last);
    return { offset, size: Math.max(0, end - offset) };
  }
  const size = first ?? DEFAULT_CONNECTION_SIZE;
  checkSize(size, 'first', maxSize);
  return { offset: start, size: Math.max(0, Math.min(size, (end ?? Number.POSITIVE_INFINITY) - start)) };
}

function checkSize(size: number, name: string, maxSize: number) {
  if (size < 1 || size > maxSize)
    throw badUserInput(`\`${name}\` must be between 1 and ${maxSize}, the gateway's MAX_PAGE_SIZE (got ${size})`);
}

function offsetOf(cursor: string, name: string): number {
  let offset = Number.NaN;
  try {
    offset = cursorToOffset(cursor);
  } catch {
    // Not one of ours: reported below.
  }
  if (!Number.isSafeInteger(offset) || offset < 0) throw badUserInput(`\`${name}\` is not a cursor from this list`);
  return offset;
}
