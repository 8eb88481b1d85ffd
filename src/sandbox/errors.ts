/** GenericErrorResponse helpers: `{ code, message, logId }` with a unique logId per response. */

export type ErrorCode =
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'VALIDATION_ERROR'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'INTERNAL_ERROR'
  | 'SANDBOX_FAULT';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const unauthorized = (msg: string) => new HttpError(401, 'UNAUTHORIZED', msg);
export const forbidden = (msg: string) => new HttpError(403, 'FORBIDDEN', msg);
export const notFound = (msg: string) => new HttpError(404, 'NOT_FOUND', msg);
export const badRequest = (msg: string) => new HttpError(400, 'VALIDATION_ERROR', msg);
export const conflict = (msg: string) => new HttpError(409, 'CONFLICT', msg);

let logSeq = 0;
const logPrefix = process.pid.toString(36);

/** Unique per response (process id + sequence). */
export function nextLogId(): string {
  logSeq += 1;
  return `sbx-${logPrefix}-${logSeq.toString(36).padStart(6, '0')}`;
}

export function errorJson(code: string, message: string): string {
  return JSON.stringify({ code, message, logId: nextLogId() });
}
