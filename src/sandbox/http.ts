/** Low-level request/response helpers shared by the API and control endpoints. */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { badRequest, HttpError } from './errors.ts';

export const JSON_TYPE = 'application/json; charset=utf-8';
const MAX_BODY_BYTES = 1024 * 1024;

/** Reads the whole request body as text ('' when there is none). */
export function readBody(req: IncomingMessage): Promise<string> {
  if (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined) return Promise.resolve('');
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) reject(new HttpError(413, 'PAYLOAD_TOO_LARGE', `Request body exceeds ${MAX_BODY_BYTES} bytes`));
      else resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}

/** JSON body or {} when empty; 400 on malformed JSON. */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch (err) {
    throw badRequest(`Malformed JSON body: ${(err as Error).message}`);
  }
}

/** Whether a response with this status may carry a body. */
export const bodyAllowed = (status: number): boolean => status !== 204 && status !== 304;

export function send(res: ServerResponse, status: number, json?: string, headers?: Record<string, string>): void {
  if (res.destroyed || res.headersSent) return;
  const h: OutgoingHttpHeaders = headers ? { ...headers } : {};
  if (json !== undefined && bodyAllowed(status)) {
    const bytes = Buffer.from(json, 'utf8');
    h['content-type'] = JSON_TYPE;
    h['content-length'] = bytes.length;
    res.writeHead(status, h);
    res.end(bytes);
  } else {
    res.writeHead(status, h);
    res.end();
  }
}

/**
 * Like `send`, but without content-length: the headers go out at once and the body (chunked) as
 * `chunks` yields it. Stops pulling chunks when the client goes away.
 */
export function stream(
  res: ServerResponse,
  status: number,
  chunks: Iterable<Buffer> | AsyncIterable<Buffer>,
  headers?: Record<string, string>,
): void {
  if (res.destroyed || res.headersSent) return;
  res.writeHead(status, { ...headers, 'content-type': JSON_TYPE });
  res.flushHeaders();
  pipeline(Readable.from(chunks), res).catch(() => {});
}
