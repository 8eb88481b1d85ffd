/**
 * Every failure of an upstream call becomes one UpstreamError. `kind` says what
 * went wrong so the GraphQL layer can map it without parsing messages:
 * - http:        the upstream answered with a non-2xx status (status, code, message, logId set)
 * - timeout:     no answer (headers or body) within the per-call timeout
 * - unavailable: the connection was refused, reset or dropped
 * - malformed:   a 2xx answer whose body is not the JSON we expected
 * - invalid-input: the call was refused before it left the process (e.g. a bad UID)
 * - aborted:     the caller went away (client disconnect, request deadline)
 */
export type UpstreamErrorKind = 'http' | 'timeout' | 'unavailable' | 'malformed' | 'invalid-input' | 'aborted';

export interface UpstreamErrorDetails {
  kind: UpstreamErrorKind;
  operationId: string;
  status?: number;
  code?: string;
  logId?: string;
  cause?: unknown;
}

export class UpstreamError extends Error {
  readonly kind: UpstreamErrorKind;
  readonly operationId: string;
  readonly status?: number;
  readonly code?: string;
  readonly logId?: string;

  constructor(message: string, details: UpstreamErrorDetails) {
    super(message, { cause: details.cause });
    this.name = 'UpstreamError';
    this.kind = details.kind;
    this.operationId = details.operationId;
    this.status = details.status;
    this.code = details.code;
    this.logId = details.logId;
  }
}
