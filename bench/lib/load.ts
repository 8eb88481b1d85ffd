/**
 * One bounded load run with autocannon's programmatic API. Latencies are collected from
 * autocannon's per-response event (float ms; its own histogram rounds to whole ms), and for a
 * sequence of N requests per connection the N response times are summed: the latency of one
 * "logical operation" made of N sequential calls (the critical path of an ideal REST client).
 */
import autocannon, { type Client, type Request } from 'autocannon';

export interface LoadSpec {
  /** Origin, e.g. http://127.0.0.1:4000 */
  origin: string;
  /** Requests made in order by each connection; one pass is one logical operation. */
  requests: Request[];
  connections: number;
  /** Seconds. */
  durationSec: number;
  /** GraphQL responses: count 200s whose body carries `errors` as errors too. */
  graphql?: boolean;
}

export interface LatencySummary {
  p50: number;
  p90: number;
  p99: number;
  mean: number;
  max: number;
}

export interface LoadResult {
  /** Completed logical operations. */
  operations: number;
  /** Completed HTTP responses (operations x sequence length, give or take the last pass). */
  responses: number;
  /** Logical operations sent, including those still in flight when the run stopped. */
  sent: number;
  durationSec: number;
  /** Logical operations per second. */
  rps: number;
  latencyMs: LatencySummary;
  /** Connection errors and timeouts. */
  errors: number;
  non2xx: number;
  /** 2xx GraphQL responses with an `errors` entry. */
  graphqlErrors: number;
}

export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

function summarize(values: number[]): LatencySummary {
  const sorted = Float64Array.from(values).sort();
  const sum = values.reduce((acc, v) => acc + v, 0);
  return {
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    mean: values.length ? sum / values.length : 0,
    max: sorted.length ? sorted[sorted.length - 1] : 0,
  };
}

const GRAPHQL_ERRORS = '"errors":[';

export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const sequence = spec.requests.length;
  const latencies: number[] = [];
  const passes = new Map<Client, { step: number; sum: number }>();
  let responses = 0;

  const instance = autocannon({
    url: spec.origin,
    connections: spec.connections,
    duration: spec.durationSec,
    timeout: 10,
    // autocannon checks for the end of the run once per sample: 100 ms keeps durations exact.
    sampleInt: 100,
    requests: spec.requests,
    excludeErrorStats: true,
    ...(spec.graphql ? { verifyBody: (body: string) => !body.includes(GRAPHQL_ERRORS) } : {}),
  });
  instance.on('response', (client, _statusCode, _bytes, responseTime) => {
    responses++;
    if (sequence === 1) {
      latencies.push(responseTime);
      return;
    }
    // Each connection walks the sequence in order (pipelining 1): sum one pass.
    const pass = passes.get(client) ?? { step: 0, sum: 0 };
    pass.step++;
    pass.sum += responseTime;
    if (pass.step === sequence) {
      latencies.push(pass.sum);
      pass.step = 0;
      pass.sum = 0;
    }
    passes.set(client, pass);
  });
  const result = await instance;
  const durationSec = result.duration || spec.durationSec;
  const operations = latencies.length;
  return {
    operations,
    responses,
    sent: Math.max(operations, result.requests.sent / sequence),
    durationSec,
    rps: operations / durationSec,
    latencyMs: summarize(latencies),
    errors: result.errors,
    non2xx: result.non2xx,
    graphqlErrors: spec.graphql ? result.mismatches : 0,
  };
}
