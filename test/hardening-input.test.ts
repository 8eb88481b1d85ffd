import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ClientError } from 'graphql-request';
import { DEMO } from '../src/sandbox/seed.ts';
import { startTestGateway, type TestGateway } from './helpers/gateway.ts';

let gw: TestGateway;
const auth = { authorization: `Bearer ${DEMO.tokens.admin}` };

async function post(body: string, headers: Record<string, string> = {}) {
  const response = await fetch(gw.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...auth, ...headers },
    body,
  });
  return {
    status: response.status,
    body: (await response.json()) as { errors?: { message: string; extensions?: Record<string, unknown> }[]; data?: unknown },
  };
}

async function graphqlError(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ClientError);
  return (error as ClientError).response;
}

beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(() => gw.close());
beforeEach(() => gw.sandbox.counters.reset());

describe('bad requests are answered per GraphQL-over-HTTP, and the process keeps serving', () => {
  it('malformed JSON body is a 400', async () => {
    const { status, body } = await post('{"query": ');
    expect(status).toBe(400);
    expect(body.errors?.[0].message).toMatch(/JSON/i);
  });

  it('a body without query is a 400', async () => {
    const { status, body } = await post('{"variables": {}}');
    expect(status).toBe(400);
    expect(body.errors?.[0].message).toMatch(/query/i);
  });

  it('a syntax error is a 400 with GRAPHQL_PARSE_FAILED', async () => {
    const { status, body } = await post(JSON.stringify({ query: '{ me { ' }));
    expect(status).toBe(400);
    expect(body.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('an unknown field is a 400 with GRAPHQL_VALIDATION_FAILED', async () => {
    const { status, body } = await post(JSON.stringify({ query: '{ me { nope } }' }));
    expect(status).toBe(400);
    expect(body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('a variable of the wrong type is a 400 and makes no upstream call', async () => {
    const { status, body } = await post(
      JSON.stringify({ query: 'query($p: Int) { tenants(page: $p) { items { name } } }', variables: { p: 'two' } }),
    );
    expect(status).toBe(400);
    expect(body.errors?.[0].message).toMatch(/Variable "\$p" got invalid value "two"/);
    expect(body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(gw.sandbox.counters.total()).toBe(0);
  });

  it('an unsupported method is a 405 and an unsupported content type a 415', async () => {
    const put = await fetch(gw.url, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(put.status).toBe(405);
    const xml = await fetch(gw.url, {
      method: 'POST',
      headers: { 'content-type': 'application/xml', 'x-graphql-csrf': '1' },
      body: '<q/>',
    });
    expect(xml.status).toBe(415);
  });

  it('still serves after all of the above', async () => {
    const data = await gw.client(DEMO.tokens.admin).request<{ me: { defaultTenantUid: string } }>('{ me { defaultTenantUid } }');
    expect(data.me.defaultTenantUid).toEqual(expect.any(String));
  });
});

describe('limits reject hostile documents before any upstream call', () => {
  it('rejects a deeply nested query', async () => {
    const query = `{ me { memberships { tenant { users { items { tenant { users { items { tenant { users { items { tenant { name } } } } } } } } } } } } }`;
    const response = await graphqlError(gw.client(DEMO.tokens.admin).request(query));
    expect(response.errors?.[0].message).toMatch(/depth/i);
    expect(response.status).toBe(400);
    expect(response.errors?.[0].extensions?.code).toBe('MAX_DEPTH_EXCEEDED');
    expect(gw.sandbox.counters.total()).toBe(0);
  });

  it('rejects 1,000 aliases', async () => {
    const query = `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: me { defaultTenantUid }`).join(' ')} }`;
    const response = await graphqlError(gw.client(DEMO.tokens.admin).request(query));
    expect(response.errors?.[0].message).toMatch(/alias|token/i);
    expect(response.status).toBe(400);
    expect(response.errors?.[0].extensions?.code).toMatch(/^(MAX_ALIASES_EXCEEDED|GRAPHQL_PARSE_FAILED)$/);
    expect(gw.sandbox.counters.total()).toBe(0);
  });

  it('rejects too many directives', async () => {
    const query = `{ me { defaultTenantUid ${'@include(if: true) '.repeat(50)} } }`;
    const response = await graphqlError(gw.client(DEMO.tokens.admin).request(query));
    expect(response.errors?.[0].message).toMatch(/directive/i);
    expect(response.status).toBe(400);
    expect(response.errors?.[0].extensions?.code).toBe('MAX_DIRECTIVES_EXCEEDED');
    expect(gw.sandbox.counters.total()).toBe(0);
  });

  it('rejects a document over the token limit', async () => {
    const query = `{ me { ${'defaultTenantUid '.repeat(2_100)} } }`;
    const response = await graphqlError(gw.client(DEMO.tokens.admin).request(query));
    expect(response.errors?.[0].message).toMatch(/token/i);
    expect(response.status).toBe(400);
    expect(response.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(gw.sandbox.counters.total()).toBe(0);
  });

  it('rejects a body over the size limit with 413', async () => {
    const { status, body } = await post(JSON.stringify({ query: `{ me { defaultTenantUid } } #${'x'.repeat(200_000)}` }));
    expect(status).toBe(413);
    expect(body.errors?.[0].extensions?.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it.each(['../admin', 't1?x=1', 't1%2F..'])('refuses the tenant UID %j with BAD_USER_INPUT and no upstream call', async (uid) => {
    const response = await graphqlError(
      gw.client(DEMO.tokens.admin).request('query($t: ID!) { tenant(tenantUid: $t) { name } }', { t: uid }),
    );
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(gw.sandbox.counters.total()).toBe(0);
  });
});

describe('browser protections', () => {
  it('blocks a CSRF-able simple request (text/plain POST, or GET without a custom header)', async () => {
    const simple = await fetch(gw.url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', ...auth },
      body: '{"query":"{ me { defaultTenantUid } }"}',
    });
    expect(simple.status).toBe(403);
    const get = await fetch(`${gw.url}?query=${encodeURIComponent('{ me { defaultTenantUid } }')}`, { headers: auth });
    expect(get.status).toBe(403);
    expect(gw.sandbox.counters.total()).toBe(0);
  });

  it('does not send CORS headers when no origin is allowed', async () => {
    const response = await fetch(gw.url, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('production configuration', () => {
  let prod: TestGateway;
  beforeAll(async () => {
    prod = await startTestGateway({ env: { NODE_ENV: 'production', CORS_ORIGINS: 'https://backoffice.example' } });
  });
  afterAll(() => prod.close());

  it('turns introspection off', async () => {
    const response = await graphqlError(prod.client(DEMO.tokens.admin).request('{ __schema { types { name } } }'));
    expect(response.errors?.[0].message).toMatch(/introspection/i);
  });

  it('does not serve GraphiQL', async () => {
    const response = await fetch(prod.url, { headers: { accept: 'text/html' } });
    expect(await response.text()).not.toMatch(/graphiql/i);
  });

  it('allows only the configured CORS origin', async () => {
    const allowed = await fetch(prod.url, {
      method: 'OPTIONS',
      headers: { origin: 'https://backoffice.example', 'access-control-request-method': 'POST' },
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://backoffice.example');
    const other = await fetch(prod.url, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(other.headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
  });

  it('ignores x-debug-upstream', async () => {
    const response = await fetch(prod.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO.tokens.admin}`, 'x-debug-upstream': '1' },
      body: JSON.stringify({ query: '{ me { defaultTenantUid } }' }),
    });
    const body = (await response.json()) as { data?: unknown; extensions?: unknown };
    expect(body.data).toBeDefined();
    expect(body.extensions).toBeUndefined();
  });

  it('hides field suggestions', async () => {
    const response = await graphqlError(prod.client(DEMO.tokens.admin).request('{ me { defaultTenantUi } }'));
    expect(response.errors?.[0].message).not.toMatch(/did you mean/i);
  });
});

describe('configurable limits', () => {
  let strict: TestGateway;
  beforeAll(async () => {
    strict = await startTestGateway({ env: { MAX_COST: '1', MAX_DEPTH: '3' } });
  });
  afterAll(() => strict.close());

  it('rejects an operation over the configured cost before any upstream call', async () => {
    // 1 (me) + 1 (tenant) = 2 upstream calls at most, over MAX_COST 1.
    const query = `{ me { defaultTenantUid } tenant(tenantUid: "${DEMO.tenants.alpha}") { name } }`;
    const response = await graphqlError(strict.client(DEMO.tokens.admin).request(query));
    expect(response.errors?.[0].message).toMatch(/cost/i);
    expect(response.status).toBe(400);
    expect(response.errors?.[0].extensions?.code).toBe('QUERY_TOO_EXPENSIVE');
    expect(strict.sandbox.counters.total()).toBe(0);
  });

  it('applies the configured depth', async () => {
    const response = await graphqlError(strict.client(DEMO.tokens.admin).request('{ me { memberships { tenant { name } } } }'));
    expect(response.errors?.[0].message).toMatch(/depth/i);
    expect(response.status).toBe(400);
    expect(response.errors?.[0].extensions?.code).toBe('MAX_DEPTH_EXCEEDED');
    expect(strict.sandbox.counters.total()).toBe(0);
  });
});
