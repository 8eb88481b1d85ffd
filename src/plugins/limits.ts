import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { createGraphQLError, type Plugin } from 'graphql-yoga';

export interface Limits {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxCost: number;
  maxDirectives: number;
  /** Hide "did you mean" suggestions (they reveal the schema when introspection is off). */
  blockFieldSuggestions: boolean;
}

/** graphql-armor's static checks: a hostile document is rejected at parse/validate, before any resolver runs. */
export function useQueryLimits(limits: Limits): Plugin {
  return EnvelopArmorPlugin({
    maxDepth: { n: limits.maxDepth },
    maxAliases: { n: limits.maxAliases },
    maxTokens: { n: limits.maxTokens },
    costLimit: { maxCost: limits.maxCost },
    maxDirectives: { n: limits.maxDirectives },
    blockFieldSuggestion: { enabled: limits.blockFieldSuggestions },
  }) as Plugin;
}

/** Refuses a request body larger than the limit before it is read. */
export function useBodyLimit(maxBytes: number): Plugin {
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      if (request.method !== 'POST') return;
      const length = request.headers.get('content-length');
      // Why require a length: a chunked body could be of any size and would be read before any check.
      const tooLarge = length === null ? request.headers.has('transfer-encoding') : Number(length) > maxBytes;
      if (!tooLarge) return;
      const error = createGraphQLError(`Request body larger than ${maxBytes} bytes (or of unknown length)`, {
        extensions: { code: 'PAYLOAD_TOO_LARGE' },
      });
      endResponse(
        new fetchAPI.Response(JSON.stringify({ errors: [error.toJSON()] }), {
          status: 413,
          headers: { 'content-type': 'application/json' },
        }),
      );
    },
  };
}
