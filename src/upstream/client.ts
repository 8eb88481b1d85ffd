import { Pool, errors as undiciErrors } from 'undici';
import { setTimeout as sleep } from 'node:timers/promises';
import { UpstreamCircuit, type CircuitOptions } from './circuit.ts';
import { UpstreamError, type UpstreamErrorKind } from './errors.ts';
import { OPERATIONS, type OperationId, type ResponseOf } from './operations.ts';
import { missingRequiredKey } from './response-shape.ts';

/** The spec's UID pattern, anchored (the spec's own pattern lacks the `$`). */
export const UID_PATTERN = /^[A-Za-z0-9_-]+$/;

export interface UpstreamOptions {
  /** Base URL of the REST API including its path prefix, e.g. https://api.stage.flowretail.com/v2 */
  baseUrl: string;
  /** Per-call limit for the response headers and, separately, for the body. */
  timeoutMs?: number;
  /** Keep-alive connections per upstream. */
  connections?: number;
  /** Extra attempts for idempotent GETs after a connection error or a 502/503/504. */
  retries?: number;
  /** First retry delay; doubles per attempt, with full jitter. */
  retryBaseMs?: number;
  circuit?: CircuitOptions;
}

/** What the gateway learns about each upstream call (metrics, logs, debug extensions). */
export interface CallInfo {
  operationId: OperationId;
  method: string;
  path: string;
  status?: number;
  errorKind?: UpstreamErrorKind;
  durationMs: number;
  /** Answered from the gateway's tenant cache: no REST call was made. */
  cached?: boolean;
}

/** Who is calling: the values taken from the client's request and forwarded upstream. */
export interface Caller {
  authorization?: string;
  acceptLanguage?: string;
  requestId?: string;
  traceparent?: string;
  /** Aborts the caller's calls (the client went away). */
  signal?: AbortSignal;
  /** performance.now() by which every call of this caller must be done (the request's deadline). */
  deadline?: number;
  onCall?: (info: CallInfo) => void;
}

export interface CallInput {
  path?: Record<string, string>;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
}

/** One per process: the connection pool to the upstream. */
export class FlowUpstream {
  readonly pool: Pool;
  readonly origin: string;
  readonly basePath: string;
  readonly timeoutMs: number;
  readonly retries: number;
  readonly retryBaseMs: number;
  readonly circuit: UpstreamCircuit;

  constructor(options: UpstreamOptions) {
    const url = new URL(options.baseUrl);
    this.origin = url.origin;
    this.basePath = url.pathname.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.retries = options.retries ?? 2;
    this.retryBaseMs = options.retryBaseMs ?? 50;
    this.circuit = new UpstreamCircuit(options.circuit);
    this.pool = new Pool(this.origin, {
      connections: options.connections ?? 64,
      keepAliveTimeout: 30_000,
      pipelining: 1,
    });
  }

  /** A client bound to one caller (one GraphQL request). */
  as(caller: Caller): FlowClient {
    return new FlowClient(this, caller);
  }

  close(): Promise<void> {
    this.circuit.shutdown();
    return this.pool.close();
  }
}

/**
 * The REST client of one caller. Its single `call` sets auth and forwarded
 * headers, validates and encodes path parameters, applies the timeout, parses
 * JSON only for JSON responses, treats 204 as empty, and turns every failure
 * into an UpstreamError.
 */
export class FlowClient {
  constructor(
    readonly upstream: FlowUpstream,
    readonly caller: Caller,
  ) {}

  async call<O extends OperationId>(operationId: O, input: CallInput = {}): Promise<ResponseOf<O>> {
    const { upstream } = this;
    // Why only GETs: a POST/PUT/DELETE may have taken effect before the failure; repeating it is not safe.
    const attempts = OPERATIONS[operationId].method === 'GET' ? 1 + upstream.retries : 1;
    for (let attempt = 1; ; attempt++) {
      try {
        return await upstream.circuit.run(operationId, () => this.attempt(operationId, input));
      } catch (error) {
        // Exponential backoff with full jitter, so retries of many callers do not arrive together.
        const backoff = Math.random() * upstream.retryBaseMs * 2 ** (attempt - 1);
        if (attempt >= attempts || !isRetryable(error) || this.caller.signal?.aborted || this.remainingMs() <= backoff) throw error;
        await sleep(backoff);
      }
    }
  }

  /** Time left before the caller's deadline (Infinity without one). */
  private remainingMs(): number {
    return this.caller.deadline === undefined ? Infinity : this.caller.deadline - performance.now();
  }

  private async attempt<O extends OperationId>(operationId: O, input: CallInput): Promise<ResponseOf<O>> {
    const { method, path: template } = OPERATIONS[operationId];
    // Why not a timer per request: undici's own timeouts, cut to what is left of the deadline, cost nothing extra.
    const timeout = Math.min(this.upstream.timeoutMs, this.remainingMs());
    if (timeout <= 0) {
      throw new UpstreamError(`Upstream ${operationId} not called: the request deadline has passed`, { kind: 'timeout', operationId });
    }
    const path = this.upstream.basePath + renderPath(operationId, template, input.path) + renderQuery(input.query);
    const started = performance.now();
    const report = (status?: number, errorKind?: UpstreamErrorKind) =>
      this.caller.onCall?.({ operationId, method, path: template, status, errorKind, durationMs: performance.now() - started });
    try {
      const response = await this.upstream.pool.request({
        method,
        path,
        headers: this.headers(input),
        body: input.body === undefined ? undefined : JSON.stringify(input.body),
        headersTimeout: timeout,
        bodyTimeout: timeout,
        signal: this.caller.signal,
      });
      const status = response.statusCode;
      const text = await response.body.text();
      const isJson = String(response.headers['content-type'] ?? '').includes('json');
      if (status < 200 || status >= 300) {
        report(status, 'http');
        throw httpError(operationId, status, isJson ? tryParse(text) : undefined);
      }
      report(status);
      if (status === 204 || text === '') return undefined as ResponseOf<O>;
      const parsed = isJson ? tryParse(text) : undefined;
      if (parsed === undefined || typeof parsed !== 'object' || parsed === null) {
        throw new UpstreamError(`Upstream ${operationId} answered ${status} with a body that is not a JSON object`, {
          kind: 'malformed',
          operationId,
          status,
        });
      }
      const missing = missingRequiredKey(operationId, parsed);
      if (missing) {
        throw new UpstreamError(`Upstream ${operationId} answered ${status} without the required field "${missing}"`, {
          kind: 'malformed',
          operationId,
          status,
        });
      }
      return parsed as unknown as ResponseOf<O>;
    } catch (error) {
      if (error instanceof UpstreamError) throw error;
      const translated = transportError(operationId, error);
      report(undefined, translated.kind);
      throw translated;
    }
  }

  private headers(input: CallInput): Record<string, string> {
    const { authorization, acceptLanguage, requestId, traceparent } = this.caller;
    const headers: Record<string, string> = { accept: 'application/json', ...input.headers };
    if (input.body !== undefined) headers['content-type'] = 'application/json';
    if (authorization) headers.authorization = authorization;
    if (acceptLanguage) headers['accept-language'] = acceptLanguage;
    if (requestId) headers['x-request-id'] = requestId;
    if (traceparent) headers.traceparent = traceparent;
    return headers;
  }
}

function renderPath(operationId: OperationId, template: string, params: Record<string, string> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    // Why: a UID like `../admin` or `t1?x=1` must never shape the upstream URL.
    if (typeof value !== 'string' || !UID_PATTERN.test(value)) {
      throw new UpstreamError(`Invalid ${name}: must match ${UID_PATTERN.source}`, {
        kind: 'invalid-input',
        operationId,
        code: 'INVALID_UID',
      });
    }
    return encodeURIComponent(value);
  });
}

function renderQuery(query: CallInput['query']): string {
  if (!query) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

function isRetryable(error: unknown): boolean {
  if (!(error instanceof UpstreamError) || error.code === 'CIRCUIT_OPEN') return false;
  return error.kind === 'unavailable' || (error.kind === 'http' && [502, 503, 504].includes(error.status ?? 0));
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function httpError(operationId: OperationId, status: number, body: unknown): UpstreamError {
  const fields = (body && typeof body === 'object' ? body : {}) as { code?: unknown; message?: unknown; logId?: unknown };
  const str = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return new UpstreamError(str(fields.message) ?? `Upstream ${operationId} answered HTTP ${status}`, {
    kind: 'http',
    operationId,
    status,
    code: str(fields.code),
    logId: str(fields.logId),
  });
}

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);

function transportError(operationId: OperationId, error: unknown): UpstreamError {
  const code = (error as { code?: string } | undefined)?.code ?? '';
  if (error instanceof undiciErrors.RequestAbortedError || (error as Error | undefined)?.name === 'AbortError') {
    return new UpstreamError(`Upstream ${operationId} was aborted`, { kind: 'aborted', operationId, cause: error });
  }
  if (TIMEOUT_CODES.has(code)) {
    return new UpstreamError(`Upstream ${operationId} timed out`, { kind: 'timeout', operationId, cause: error });
  }
  return new UpstreamError(`Upstream ${operationId} is unavailable (${code || (error as Error)?.message})`, {
    kind: 'unavailable',
    operationId,
    cause: error,
  });
}
