import { ROOT_CONTEXT, SpanKind, SpanStatusCode, context, propagation, trace, type Context, type Span } from '@opentelemetry/api';
import { GraphQLError, getOperationAST, type ExecutionArgs, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { requestState } from '../observability/request-state.ts';
import { TRACER_NAME } from '../observability/tracing.ts';
import { MAX_LOGGED_NAME } from './request-log.ts';

/**
 * One SERVER span per GraphQL operation, named `query Me` (type and name of the operation
 * that ran; `GraphQL Operation` when none did), child of the client's `traceparent`. It is
 * the active span while the operation runs, so the upstream calls of its resolvers are its
 * children. Its trace id goes to the request's log line and to every error's
 * `extensions.traceId`. Nothing of the document or its variables is recorded.
 *
 * Installed only when tracing is on. A yoga `instrumentation` wraps the whole operation, so
 * the span is active whichever executor runs it (graphql-jit included), whatever the plugin order.
 */
export function useTracing(): Plugin {
  const tracer = trace.getTracer(TRACER_NAME);
  const spans = new WeakMap<Request, Span>();
  return {
    instrumentation: {
      async operation({ request }, wrapped) {
        const parent = clientParent(request);
        const span = tracer.startSpan('GraphQL Operation', { kind: SpanKind.SERVER }, parent);
        spans.set(request, span);
        requestState(request).traceId = span.spanContext().traceId;
        try {
          await context.with(trace.setSpan(parent, span), wrapped);
        } catch (error) {
          // Thrown before execution (e.g. a syntax error). Its message may quote the document: not recorded.
          span.setStatus({ code: SpanStatusCode.ERROR });
          throw error;
        } finally {
          span.end();
        }
      },
    },
    onExecute({ args }) {
      const { document, operationName, contextValue } = args as ExecutionArgs;
      const span = spans.get((contextValue as { request: Request }).request);
      const operation = getOperationAST(document, operationName);
      if (!span || !operation) return;
      const name = operation.name?.value.slice(0, MAX_LOGGED_NAME);
      span.updateName(name ? `${operation.operation} ${name}` : operation.operation);
      span.setAttributes({ 'graphql.operation.type': operation.operation, ...(name ? { 'graphql.operation.name': name } : {}) });
    },
    onExecutionResult({ request, result }) {
      // Errors are masked by now, so their codes are the ones clients see (never their messages: they may hold user data).
      const errors = singleResult(result)?.errors;
      if (!errors?.length) return;
      const codes = new Set(
        errors.map(({ extensions }) => (typeof extensions?.code === 'string' ? extensions.code : 'INTERNAL_SERVER_ERROR')),
      );
      spans.get(request)?.setStatus({ code: SpanStatusCode.ERROR, message: [...codes].join(' ') });
    },
    onResultProcess(payload) {
      const traceId = requestState(payload.request).traceId;
      const single = singleResult(payload.result);
      if (traceId === undefined || !single?.errors?.length) return;
      payload.setResult({ ...single, errors: single.errors.map((error) => withTraceId(error, traceId)) });
    },
  };
}

/** Only the client's `traceparent` is read (it is the one trace header forwarded upstream); a malformed one is ignored. */
function clientParent(request: Request): Context {
  const traceparent = request.headers.get('traceparent');
  return traceparent === null ? ROOT_CONTEXT : propagation.extract(ROOT_CONTEXT, { traceparent });
}

/** The one result of a request (batching is off and there are no subscriptions). */
function singleResult<R extends ExecutionResult>(result: R | R[] | AsyncIterable<R> | undefined): R | undefined {
  return result === undefined || Array.isArray(result) || Symbol.asyncIterator in result ? undefined : result;
}

function withTraceId(error: GraphQLError, traceId: string): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...error.extensions, traceId },
  });
}
