import type { ExecutionResult } from 'graphql';
import { handleStreamOrSingleExecutionResult, type Plugin } from 'graphql-yoga';
import type { GatewayContext } from '../context.ts';

/** One payload of a result: the whole result, or a part of an incremental (@defer) one. */
interface Payload extends ExecutionResult {
  incremental?: { errors?: readonly unknown[] }[];
}

/**
 * Adds the errors that flag records shown with stand-ins (see resolvers/drift.ts) to the result,
 * beside its data; with @defer, each to the part that carries the record.
 */
export function useDriftErrors(): Plugin {
  return {
    onExecute({ args }) {
      const context = args.contextValue as unknown as GatewayContext;
      let reported = 0;
      return {
        onExecuteDone: (payload) =>
          handleStreamOrSingleExecutionResult(payload, ({ result, setResult }) => {
            const fresh = context.driftErrors.slice(reported);
            if (fresh.length === 0) return;
            const part = result as Payload;
            const items = part.incremental ?? [];
            if ('data' in part) setResult({ ...part, errors: [...(part.errors ?? []), ...fresh] });
            else if (items.length > 0) {
              const last = items[items.length - 1];
              const incremental = [...items.slice(0, -1), { ...last, errors: [...(last.errors ?? []), ...fresh] }];
              setResult({ ...part, incremental } as ExecutionResult);
            } else return;
            reported = context.driftErrors.length;
          }),
      };
    },
  };
}
