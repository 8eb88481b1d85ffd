/** Per-operation call counters and injectable faults. */
import type { DriftPreset, DriftRule } from './drift.ts';

/**
 * What to do to a call instead of (or on top of) answering it normally. Precedence:
 * drop > status > malformedJson > body > the handler's reply; `latencyMs` and `headers` apply to all.
 */
export interface Fault {
  latencyMs?: number;
  /** Respond with this status and a GenericErrorResponse body. */
  status?: number;
  /** With `status`: the error's `message` (default "Injected fault for <operationId>: status <n>"). */
  message?: string;
  /** With `status`: the error's `code` (default "SANDBOX_FAULT"). */
  code?: string;
  /**
   * Extra headers on whatever this call answers (fault, error or normal reply). Lower-case names;
   * content-type, content-length and transfer-encoding stay the sandbox's.
   */
  headers?: Record<string, string>;
  /** Destroy the socket without answering. */
  drop?: boolean;
  /** 200 with content-type application/json and a truncated/invalid body. */
  malformedJson?: boolean;
  /** 200 with this value as the JSON body, whatever the spec says (for unexpected shapes). */
  body?: unknown;
  /**
   * Schema drift on the reply's JSON (the handler's or `body`; the handler still runs), rules in
   * order, e.g. `{ path: 'items.*.tenantRole', value: 'OWNER' }`, `{ path: 'tenants.0.lastAccessed', remove: true }`.
   */
  drift?: DriftRule[];
  /**
   * Spec-driven drift along the operation's 200 response schema, before `drift`: 'unknown-enums'
   * (every enum value → "NEW_<longest allowed value>"), 'nulls' (required strings → null), 'missing'
   * (required keys below the top level removed), 'extra' (undeclared properties on every object).
   */
  driftPreset?: DriftPreset;
  /**
   * Pad the reply's JSON object (the handler's or `body`) with a `"_padding": "xxx…"` property to at
   * least this many bytes (at most 256 MiB), sent with its content-length.
   */
  padBytes?: number;
  /** With `padBytes`: send the padded body without content-length, chunked in 64 KiB pieces. */
  padChunked?: boolean;
  /**
   * Send the headers at once (no content-length), then the body one byte every `trickleMs` ms;
   * applies to whatever body the call answers (after `latencyMs`), and wins over `padChunked`.
   */
  trickleMs?: number;
  /** Apply to the next N matching calls only; default: until cleared. */
  times?: number;
}

export class Counters {
  private counts = new Map<string, number>();

  increment(operationId: string): void {
    this.counts.set(operationId, (this.counts.get(operationId) ?? 0) + 1);
  }

  get(operationId: string): number {
    return this.counts.get(operationId) ?? 0;
  }

  total(): number {
    let sum = 0;
    for (const n of this.counts.values()) sum += n;
    return sum;
  }

  /** Only operations that were called at least once. */
  snapshot(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  reset(): void {
    this.counts.clear();
  }
}

/** One API call's W3C trace context, as received. */
export interface ReceivedTraceparent {
  operationId: string;
  traceparent: string;
}

/**
 * The `traceparent` headers of the latest API calls that carried one, oldest first: what a test
 * needs to see that a caller's trace reaches the API. Only this header is kept, never a token,
 * and only the last 100, so a long-running sandbox does not grow.
 */
export class Traceparents {
  static readonly KEPT = 100;
  private received: ReceivedTraceparent[] = [];

  record(operationId: string, traceparent: string | string[] | undefined): void {
    if (typeof traceparent !== 'string') return;
    this.received.push({ operationId, traceparent });
    if (this.received.length > Traceparents.KEPT) this.received.shift();
  }

  snapshot(): ReceivedTraceparent[] {
    return [...this.received];
  }

  clear(): void {
    this.received = [];
  }
}

/** A fault for a specific operationId takes precedence over the '*' fault. */
export class Faults {
  private table = new Map<string, Fault>();

  set(operationId: string, fault: Fault): void {
    this.table.set(operationId, { ...fault });
  }

  clear(): void {
    this.table.clear();
  }

  snapshot(): Record<string, Fault> {
    return Object.fromEntries(this.table);
  }

  /** The fault to apply to this call (consuming one use of a `times`-limited fault), if any. */
  take(operationId: string): Fault | undefined {
    if (this.table.size === 0) return undefined;
    const key = this.table.has(operationId) ? operationId : this.table.has('*') ? '*' : undefined;
    if (key === undefined) return undefined;
    const fault = this.table.get(key)!;
    if (fault.times !== undefined) {
      fault.times -= 1;
      if (fault.times <= 0) this.table.delete(key);
    }
    return fault;
  }
}
