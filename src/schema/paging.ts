import { builder } from './builder.ts';
import type { Paging as PagingShape } from '../resolvers/paging.ts';

export const Paging = builder.objectRef<PagingShape>('Paging').implement({
  description: 'Where a page sits in its result set (REST Paging, plus two derived fields).',
  fields: (t) => ({
    pageNumber: t.exposeInt('pageNumber', { description: 'The current page in the result set (1-based).' }),
    pageSize: t.exposeInt('pageSize', { description: 'The number of items per page.' }),
    totalCount: t.exposeInt('totalCount', { description: 'The total number of items in the result set.' }),
    totalPages: t.exposeInt('totalPages', {
      description: 'Derived: ceil(totalCount / pageSize); 0 when pageSize is 0.',
    }),
    hasNextPage: t.exposeBoolean('hasNextPage', { description: 'Derived: pageNumber < totalPages.' }),
  }),
});
