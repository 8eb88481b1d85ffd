import { complexityFromQuery } from '@pothos/plugin-complexity';
import {
  GraphQLError,
  Kind,
  isObjectType,
  visit,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValueNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * The list-aware cost limit: before anything executes, the operation's cost
 * (upstream calls it may make, with each list field's `pageSize` multiplying
 * what is below it; see schema/cost.ts) is computed by @pothos/plugin-complexity
 * with the request's own variables, and an operation over `maxCost` is refused
 * with QUERY_TOO_EXPENSIVE (HTTP 400), its cost and the limit. It runs per
 * request, not as a cached validation rule, because the cost can depend on
 * variables (`users(pageSize: $n)`); when it cannot, it is computed once per
 * document.
 */
export function useQueryCost(maxCost: number): Plugin {
  let costFields: ReadonlySet<string> | undefined;
  /** Per document and operation name: its cost, when no variable can change it. */
  const fixedCosts = new WeakMap<DocumentNode, Map<string, number>>();
  return {
    onExecute({ args: envelopArgs, setResultAndStopExecution }) {
      const args = envelopArgs as ExecutionArgs;
      costFields ??= fieldsWithComputedCost(args.schema);
      const name = args.operationName ?? '';
      let fixed = fixedCosts.get(args.document);
      let cost = fixed?.get(name);
      if (cost === undefined) {
        const operation = selectedOperation(args.document, args.operationName);
        if (!operation) return; // execution reports the unknown operation
        try {
          cost = complexityFromQuery(
            {
              kind: Kind.DOCUMENT,
              definitions: [operation, ...args.document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION)],
            },
            { schema: args.schema, ctx: args.contextValue as object, variables: args.variableValues ?? {} },
          ).complexity;
        } catch {
          return; // bad variable values: execution answers them as usual (400)
        }
        if (!costDependsOnVariables(args.document, costFields)) {
          if (!fixed) fixedCosts.set(args.document, (fixed = new Map<string, number>()));
          fixed.set(name, cost);
        }
      }
      if (cost <= maxCost) return;
      const error = new GraphQLError(
        `Query too expensive: its cost is ${cost}, the limit is ${maxCost} (cost counts the upstream calls it may make; lower pageSize or select less under lists).`,
        { extensions: { code: 'QUERY_TOO_EXPENSIVE', cost, limit: maxCost, http: { status: 400 } } },
      );
      setResultAndStopExecution({ errors: [error] });
    },
  };
}

function selectedOperation(document: DocumentNode, operationName: string | null | undefined): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return operationName ? operations.find((op) => op.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
}

/** Names of the fields whose cost is computed from their arguments (e.g. a page size). */
function fieldsWithComputedCost(schema: GraphQLSchema): ReadonlySet<string> {
  const names = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) if (typeof field.extensions.complexity === 'function') names.add(field.name);
  }
  return names;
}

/** True when an argument of a field whose cost is computed is given by a variable. */
function costDependsOnVariables(document: DocumentNode, costFields: ReadonlySet<string>): boolean {
  let depends = false;
  visit(document, {
    Field(node) {
      if (costFields.has(node.name.value) && node.arguments?.some((argument) => hasVariable(argument.value))) depends = true;
    },
  });
  return depends;
}

function hasVariable(value: ValueNode): boolean {
  if (value.kind === Kind.VARIABLE) return true;
  if (value.kind === Kind.LIST) return value.values.some(hasVariable);
  if (value.kind === Kind.OBJECT) return value.fields.some((field) => hasVariable(field.value));
  return false;
}
