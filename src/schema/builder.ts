import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import RelayPlugin from '@pothos/plugin-relay';
import type { GatewayContext } from '../context.ts';

/** The only SchemaBuilder. Domain files under src/schema/ add the types. */
export const builder = new SchemaBuilder<{
  Context: GatewayContext;
  Scalars: { DateTime: { Input: string; Output: string }; ID: { Input: string; Output: string } };
  // Output fields are non-null unless a field says `nullable: true` (as the contract marks them).
  DefaultFieldNullability: false;
  DefaultEdgesNullability: { list: false; items: false };
  DefaultNodeNullability: false;
  // Every connection answers how many items the whole list has (REST paging.totalCount).
  Connection: { totalCount: number };
}>({
  defaultFieldNullability: false,
  plugins: [ComplexityPlugin, RelayPlugin],
  // A field's complexity is the upstream calls it may make (see schema/cost.ts): free unless it says so,
  // and a list multiplies what is below it only when its field says by how much. The limit is checked
  // by plugins/query-cost.ts, per request, so the plugin's own check on root fields stays off.
  complexity: { defaultComplexity: 0, defaultListMultiplier: 1, disabled: true },
  // Relay connections only (schema/connection.ts): no Node interface or node/nodes queries, which
  // would need global ids the REST API does not have.
  relay: {
    nodeQueryOptions: false,
    nodesQueryOptions: false,
    clientMutationId: 'omit',
    cursorType: 'String',
    edgesFieldOptions: { nullable: { list: false, items: false }, description: 'The items of this slice, each with its cursor.' },
    nodeFieldOptions: { nullable: false, description: 'The item.' },
    cursorFieldOptions: { description: 'Opaque cursor of this item, for `after` or `before`.' },
    pageInfoFieldOptions: { description: 'Where this slice sits in the list.' },
    pageInfoTypeOptions: { description: 'Where a slice of a list sits in it (Relay PageInfo).' },
    hasNextPageFieldOptions: { description: 'Whether items follow this slice.' },
    hasPreviousPageFieldOptions: { description: 'Whether items come before this slice.' },
    startCursorFieldOptions: { description: 'Cursor of the first item of the slice; null when it is empty.' },
    endCursorFieldOptions: { description: 'Cursor of the last item of the slice; null when it is empty.' },
    firstArgOptions: { description: 'How many items to return from the start of the slice (1 to MAX_PAGE_SIZE; default 20).' },
    afterArgOptions: { description: 'Return the items after this cursor.' },
    lastArgOptions: { description: 'How many items to return from the end of the slice (with `before`).' },
    beforeArgOptions: { description: 'Return the items before this cursor.' },
  },
});

builder.scalarType('DateTime', {
  description: 'ISO-8601 date-time string, as the REST API sends it.',
  serialize: (value) => value,
  parseValue: (value) => {
    if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) throw new TypeError('DateTime must be an ISO-8601 string');
    return value;
  },
});

builder.queryType({});
builder.mutationType({});
