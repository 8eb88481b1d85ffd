import SchemaBuilder from '@pothos/core';
import type { GatewayContext } from '../context.ts';

/** The only SchemaBuilder. Domain files under src/schema/ add the types. */
export const builder = new SchemaBuilder<{
  Context: GatewayContext;
  Scalars: { DateTime: { Input: string; Output: string }; ID: { Input: string; Output: string } };
  // Output fields are non-null unless a field says `nullable: true` (as the contract marks them).
  DefaultFieldNullability: false;
}>({ defaultFieldNullability: false });

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
