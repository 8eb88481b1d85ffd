/** Paging, sorting and the tenant-user filters shared by the list/search endpoints. */
import { badRequest } from './errors.ts';
import type { Tenant, TenantUser } from './model.ts';
import { scalarFields } from './spec.ts';
import type { Paging } from './views.ts';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

export interface ListQuery {
  pageNumber?: number;
  pageSize?: number;
  sortBy?: string;
  sortDirection?: 'ASC' | 'DESC';
}

export const USER_SORT_FIELDS = scalarFields('TenantUserResponseSchema');
export const TENANT_SORT_FIELDS = scalarFields('TenantResponseSchema');

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'string' && typeof b === 'string') return collator.compare(a, b);
  if (a === b) return 0;
  if (a === undefined || a === null) return -1;
  if (b === undefined || b === null) return 1;
  return a < b ? -1 : 1;
}

/** Sorts (stable; natural order when no sortBy) and slices one page. 400 on bad paging or unknown sortBy. */
export function page<T>(
  items: T[],
  q: ListQuery,
  sortable: ReadonlySet<string>,
  field: (item: T, name: string) => unknown,
): { items: T[]; paging: Paging } {
  const pageNumber = q.pageNumber ?? 1;
  const pageSize = Math.min(q.pageSize ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  if (pageNumber < 1) throw badRequest('query/pageNumber must be >= 1');
  if (pageSize < 1) throw badRequest('query/pageSize must be >= 1');
  let sorted = items;
  if (q.sortBy !== undefined) {
    if (!sortable.has(q.sortBy)) {
      throw badRequest(`query/sortBy: unknown field '${q.sortBy}' (allowed: ${[...sortable].join(', ')})`);
    }
    const name = q.sortBy;
    const dir = q.sortDirection === 'DESC' ? -1 : 1;
    sorted = [...items].sort((a, b) => dir * compareValues(field(a, name), field(b, name)));
  } else if (q.sortDirection === 'DESC') {
    sorted = [...items].reverse();
  }
  const start = (pageNumber - 1) * pageSize;
  return { items: sorted.slice(start, start + pageSize), paging: { pageNumber, pageSize, totalCount: items.length } };
}

export function userField(user: TenantUser, name: string): unknown {
  return (user as unknown as Record<string, unknown>)[name];
}

function haystack(user: TenantUser): string {
  return (user.cache.haystack ??= [user.displayName, user.firstname, user.lastname, user.mobile, user.email, user.userCode]
    .join('\n')
    .toLowerCase());
}

/** Fuzzy match: every whitespace-separated term is a case-insensitive substring of one of the searchable fields. */
export function fuzzyMatcher(query: string | undefined): ((u: TenantUser) => boolean) | undefined {
  const terms = (query ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  if (!terms.length) return undefined;
  return (u) => {
    const hay = haystack(u);
    return terms.every((t) => hay.includes(t));
  };
}

export interface UserFilter {
  query?: string;
  storeUid?: string;
  organizationUid?: string;
  userCode?: string;
  email?: string;
  mobile?: string;
  status?: string[];
}

export function filterUsers(tenant: Tenant, f: UserFilter): TenantUser[] {
  const preds: ((u: TenantUser) => boolean)[] = [];
  const fuzzy = fuzzyMatcher(f.query);
  if (fuzzy) preds.push(fuzzy);
  if (f.storeUid !== undefined) preds.push((u) => u.storeAccess.some((a) => a.storeUid === f.storeUid));
  if (f.organizationUid !== undefined) {
    preds.push((u) => u.storeAccess.some((a) => tenant.stores.get(a.storeUid)?.organizationUid === f.organizationUid));
  }
  if (f.userCode !== undefined) preds.push((u) => u.userCode === f.userCode);
  if (f.email !== undefined) {
    const email = f.email.toLowerCase();
    preds.push((u) => u.email.toLowerCase() === email);
  }
  if (f.mobile !== undefined) preds.push((u) => u.mobile === f.mobile);
  if (f.status?.length) {
    const statuses = new Set(f.status);
    preds.push((u) => statuses.has(u.status));
  }
  const all = [...tenant.users.values()];
  return preds.length ? all.filter((u) => preds.every((p) => p(u))) : all;
}
