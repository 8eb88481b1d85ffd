import { getNamedType, isObjectType, responsePathAsArray, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import type { GatewayContext } from '../context.ts';
import { standInError, standInsIn } from '../resolvers/drift.ts';

/**
 * Makes every field with its own resolver that returns objects report the
 * records with stand-ins it returns (see resolvers/drift.ts), as errors at
 * their paths. Exposed fields keep graph-jit's inlined property reads: records
 * only ever come from resolvers.
 */
export function reportStandIns(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (!field.resolve || !isObjectType(getNamedType(field.type))) continue;
      field.resolve = withReport(field.resolve);
    }
  }
  return schema;
}

function withReport(resolve: GraphQLFieldResolver<unknown, GatewayContext>): GraphQLFieldResolver<unknown, GatewayContext> {
  return (source, args, context, info) => {
    const report = (value: unknown) => {
      const found = standInsIn(value);
      if (found.length > 0) {
        const path = responsePathAsArray(info.path);
        for (const { at, damage } of found) context.driftErrors.push(standInError([...path, ...at], damage));
      }
      return value;
    };
    const result = resolve(source, args, context, info);
    return result instanceof Promise ? result.then(report) : report(result);
  };
}
