import { randomUUID } from 'node:crypto';
import type { CallInfo } from '../upstream/client.ts';

/** What the plugins and the context share about one HTTP request. */
export interface RequestState {
  requestId: string;
  startedAt: number;
  operationName?: string;
  /** The trace of this request's operation, when tracing is on (useTracing). */
  traceId?: string;
  /** Every upstream call (and tenant-cache hit) of this request, in order of completion. */
  calls: CallInfo[];
}

const states = new WeakMap<Request, RequestState>();
const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** The state of a request, made on first use; a well-formed incoming x-request-id is kept. */
export function requestState(request: Request): RequestState {
  let state = states.get(request);
  if (!state) {
    const incoming = request.headers.get('x-request-id');
    state = {
      requestId: incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID(),
      startedAt: performance.now(),
      calls: [],
    };
    states.set(request, state);
  }
  return state;
}
