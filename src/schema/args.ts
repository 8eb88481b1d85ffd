import { builder } from './builder.ts';
import { DOCS } from './descriptions.ts';
import { SortDirection } from './enums.ts';

/** Arguments many fields take, declared once. */

/** The tenant an operation is about. */
export const tenantArgs = builder.args((t) => ({
  tenantUid: t.id({ required: true, description: DOCS.tenantUid }),
}));

/** The tenant user an operation is about. */
export const tenantUserArgs = builder.args((t) => ({
  tenantUid: t.id({ required: true, description: DOCS.tenantUid }),
  tenantUserUid: t.id({ required: true, description: DOCS.tenantUserUid }),
}));

/** Which page of a list (REST pageNumber/pageSize). */
export const pageArgs = builder.args((t) => ({
  page: t.int({ defaultValue: 1, description: DOCS.page }),
  pageSize: t.int({ defaultValue: 50, description: DOCS.pageSize }),
}));

/** How a list is sorted. */
export const sortArgs = builder.args((t) => ({
  sortBy: t.string({ description: DOCS.sortBy }),
  sortDirection: t.field({ type: SortDirection, description: DOCS.sortDirection }),
}));
