import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { GraphQLError, type ValidationContext } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';

export interface Limits {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxDirectives: number;
  /** Hide "did you mean" suggestions (they reveal the schema when introspection is off). */
  blockFieldSuggestions: boolean;
}

/**
 * A refusal as a validation error with its own code: yoga then answers it with
 * HTTP 400 like any other invalid document (thrown, it would be a 200).
 */
function refuseWith(code: string) {
  return {
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) =>
        context?.reportError(new GraphQLError(error.message, { extensions: { code } })),
    ],
  };
}

/** graphql-armor's static checks: a hostile document is rejected at parse/validate, before any resolver runs. */
export function useQueryLimits(limits: Limits): Plugin {
  return EnvelopArmorPlugin({
    maxDepth: { n: limits.maxDepth, ...refuseWith('MAX_DEPTH_EXCEEDED') },
    maxAliases: { n: limits.maxAliases, ...refuseWith('MAX_ALIASES_EXCEEDED') },
    // Counted while parsing, before there is a document: refused as a parse error (GRAPHQL_PARSE_FAILED, 400).
    maxTokens: { n: limits.maxTokens },
    // The cost limit is list-aware and needs the request's variables: plugins/query-cost.ts.
    costLimit: { enabled: false },
    maxDirectives: { n: limits.maxDirectives, ...refuseWith('MAX_DIRECTIVES_EXCEEDED') },
    blockFieldSuggestion: { enabled: limits.blockFieldSuggestions },
  });
}

/** Refuses a request body larger than the limit before it is read. */
export function useBodyLimit(maxBytes: number): Plugin {
  return {
    onRequest(event) {
      const { request, fetchAPI } = event;
      if (request.method !== 'POST') return;
      const length = request.headers.get('content-length');
      // Why require a length: a chunked body could be of any size and would be read before any check.
      const tooLarge = length === null ? request.headers.has('transfer-encoding') : Number(length) > maxBytes;
      if (!tooLarge) return;
      const error = createGraphQLError(`Request body larger than ${maxBytes} bytes (or of unknown length)`, {
        extensions: { code: 'PAYLOAD_TOO_LARGE' },
      });
      event.endResponse(
        new fetchAPI.Response(JSON.stringify({ errors: [error.toJSON()] }), {
          status: 413,
          headers: { 'content-type': 'application/json' },
        }),
      );
    },
  };
}
