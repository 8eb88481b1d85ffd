import { SpanKind, SpanStatusCode, context, propagation, trace, type Attributes } from '@opentelemetry/api';
import type { CallInfo, CallSpan, CallTracer, PreparedCall } from '../upstream/client.ts';
import type { UpstreamErrorKind } from '../upstream/errors.ts';
import { TRACER_NAME } from './tracing.ts';

/**
 * The spans of upstream calls, children of the active operation span: one per attempt of a
 * REST call (HTTP client semantic conventions) and one per tenant-cache hit, the call it saved.
 * Attributes name the operation, never a value of it: no path parameter, query string, header
 * or body, so no token, password, invite token or e-mail.
 */
export class UpstreamSpans implements CallTracer {
  private readonly tracer = trace.getTracer(TRACER_NAME);
  private readonly server: Attributes;
  /** The base URL's path (e.g. `/v2`): url.template is the whole path, as the upstream sees it. */
  private readonly basePath: string;

  constructor(baseUrl: string) {
    const url = new URL(baseUrl);
    this.server = { 'server.address': url.hostname, 'server.port': Number(url.port) || (url.protocol === 'https:' ? 443 : 80) };
    this.basePath = url.pathname.replace(/\/+$/, '');
  }

  start(call: Pick<PreparedCall, 'operationId' | 'method' | 'template' | 'headers'>, attempt: number): CallSpan {
    const span = this.tracer.startSpan(`${call.method} ${call.template}`, {
      kind: SpanKind.CLIENT,
      attributes: {
        ...this.server,
        'http.request.method': call.method,
        'url.template': this.basePath + call.template,
        'flow.operation_id': call.operationId,
        ...(attempt > 1 ? { 'http.request.resend_count': attempt - 1 } : {}),
      },
    });
    const headers = { ...call.headers };
    // The upstream sees this attempt's span as its parent (it replaces the client's traceparent).
    propagation.inject(trace.setSpan(context.active(), span), headers);
    return {
      headers,
      end(status: number | undefined, errorKind?: UpstreamErrorKind) {
        if (status !== undefined) span.setAttribute('http.response.status_code', status);
        if (errorKind !== undefined) {
          span.setAttribute('error.type', status === undefined ? errorKind : String(status));
          span.setStatus({ code: SpanStatusCode.ERROR });
        }
        span.end();
      },
    };
  }

  /** A tenant-cache hit made no call: an instant span says which call it saved and which tier answered. */
  cacheHit(info: CallInfo): void {
    this.tracer
      .startSpan(`${info.method} ${info.path}`, {
        attributes: {
          'url.template': this.basePath + info.path,
          'flow.operation_id': info.operationId,
          'flow.cache.hit': true,
          ...(info.cacheTier ? { 'flow.cache.tier': info.cacheTier } : {}),
        },
      })
      .end();
  }
}
