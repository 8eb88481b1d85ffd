import type { ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { GatewayContext } from '../context.ts';

/** Adds the errors that flag records shown with stand-ins (see resolvers/drift.ts) to the result, beside its data. */
export function useDriftErrors(): Plugin {
  return {
    onExecute({ args }) {
      const context = args.contextValue as unknown as GatewayContext;
      return {
        onExecuteDone({ result, setResult }) {
          const single = result as ExecutionResult;
          if (context.driftErrors.length === 0 || !('data' in single)) return;
          setResult({ ...single, errors: [...(single.errors ?? []), ...context.driftErrors] });
        },
      };
    },
  };
}
