import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import type { GatewayContext } from '../context.ts';

/** The only SchemaBuilder. Domain files under src/schema/ add the types. */
export const builder = new SchemaBuilder<{
  Context: GatewayContext;
  Scalars: { DateTime: { Input: string; Output: string }; ID: { Input: string; Output: string } };
  // Output fields are non-null unless a field says `nullable: true` (as the contract marks them).
  DefaultFieldNullability: false;
}>({
  defaultFieldNullability: false,
  plugins: [ComplexityPlugin],
  // A field's complexity is the upstream calls it may make (see schema/cost.ts): free unless it says so,
  // and a list multiplies what is below it only when its field says by how much. The limit is checked
  // by plugins/query-cost.ts, per request, so the plugin's own check on root fields stays off.
  complexity: { defaultComplexity: 0, defaultListMultiplier: 1, disabled: true },
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
