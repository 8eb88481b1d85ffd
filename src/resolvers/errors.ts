import { GraphQLError, Kind, type ASTNode } from 'graphql';
import { UpstreamError } from '../upstream/errors.ts';
import type { FieldProblem } from '../upstream/field-problems.ts';

/** The stable codes clients switch on (`extensions.code`). */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'UPSTREAM_TIMEOUT'
  | 'UPSTREAM_UNAVAILABLE'
  | 'UPSTREAM_ERROR'
  | 'UPSTREAM_BUDGET_EXCEEDED'
  | 'RATE_LIMITED'
  | 'CONFLICT'
  | 'REQUEST_ABORTED';

/** The one table from an upstream failure to a GraphQL error code. */
export function codeFor(error: UpstreamError): ErrorCode {
  switch (error.kind) {
    case 'timeout':
    case 'deadline':
      return 'UPSTREAM_TIMEOUT';
    case 'unauthenticated':
      return 'UNAUTHENTICATED';
    case 'budget':
      return 'UPSTREAM_BUDGET_EXCEEDED';
    case 'unavailable':
      return 'UPSTREAM_UNAVAILABLE';
    case 'malformed':
      return 'UPSTREAM_ERROR';
    case 'invalid-input':
      return 'BAD_USER_INPUT';
    case 'aborted':
      return 'REQUEST_ABORTED';
    case 'http':
      if (error.status === 401) return 'UNAUTHENTICATED';
      if (error.status === 403) return 'FORBIDDEN';
      if (error.status === 404) return 'NOT_FOUND';
      if (error.status === 400 || error.status === 422) return 'BAD_USER_INPUT';
      if (error.status === 409) return 'CONFLICT';
      if (error.status === 429) return 'RATE_LIMITED';
      if (error.status !== undefined && error.status >= 500) return 'UPSTREAM_UNAVAILABLE';
      return 'UPSTREAM_ERROR';
  }
}

export interface ErrorExposure {
  /**
   * Pass the upstream's own message of a 5xx on to clients. Off in production:
   * such messages can name internal hosts or queries; logId, status and code stay.
   */
  upstreamServerMessages: boolean;
}

/**
 * Turns an UpstreamError (raised anywhere in a resolver) into the GraphQLError
 * the client sees, keeping the path and locations of the wrapping error. The
 * upstream's message, status, code and logId travel in `extensions`.
 * Returns undefined for anything that is not an upstream failure.
 */
export function toGraphQLError(error: unknown, exposure: ErrorExposure): GraphQLError | undefined {
  const wrapper = error instanceof GraphQLError ? error : undefined;
  const upstream = wrapper ? wrapper.originalError : error;
  if (!(upstream instanceof UpstreamError)) return undefined;
  const serverFailure = upstream.kind === 'http' && (upstream.status ?? 0) >= 500;
  const message =
    serverFailure && !exposure.upstreamServerMessages ? `The upstream service failed (HTTP ${upstream.status}).` : upstream.message;
  return new GraphQLError(message, {
    nodes: wrapper?.nodes,
    source: wrapper?.source,
    positions: wrapper?.positions,
    path: wrapper?.path,
    extensions: {
      code: codeFor(upstream),
      status: upstream.status,
      upstreamCode: upstream.code,
      logId: upstream.logId,
      operation: upstream.operationId,
      ...(upstream.retryAfter === undefined ? {} : { retryAfter: upstream.retryAfter }),
      ...(upstream.fields?.length ? { fields: formFields(upstream.fields, wrapper?.nodes?.[0]) } : {}),
      ...(upstream.kind === 'unauthenticated' ? { http: { status: 401 } } : {}),
    },
  });
}

/**
 * The upstream's field problems as paths of GraphQL arguments: a body built from
 * an `input` argument maps `email` to ['input', 'email']; a body built from the
 * field's own arguments (login's userCode, password) maps `userCode` to ['userCode'].
 */
function formFields(problems: readonly FieldProblem[], node: ASTNode | undefined): { path: (string | number)[]; message: string }[] {
  const fromInput = node?.kind === Kind.FIELD && node.arguments?.some((argument) => argument.name.value === 'input');
  return problems.map(({ pointer, message }) => ({ path: fromInput ? ['input', ...pointer] : pointer, message }));
}

export function badUserInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

/** For nullable single lookups: a 404 upstream means "no such thing", not an error. */
export async function nullIfNotFound<T>(promise: Promise<T>): Promise<T | null> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof UpstreamError && error.kind === 'http' && error.status === 404) return null;
    throw error;
  }
}
