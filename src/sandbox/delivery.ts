/** How a fault reshapes a reply's JSON (drift, padding) and paces its sending (chunked, trickled). */
import type { ServerResponse } from 'node:http';
import type { Reply } from './context.ts';
import { applyDrift, applyPreset, isJsonObject } from './drift.ts';
import type { Fault } from './hooks.ts';
import { bodyAllowed, send, stream } from './http.ts';
import type { OperationSpec } from './spec.ts';

export type Sleep = (ms: number) => Promise<void>;

const CHUNK_BYTES = 64 * 1024;

/** `value` serialised with a `_padding` string property that makes it at least `padBytes` bytes long; non-objects unchanged. */
export function padded(value: unknown, padBytes: number): string {
  if (!isJsonObject(value)) return JSON.stringify(value);
  const rest = { ...value };
  delete rest._padding; // so that it comes last
  const empty = JSON.stringify({ ...rest, _padding: '' });
  // Splice the x's in rather than stringify them: JSON.stringify would scan megabytes for escapes.
  return `${empty.slice(0, -2)}${'x'.repeat(Math.max(0, padBytes - Buffer.byteLength(empty)))}"}`;
}

/**
 * The reply's JSON as the fault reshapes it: drift preset, drift rules, padding (only replies with
 * a body: the handler's or `body`). `op` gives the response schema the preset follows.
 */
export function reshape(reply: Reply, fault: Fault | undefined, op: OperationSpec): Reply {
  if (reply.json === undefined || !fault || (!fault.drift && !fault.driftPreset && fault.padBytes === undefined)) return reply;
  let value: unknown = JSON.parse(reply.json);
  if (fault.driftPreset) value = applyPreset(value, op.response, fault.driftPreset);
  if (fault.drift) applyDrift(value, fault.drift);
  return { ...reply, json: fault.padBytes === undefined ? JSON.stringify(value) : padded(value, fault.padBytes) };
}

function* slices(bytes: Buffer, size: number): Generator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function* trickle(bytes: Buffer, everyMs: number, sleep: Sleep): AsyncGenerator<Buffer> {
  for (const one of slices(bytes, 1)) {
    await sleep(everyMs);
    yield one;
  }
}

/** Sends the reply with a content-length, or streams it when the fault says `trickleMs` (wins) or `padChunked`. */
export function deliver(res: ServerResponse, reply: Reply, fault: Fault | undefined, sleep: Sleep): void {
  if (reply.json === undefined || !bodyAllowed(reply.status) || !(fault?.trickleMs || fault?.padChunked))
    return send(res, reply.status, reply.json, reply.headers);
  const bytes = Buffer.from(reply.json, 'utf8');
  stream(res, reply.status, fault.trickleMs ? trickle(bytes, fault.trickleMs, sleep) : slices(bytes, CHUNK_BYTES), reply.headers);
}
