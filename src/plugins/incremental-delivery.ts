import { BREAK, GraphQLError, visit, type DocumentNode, type ExecutionArgs } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { useDeferStream } from '@graphql-yoga/plugin-defer-stream';

const incremental = new WeakMap<DocumentNode, boolean>();

/** Whether the document asks for incremental delivery (@defer or @stream) anywhere. */
export function deliversIncrementally(document: DocumentNode): boolean {
  let found = incremental.get(document);
  if (found !== undefined) return found;
  found = false;
  visit(document, {
    Directive(node) {
      if (node.name.value !== 'defer' && node.name.value !== 'stream') return;
      found = true;
      return BREAK;
    },
  });
  incremental.set(document, found);
  return found;
}

/** Media ranges under which a multipart/mixed or text/event-stream answer is acceptable. */
const STREAMING = new Set(['*/*', 'multipart/*', 'multipart/mixed', 'text/*', 'text/event-stream']);

function acceptsStreaming(accept: string | null): boolean {
  if (!accept) return true;
  return accept.split(',').some((range) => STREAMING.has(range.split(';')[0].trim().toLowerCase()));
}

/**
 * @defer and @stream (yoga's plugin, on yoga's own executor: multipart/mixed or server-sent events).
 * An operation using them from a client that accepts only one JSON answer is refused before it runs
 * (the plugin alone would run it, upstream calls and all, and then answer an empty 406).
 */
export function useIncrementalDelivery(): Plugin[] {
  const refuseUnacceptable: Plugin = {
    onExecute({ args: envelopArgs, setResultAndStopExecution }) {
      const args = envelopArgs as ExecutionArgs;
      if (!deliversIncrementally(args.document)) return;
      const { request } = args.contextValue as { request: Request };
      if (acceptsStreaming(request.headers.get('accept'))) return;
      setResultAndStopExecution({
        errors: [
          new GraphQLError(
            'This operation uses @defer or @stream: send `Accept: multipart/mixed` (or `text/event-stream`) to receive its parts.',
            {
              extensions: { code: 'INCREMENTAL_DELIVERY_NOT_ACCEPTED', http: { status: 406 } },
            },
          ),
        ],
      });
    },
  };
  return [useDeferStream(), refuseUnacceptable];
}
