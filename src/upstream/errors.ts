import type { FieldProblem } from './field-problems.ts';

/**
 * Every failure of an upstream call becomes one UpstreamError. `kind` says what
 * went wrong so the GraphQL layer can map it without parsing messages:
 * - http:          the upstream answered with a non-2xx status (status, code, message, logId set)
 * - timeout:       no complete answer within the per-call timeout (UPSTREAM_TIMEOUT_MS)
 * - unavailable:   the connection was refused, reset or dropped, or the circuit is open
 * - malformed:     a 2xx answer whose body is not the JSON we expected, or is too large
 * - invalid-input: the call was refused before it left the process (a bad UID or header value)
 * - unauthenticated: the caller has no usable bearer credential; nothing was sent
 * - deadline:      the caller's own request deadline ran out (before or during the call)
 * - budget:        the request has made as many upstream calls as it may (nothing was sent)
 * - aborted:       the caller went away (client disconnect)
 *
 * Only timeout, unavailable and 5xx say "the upstream is unwell" (see isUpstreamFailure);
 * everything the caller brought on itself never counts against the upstream.
 */
export type UpstreamErrorKind =
  'http' | 'timeout' | 'unavailable' | 'malformed' | 'invalid-input' | 'unauthenticated' | 'deadline' | 'budget' | 'aborted';

export interface UpstreamErrorDetails {
  kind: UpstreamErrorKind;
  operationId: string;
  status?: number;
  code?: string;
  logId?: string;
  /** Seconds the upstream asked us to wait before trying again (`Retry-After`). */
  retryAfter?: number;
  /** For a 400/422: the request-body fields the upstream's message names. */
  fields?: FieldProblem[];
  cause?: unknown;
}

export class UpstreamError extends Error {
  readonly kind: UpstreamErrorKind;
  readonly operationId: string;
  readonly status?: number;
  readonly code?: string;
  readonly logId?: string;
  readonly retryAfter?: number;
  readonly fields?: FieldProblem[];

  constructor(message: string, details: UpstreamErrorDetails) {
    super(message, { cause: details.cause });
    this.name = 'UpstreamError';
    this.kind = details.kind;
    this.operationId = details.operationId;
    this.status = details.status;
    this.code = details.code;
    this.logId = details.logId;
    this.retryAfter = details.retryAfter;
    this.fields = details.fields;
  }
}

/** Only failures that say "the upstream is unwell" count; 4xx answers are the upstream working. */
export function isUpstreamFailure(error: unknown): boolean {
  if (!(error instanceof UpstreamError)) return false;
  if (error.kind === 'timeout' || error.kind === 'unavailable') return error.code !== 'CIRCUIT_OPEN';
  return error.kind === 'http' && (error.status ?? 0) >= 500;
}
