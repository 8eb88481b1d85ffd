import {
  GraphQLError,
  Kind,
  TypeInfo,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  valueFromAST,
  visit,
  visitWithTypeInfo,
  type ArgumentNode,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { UNKNOWN } from '../resolvers/enums.ts';

interface Site {
  node: ArgumentNode;
  type: GraphQLInputType;
}

/**
 * `UNKNOWN` is something the gateway says, never something a client may send:
 * an argument (literal or variable, at any depth of an input object) with an
 * enum value `UNKNOWN` is refused with BAD_USER_INPUT before execution. The
 * arguments that can hold such an enum are found once per document; most
 * documents have none and cost nothing after the first look.
 */
export function useOutputOnlyEnums(): Plugin {
  const sitesByDocument = new WeakMap<DocumentNode, Site[]>();
  return {
    onExecute({ args: envelopArgs, setResultAndStopExecution }) {
      const args = envelopArgs as ExecutionArgs;
      let sites = sitesByDocument.get(args.document);
      if (!sites) {
        sites = enumArgumentSites(args.schema, args.document);
        sitesByDocument.set(args.document, sites);
      }
      for (const site of sites) {
        const value = valueFromAST(site.node.value, site.type, args.variableValues ?? undefined);
        const path = unknownAt(site.type, value, [site.node.name.value]);
        if (!path) continue;
        const error = new GraphQLError(`${path.join('.')}: ${UNKNOWN} is output only; send one of the known values.`, {
          nodes: [site.node],
          extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
        });
        setResultAndStopExecution({ errors: [error] });
        return;
      }
    },
  };
}

/** Arguments whose type can contain an enum with an UNKNOWN value. */
function enumArgumentSites(schema: GraphQLSchema, document: DocumentNode): Site[] {
  const sites: Site[] = [];
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      [Kind.ARGUMENT]: (node: ArgumentNode) => {
        const type = typeInfo.getInputType();
        if (type && canHoldUnknown(type, new Set())) sites.push({ node, type });
      },
    }),
  );
  return sites;
}

function canHoldUnknown(type: GraphQLInputType, seen: Set<string>): boolean {
  const named = getNamedType(type);
  if (isEnumType(named)) return named.getValue(UNKNOWN) !== undefined;
  if (!isInputObjectType(named) || seen.has(named.name)) return false;
  seen.add(named.name);
  return Object.values(named.getFields()).some((field) => canHoldUnknown(field.type, seen));
}

/** The path to an UNKNOWN enum value inside a coerced argument value, if there is one. */
function unknownAt(type: GraphQLInputType, value: unknown, path: (string | number)[]): (string | number)[] | undefined {
  if (value === null || value === undefined) return undefined;
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    if (!Array.isArray(value)) return unknownAt(inner.ofType, value, path);
    for (const [index, item] of value.entries()) {
      const found = unknownAt(inner.ofType, item, [...path, index]);
      if (found) return found;
    }
    return undefined;
  }
  if (isEnumType(inner)) return value === UNKNOWN ? path : undefined;
  if (isInputObjectType(inner)) {
    for (const field of Object.values(inner.getFields())) {
      const found = unknownAt(field.type, (value as Record<string, unknown>)[field.name], [...path, field.name]);
      if (found) return found;
    }
  }
  return undefined;
}
