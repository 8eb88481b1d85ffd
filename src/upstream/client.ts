import { Pool, errors as undiciErrors } from 'undici';
import type { IncomingHttpHeaders } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { UpstreamCircuit, type CircuitOptions } from './circuit.ts';
import { parseAuthorization, type Credential } from './credentials.ts';
import { UpstreamError, type UpstreamErrorKind } from './errors.ts';
import { OPERATIONS, type HttpMethod, type OperationId, type ResponseOf } from '../spec/operations.ts';
import { conform, type DriftEvent } from './conformance.ts';
import { fieldProblems } from './field-problems.ts';

/** The spec's UID pattern, anchored (the spec's own pattern lacks the `$`). */
export const UID_PATTERN = /^[A-Za-z0-9_-]+$/;

/** Printable ASCII: what a header value built from client input may hold (no CR/LF, no control or non-ASCII bytes). */
const HEADER_VALUE = /^[\x20-\x7e]*$/;

export interface UpstreamOptions {
  /** Base URL of the REST API including its path prefix, e.g. https://api.stage.flowretail.com/v2 */
  baseUrl: string;
  /** Per-call limit for the whole answer: headers and body. */
  timeoutMs?: number;
  /** Keep-alive connections per upstream. */
  connections?: number;
  /** Largest response body accepted; a larger one is aborted as malformed. */
  maxBodyBytes?: number;
  /** Extra attempts for idempotent GETs after a connection error or a 502/503/504. */
  retries?: number;
  /** First retry delay; doubles per attempt, with full jitter. */
  retryBaseMs?: number;
  circuit?: CircuitOptions;
  /**
   * The response header in which POST /tenants/{tenantUid}/account sends the access token it issues:
   * the spec gives that answer no body field for it. Assumed x-access-token, where the sandbox puts it.
   */
  accessTokenHeader?: string;
  /** Traces every attempt (only when tracing is on). */
  tracer?: CallTracer;
}

/** What the gateway learns about each upstream call (metrics, logs, debug extensions). */
export interface CallInfo {
  operationId: OperationId;
  method: string;
  path: string;
  status?: number;
  errorKind?: UpstreamErrorKind;
  durationMs: number;
  /** The tenant the call was about, when its path names one. */
  tenantUid?: string;
  /** The call carried the caller's bearer credential. */
  withCredential?: boolean;
  /** Answered from the gateway's tenant cache: no REST call was made. */
  cached?: boolean;
  /** Which tier of the tenant cache answered (with `cached`). */
  cacheTier?: 'local' | 'shared';
}

/** The span of one attempt of an upstream call (see CallTracer). */
export interface CallSpan {
  /** The call's headers with this span's context as `traceparent` (in place of the client's). */
  readonly headers: Record<string, string>;
  end(status: number | undefined, errorKind?: UpstreamErrorKind): void;
}

/** Traces upstream calls, one span per attempt; set only when tracing is on, so calls pay nothing otherwise. */
export interface CallTracer {
  start(call: Pick<PreparedCall, 'operationId' | 'method' | 'template' | 'headers'>, attempt: number): CallSpan;
}

/** Who is calling: the values taken from the client's request and forwarded upstream. */
export interface Caller {
  /** The client's `Authorization` header as received; only a well-formed bearer credential is ever sent. */
  authorization?: string;
  acceptLanguage?: string;
  requestId?: string;
  traceparent?: string;
  /** Aborts the caller's calls (the client went away). */
  signal?: AbortSignal;
  /** performance.now() by which every call of this caller must be done (the request's deadline). */
  deadline?: number;
  /** Calls this caller may still make (shared by every client of one GraphQL request); unlimited when absent. */
  budget?: { remaining: number };
  onCall?: (info: CallInfo) => void;
  /** Departures from the spec found in an answer (after they were repaired). */
  onDrift?: (events: DriftEvent[]) => void;
}

export interface CallInput {
  path?: Record<string, string>;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  /** Sees the headers of a successful answer (for what an operation answers outside its body). */
  onHeaders?: (headers: IncomingHttpHeaders) => void;
}

/** A call checked and built before it goes anywhere near the circuit or the network. */
export interface PreparedCall {
  operationId: OperationId;
  method: HttpMethod;
  template: string;
  tenantUid?: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  onHeaders?: (headers: IncomingHttpHeaders) => void;
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
  readonly accessTokenHeader: string;
  readonly tracer?: CallTracer;

  constructor(options: UpstreamOptions) {
    const url = new URL(options.baseUrl);
    this.origin = url.origin;
    this.basePath = url.pathname.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.retries = options.retries ?? 2;
    this.retryBaseMs = options.retryBaseMs ?? 50;
    this.accessTokenHeader = (options.accessTokenHeader ?? 'x-access-token').toLowerCase();
    this.tracer = options.tracer;
    this.circuit = new UpstreamCircuit(options.circuit);
    this.pool = new Pool(this.origin, {
      connections: options.connections ?? 64,
      keepAliveTimeout: 30_000,
      pipelining: 1,
      // undici counts the bytes as they arrive and destroys the socket past the limit.
      maxResponseSize: options.maxBodyBytes ?? 10_000_000,
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

/** Why a call was aborted by us: the abort reason tells a per-call timeout from the request's deadline. */
class AbortReason extends Error {
  constructor(readonly kind: 'timeout' | 'deadline') {
    super(kind);
  }
}
const CALL_TIMEOUT = new AbortReason('timeout');
const REQUEST_DEADLINE = new AbortReason('deadline');

/**
 * The REST client of one caller. Its single `call` checks the caller's
 * credential and every value that shapes the request (path UIDs, header
 * values) before anything else, then sets auth and forwarded headers, bounds
 * the whole call (headers and body) by the per-call timeout and the request's
 * deadline, parses JSON only for JSON responses, treats 204 as empty, and
 * turns every failure into an UpstreamError.
 */
export class FlowClient {
  readonly credential: Credential;
  /** In-flight calls, aborted together when the client goes away. */
  private readonly active = new Set<AbortController>();

  constructor(
    readonly upstream: FlowUpstream,
    readonly caller: Caller,
  ) {
    this.credential = parseAuthorization(caller.authorization);
    caller.signal?.addEventListener(
      'abort',
      () => {
        for (const controller of this.active) controller.abort(caller.signal?.reason);
      },
      { once: true },
    );
  }

  async call<O extends OperationId>(operationId: O, input: CallInput = {}): Promise<ResponseOf<O>> {
    const { upstream } = this;
    const prepared = this.prepare(operationId, input);
    // Why only GETs: a POST/PUT/DELETE may have taken effect before the failure; repeating it is not safe.
    const attempts = prepared.method === 'GET' ? 1 + upstream.retries : 1;
    for (let attempt = 1; ; attempt++) {
      // The caller's own deadline and budget are checked outside the circuit: running out is not an upstream failure.
      if (this.remainingMs() <= 0) throw deadlineError(operationId, 'not called');
      this.spendBudget(operationId);
      try {
        return (await upstream.circuit.run(operationId, () => this.send(prepared, attempt))) as ResponseOf<O>;
      } catch (error) {
        const wait = retryDelay(error, attempt, upstream.retryBaseMs);
        if (attempt >= attempts || wait === undefined || this.caller.signal?.aborted || this.remainingMs() <= wait) throw error;
        await sleep(wait);
      }
    }
  }

  /** Time left before the caller's deadline (Infinity without one). */
  private remainingMs(): number {
    return this.caller.deadline === undefined ? Infinity : this.caller.deadline - performance.now();
  }

  /** Refuses an operation that needs a bearer token when the caller has no usable one: nothing is sent. */
  requireCredential(operationId: OperationId): void {
    if (OPERATIONS[operationId].security === null || this.credential.kind === 'bearer') return;
    const reason = this.credential.kind === 'invalid' ? this.credential.reason : 'send an Authorization header';
    throw new UpstreamError(`Missing or unusable bearer token: ${reason}`, { kind: 'unauthenticated', operationId });
  }

  private spendBudget(operationId: OperationId): void {
    const { budget } = this.caller;
    if (!budget) return;
    if (budget.remaining <= 0) {
      throw new UpstreamError(`Upstream ${operationId} not called: this request has used its budget of upstream calls`, {
        kind: 'budget',
        operationId,
        code: 'UPSTREAM_BUDGET_EXCEEDED',
      });
    }
    budget.remaining--;
  }

  /** Everything that can be refused without the upstream is refused here, so it is never retried or counted. */
  private prepare(operationId: OperationId, input: CallInput): PreparedCall {
    this.requireCredential(operationId);
    const { method, path: template } = OPERATIONS[operationId];
    return {
      operationId,
      method,
      template,
      tenantUid: input.path?.tenantUid,
      path: this.upstream.basePath + renderPath(operationId, template, input.path) + renderQuery(input.query),
      headers: this.headers(operationId, input),
      body: input.body === undefined ? undefined : JSON.stringify(input.body),
      onHeaders: input.onHeaders,
    };
  }

  private async send(call: PreparedCall, attempt: number): Promise<unknown> {
    const { operationId, method, template, tenantUid } = call;
    const withCredential = 'authorization' in call.headers;
    const started = performance.now();
    const span = this.upstream.tracer?.start(call, attempt);
    const report = (status?: number, errorKind?: UpstreamErrorKind) => {
      span?.end(status, errorKind);
      this.caller.onCall?.({
        operationId,
        method,
        path: template,
        status,
        errorKind,
        durationMs: performance.now() - started,
        tenantUid,
        withCredential,
      });
    };
    // One timer bounds the whole call, headers and body: undici's own timeouts are per chunk, so a
    // body trickling in one byte at a time would never trip them.
    const remaining = this.remainingMs();
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(remaining < this.upstream.timeoutMs ? REQUEST_DEADLINE : CALL_TIMEOUT),
      Math.min(this.upstream.timeoutMs, remaining),
    );
    this.active.add(controller);
    if (this.caller.signal?.aborted) controller.abort(this.caller.signal.reason);
    try {
      const response = await this.upstream.pool.request({
        method,
        path: call.path,
        headers: span?.headers ?? call.headers,
        body: call.body,
        signal: controller.signal,
      });
      const status = response.statusCode;
      const text = await response.body.text();
      const isJson = String(response.headers['content-type'] ?? '').includes('json');
      if (status < 200 || status >= 300) {
        report(status, 'http');
        throw httpError(operationId, status, isJson ? tryParse(text) : undefined, retryAfterSeconds(response.headers['retry-after']));
      }
      report(status);
      if (status === 204 || text === '') {
        call.onHeaders?.(response.headers);
        return undefined;
      }
      const parsed = isJson ? tryParse(text) : undefined;
      if (parsed === undefined || typeof parsed !== 'object' || parsed === null) {
        throw malformed(operationId, status, 'a body that is not a JSON object');
      }
      const conformed = conform(operationId, parsed);
      if ('notThisAnswer' in conformed) throw malformed(operationId, status, conformed.notThisAnswer);
      if (conformed.events.length > 0) this.caller.onDrift?.(conformed.events);
      call.onHeaders?.(response.headers);
      return parsed;
    } catch (error) {
      if (error instanceof UpstreamError) throw error;
      const translated = transportError(operationId, error);
      report(undefined, translated.kind);
      throw translated;
    } finally {
      clearTimeout(timer);
      this.active.delete(controller);
    }
  }

  private headers(operationId: OperationId, input: CallInput): Record<string, string> {
    const { acceptLanguage, requestId, traceparent } = this.caller;
    const headers: Record<string, string> = { accept: 'application/json' };
    for (const [name, value] of Object.entries(input.headers ?? {})) {
      // Why: a value with CR/LF or non-ASCII would be refused by undici as a transport error; it is the caller's input.
      if (!HEADER_VALUE.test(value)) {
        throw new UpstreamError(`Invalid ${name}: only printable ASCII characters are allowed`, {
          kind: 'invalid-input',
          operationId,
          code: 'INVALID_HEADER_VALUE',
        });
      }
      headers[name] = value;
    }
    if (input.body !== undefined) headers['content-type'] = 'application/json';
    // A public operation (no security in the spec) never gets the caller's token.
    if (this.credential.kind === 'bearer' && OPERATIONS[operationId].security !== null)
      headers.authorization = this.credential.authorization;
    if (acceptLanguage && HEADER_VALUE.test(acceptLanguage)) headers['accept-language'] = acceptLanguage;
    if (requestId) headers['x-request-id'] = requestId;
    if (traceparent && HEADER_VALUE.test(traceparent)) headers.traceparent = traceparent;
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

/**
 * How long to wait before retrying a failed GET, or undefined when it must not be retried:
 * a connection error or 502/503/504 after exponential backoff with full jitter (so retries of
 * many callers do not arrive together), a 429 after exactly what its Retry-After asks.
 */
function retryDelay(error: unknown, attempt: number, baseMs: number): number | undefined {
  if (!(error instanceof UpstreamError) || error.code === 'CIRCUIT_OPEN') return undefined;
  if (error.kind === 'http' && error.status === 429) return error.retryAfter === undefined ? undefined : error.retryAfter * 1000;
  const transient = error.kind === 'unavailable' || (error.kind === 'http' && [502, 503, 504].includes(error.status ?? 0));
  return transient ? Math.random() * baseMs * 2 ** (attempt - 1) : undefined;
}

/** Retry-After as seconds: delta-seconds or an HTTP date. */
function retryAfterSeconds(header: string | string[] | undefined): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value.trim() === '') return undefined;
  const seconds = /^\d+$/.test(value.trim()) ? Number(value) : (Date.parse(value) - Date.now()) / 1000;
  return Number.isFinite(seconds) ? Math.max(0, Math.ceil(seconds)) : undefined;
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function httpError(operationId: OperationId, status: number, body: unknown, retryAfter: number | undefined): UpstreamError {
  const answer = (body && typeof body === 'object' ? body : {}) as { code?: unknown; message?: unknown; logId?: unknown };
  const str = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const message = str(answer.message);
  return new UpstreamError(message ?? `Upstream ${operationId} answered HTTP ${status}`, {
    kind: 'http',
    operationId,
    status,
    code: str(answer.code),
    logId: str(answer.logId),
    retryAfter,
    fields: (status === 400 || status === 422) && message ? fieldProblems(operationId, message) : undefined,
  });
}

function malformed(operationId: OperationId, status: number, what: string): UpstreamError {
  return new UpstreamError(`Upstream ${operationId} answered ${status} with ${what}`, { kind: 'malformed', operationId, status });
}

function deadlineError(operationId: OperationId, what: string, cause?: unknown): UpstreamError {
  return new UpstreamError(`Upstream ${operationId} ${what}: the request deadline has passed`, {
    kind: 'deadline',
    operationId,
    code: 'REQUEST_DEADLINE',
    cause,
  });
}

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);

function transportError(operationId: OperationId, error: unknown): UpstreamError {
  const code = (error as { code?: string } | undefined)?.code ?? '';
  if (error === REQUEST_DEADLINE) return deadlineError(operationId, 'was cut short');
  if (error === CALL_TIMEOUT || TIMEOUT_CODES.has(code)) {
    return new UpstreamError(`Upstream ${operationId} timed out`, { kind: 'timeout', operationId, cause: error });
  }
  if (error instanceof undiciErrors.ResponseExceededMaxSizeError) {
    return new UpstreamError(`Upstream ${operationId} answered with a body larger than the limit`, {
      kind: 'malformed',
      operationId,
      code: 'BODY_TOO_LARGE',
      cause: error,
    });
  }
  if (error instanceof undiciErrors.InvalidArgumentError) {
    return new UpstreamError(`Upstream ${operationId} not called: ${(error as Error).message}`, {
      kind: 'invalid-input',
      operationId,
      cause: error,
    });
  }
  if (error instanceof undiciErrors.RequestAbortedError || (error as Error | undefined)?.name === 'AbortError') {
    return new UpstreamError(`Upstream ${operationId} was aborted`, { kind: 'aborted', operationId, cause: error });
  }
  return new UpstreamError(`Upstream ${operationId} is unavailable (${code || (error as Error)?.message})`, {
    kind: 'unavailable',
    operationId,
    cause: error,
  });
}
