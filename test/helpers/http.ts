import { request, type Agent, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  // Test data is checked field by field.
  json: { data?: unknown; errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[] } & Record<
    string,
    unknown
  >;
}

/**
 * POST /graphql with node:http, for what fetch cannot send: a repeated header
 * (an array value is sent as one header line per item), latin-1 header values,
 * a chosen agent.
 */
export function postRaw(
  url: string,
  body: unknown,
  headers: OutgoingHttpHeaders = {},
  agent?: Agent,
  /** Called once the whole request has been handed to the operating system (it is on its way). */
  onSent?: () => void,
): Promise<RawResponse> {
  const payload = typeof body === 'string' ? body : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        let json: RawResponse['json'] = {};
        try {
          json = JSON.parse(text) as RawResponse['json'];
        } catch {
          // not JSON: the test looks at text
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
      res.on('error', reject);
    });
    const all: OutgoingHttpHeaders = {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      'content-length': Buffer.byteLength(payload),
      ...headers,
    };
    for (const [name, value] of Object.entries(all)) if (value !== undefined) req.setHeader(name, value);
    req.on('error', reject);
    if (onSent) req.once('finish', onSent);
    req.end(payload);
  });
}

/** The value of one unlabelled Prometheus sample, e.g. `gateway_document_cache_entries`. */
export async function metric(origin: string, name: string): Promise<number | undefined> {
  const text = await (await fetch(`${origin}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.slice(name.length + 1));
}
