import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { startTracing, stopTracing } from '../src/observability/tracing.ts';
import { startSandbox, type Sandbox } from '../src/sandbox/server.ts';
import { DEMO } from '../src/sandbox/seed.ts';
import { startTestGateway, type TestGateway } from './helpers/gateway.ts';
import { startGatewayProcess } from './helpers/gateway-process.ts';
import { waitFor } from './helpers/wait.ts';

/** What an OTLP/HTTP JSON export holds of a span (IDs are hex strings, kind 1 INTERNAL, 2 SERVER, 3 CLIENT; status 2 ERROR). */
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: { key: string; value: { stringValue?: string; intValue?: number | string; boolValue?: boolean } }[];
  status?: { code?: number; message?: string };
}
interface OtlpExport {
  resourceSpans: { resource: { attributes: OtlpSpan['attributes'] }; scopeSpans: { spans: OtlpSpan[] }[] }[];
}

/** A real OTLP/HTTP receiver: keeps every POST it gets. */
async function startOtlpReceiver() {
  const posts: { path: string; contentType: string; body: string }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      posts.push({ path: req.url ?? '', contentType: req.headers['content-type'] ?? '', body: Buffer.concat(chunks).toString('latin1') });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const exports = () => posts.map((post) => JSON.parse(post.body) as OtlpExport);
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    posts,
    exports,
    spans: () => exports().flatMap((e) => e.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function attr(span: OtlpSpan, key: string): string | number | boolean | undefined {
  const value = span.attributes.find((a) => a.key === key)?.value;
  return value?.stringValue ?? (value?.intValue === undefined ? value?.boolValue : Number(value.intValue));
}

async function post(url: string, query: string, headers: Record<string, string>, variables?: Record<string, unknown>) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: unknown; errors?: { message: string; extensions: Record<string, unknown> }[] };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const CLIENT_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const CLIENT_SPAN = '00f067aa0ba902b7';

describe('tracing on, in this process (one tracer provider per test file)', () => {
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
  let gw: TestGateway;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    const env = {
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.origin,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_SERVICE_NAME: 'gateway-under-test',
      OTEL_BSP_SCHEDULE_DELAY: '20',
      UPSTREAM_RETRIES: '1',
    };
    // As main.ts does: tracing starts before the gateway is built, which then installs its hooks.
    await startTracing(loadConfig(env));
    gw = await startTestGateway({ env });
  });
  afterAll(async () => {
    await gw.close();
    await stopTracing();
    await receiver.close();
  });

  /** The spans of one trace, once its operation span named `name` and `children` spans under it have arrived. */
  async function traceOf(name: string, children: number) {
    let spans: OtlpSpan[] = [];
    await expect
      .poll(() => {
        const operation = receiver.spans().find((span) => span.name === name);
        spans = operation ? receiver.spans().filter((span) => span.traceId === operation.traceId) : [];
        return spans.length;
      })
      .toBe(children + 1);
    const operation = spans.find((span) => span.name === name)!;
    return { operation, children: spans.filter((span) => span !== operation) };
  }

  it('traces an operation with a span per REST attempt and per cache hit, under the client traceparent, and sends each span upstream', async () => {
    const admin = bearer(DEMO.tokens.admin);
    await post(gw.url, `query Warm { tenant(tenantUid: "${DEMO.tenants.alpha}") { name } }`, admin);
    gw.sandbox.faults.set('get-account', { status: 503, times: 1 });
    gw.sandbox.faults.set('get-tenants-account', { status: 500 });
    const answer = await post(
      gw.url,
      'query Traced($t: ID!) { me { defaultTenantUid } tenant(tenantUid: $t) { name myAccount { tenantUserUid } } }',
      { ...admin, 'x-request-id': 'traced-1', traceparent: `00-${CLIENT_TRACE}-${CLIENT_SPAN}-01` },
      { t: DEMO.tenants.alpha },
    );
    gw.sandbox.faults.clear();

    const { operation, children } = await traceOf('query Traced', 4);
    expect(operation).toMatchObject({ traceId: CLIENT_TRACE, parentSpanId: CLIENT_SPAN, kind: 2, status: { code: 2 } });
    expect(operation.status?.message).toBe('UPSTREAM_UNAVAILABLE');
    expect(attr(operation, 'graphql.operation.type')).toBe('query');
    expect(attr(operation, 'graphql.operation.name')).toBe('Traced');
    expect(children.every((span) => span.parentSpanId === operation.spanId)).toBe(true);

    const summary = children
      .map((span) => ({
        name: span.name,
        kind: span.kind,
        operationId: attr(span, 'flow.operation_id'),
        method: attr(span, 'http.request.method'),
        route: attr(span, 'url.template'),
        status: attr(span, 'http.response.status_code'),
        resend: attr(span, 'http.request.resend_count'),
        cacheHit: attr(span, 'flow.cache.hit'),
        cacheTier: attr(span, 'flow.cache.tier'),
        error: span.status?.code === 2,
      }))
      .sort((a, b) => `${a.name} ${Number(a.resend ?? 0)}`.localeCompare(`${b.name} ${Number(b.resend ?? 0)}`));
    const none = { status: undefined, resend: undefined, cacheHit: undefined, cacheTier: undefined };
    const account = { name: 'GET /account', kind: 3, operationId: 'get-account', method: 'GET', route: '/v2/account' };
    expect(summary).toEqual([
      { ...account, ...none, status: 503, error: true },
      { ...account, ...none, status: 200, resend: 1, error: false },
      {
        ...none,
        name: 'GET /tenants/{tenantUid}',
        kind: 1,
        operationId: 'get-tenants-details',
        method: undefined,
        route: '/v2/tenants/{tenantUid}',
        cacheHit: true,
        cacheTier: 'local',
        error: false,
      },
      {
        ...none,
        name: 'GET /tenants/{tenantUid}/account',
        kind: 3,
        operationId: 'get-tenants-account',
        method: 'GET',
        route: '/v2/tenants/{tenantUid}/account',
        status: 500,
        error: true,
      },
    ]);
    expect(
      attr(
        children.find((span) => span.kind === 3)!,
        'server.address',
      ),
    ).toBe('127.0.0.1');

    // What the upstream received: each REST attempt's own span as parent, in the client's trace.
    const received = gw.sandbox.traceparents().filter(({ traceparent }) => traceparent.includes(CLIENT_TRACE));
    const clientSpans = children
      .filter((span) => span.kind === 3)
      .map((span) => ({ operationId: attr(span, 'flow.operation_id'), traceparent: `00-${CLIENT_TRACE}-${span.spanId}-01` }));
    const byParent = (a: { traceparent: string }, b: { traceparent: string }) => a.traceparent.localeCompare(b.traceparent);
    expect(received.sort(byParent)).toEqual(clientSpans.sort(byParent));

    expect(answer.errors).toHaveLength(1);
    expect(answer.errors![0].extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', traceId: CLIENT_TRACE });
    expect(gw.logs.filter((line) => line.requestId === 'traced-1')).toMatchObject([{ traceId: CLIENT_TRACE, tenantCacheHits: 1 }]);
    const resource = receiver.exports()[0].resourceSpans[0].resource.attributes;
    expect(resource).toContainEqual({ key: 'service.name', value: { stringValue: 'gateway-under-test' } });
  });

  it('starts a trace of its own without a client traceparent, and names an operation that never ran', async () => {
    await post(gw.url, 'query Fresh { me { defaultTenantUid } }', { ...bearer(DEMO.tokens.admin), 'x-request-id': 'fresh-1' });
    const { operation, children } = await traceOf('query Fresh', 1);
    expect(operation.parentSpanId ?? '').toBe('');
    expect(gw.sandbox.traceparents().at(-1)).toEqual({
      operationId: 'get-account',
      traceparent: `00-${operation.traceId}-${children[0].spanId}-01`,
    });
    expect(gw.logs.find((line) => line.requestId === 'fresh-1')?.traceId).toBe(operation.traceId);

    const broken = await post(gw.url, '{ me { defaultTenantUid }', bearer(DEMO.tokens.admin));
    const traceId = broken.errors?.[0].extensions.traceId;
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    await expect
      .poll(() => receiver.spans().find((span) => span.traceId === traceId))
      .toMatchObject({
        name: 'GraphQL Operation',
        status: { code: 2 },
      });
  });

  it('exports no token, password, invite token, e-mail or document text', async () => {
    const email = 'ada.admin@sandbox.flowretail.test';
    const admin = bearer(DEMO.tokens.admin);
    await post(
      gw.url,
      'mutation Login($u: String!, $p: String!) { login(userCode: $u, password: $p) { accessToken } }',
      bearer(DEMO.tokens.device),
      {
        u: DEMO.login.userCode,
        p: DEMO.login.password,
      },
    );
    await post(gw.url, `query Invite { invitation(inviteToken: "${DEMO.inviteToken}") { tenant { name } } }`, {});
    await post(gw.url, 'mutation Accept($t: String!) { acceptInvitation(inviteToken: $t) { status } }', bearer(DEMO.tokens.auth), {
      t: DEMO.inviteToken,
    });
    await post(
      gw.url,
      `query Search { tenant(tenantUid: "${DEMO.tenants.alpha}") { searchUsers(filter: { email: "${email}" }) { items { tenantUserUid } } } }`,
      admin,
    );
    const created = await post(
      gw.url,
      `mutation Mint { createIntegrationToken(tenantUid: "${DEMO.tenants.alpha}", tenantUserUid: "${DEMO.users.integrationAlpha}") { token } }`,
      admin,
    );
    await post(gw.url, 'query BadToken { me { defaultTenantUid } }', bearer('not-a-real-token-XYZ'));
    await waitFor(
      () =>
        ['mutation Login', 'query Invite', 'mutation Accept', 'query Search', 'mutation Mint', 'query BadToken'].every((name) =>
          receiver.spans().some((span) => span.name === name),
        ),
      'the spans of every operation',
    );
    gw.sandbox.reset();

    const minted = (created.data as { createIntegrationToken: { token: string }[] }).createIntegrationToken.map((t) => t.token);
    const exported = receiver.posts.map((p) => p.body).join('\n');
    for (const secret of [
      ...DEMO.secrets,
      ...minted,
      'not-a-real-token-XYZ',
      email,
      'sandbox.flowretail.test',
      'inviteToken',
      'password',
    ]) {
      expect(exported).not.toContain(secret);
    }
  });
});

describe('the real process', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
  });
  afterAll(() => sandbox.close());

  // NODE_DEBUG=module makes node name every module file it loads, on stderr.
  const SDK_MODULE = /node_modules\/@opentelemetry\/(?!api\/)[\w-]+\//;

  it('without an endpoint loads nothing of the SDK and adds no trace id', async () => {
    const gw = await startGatewayProcess({ FLOW_API_URL: sandbox.url, NODE_DEBUG: 'module' });
    try {
      const answer = await post(gw.url, 'query Off { tenant(tenantUid: "not/a/uid") { name } me { defaultTenantUid } }', {
        ...bearer(DEMO.tokens.admin),
        'x-request-id': 'off-1',
      });
      expect(answer.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(answer.errors?.[0].extensions.traceId).toBeUndefined();
    } finally {
      await gw.stop();
    }
    expect(gw.output()).toMatch(/node_modules\/@opentelemetry\/api\//);
    expect(gw.output()).not.toMatch(SDK_MODULE);
    const line = gw
      .output()
      .split('\n')
      .find((text) => text.includes('"requestId":"off-1"'));
    expect(line).toBeDefined();
    expect(line).not.toContain('traceId');
  });

  it('with an endpoint loads the SDK from the environment and flushes its spans on SIGTERM', async () => {
    const receiver = await startOtlpReceiver();
    const gw = await startGatewayProcess({
      FLOW_API_URL: sandbox.url,
      NODE_DEBUG: 'module',
      OTEL_EXPORTER_OTLP_ENDPOINT: `${receiver.origin}/`,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_SERVICE_NAME: 'gw-process',
      // OTEL_SERVICE_NAME wins over the service.name here; the other attributes are kept.
      OTEL_RESOURCE_ATTRIBUTES: 'service.name=from-attributes,deployment.environment.name=ci',
      // Far beyond the test: only the shutdown can have exported them.
      OTEL_BSP_SCHEDULE_DELAY: '600000',
    });
    try {
      await post(gw.url, 'query OnShutdown { me { defaultTenantUid } }', bearer(DEMO.tokens.admin));
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(receiver.posts).toEqual([]);
    } finally {
      await gw.stop();
    }
    expect(await gw.exited).toBe(0);
    expect(gw.output()).toMatch(SDK_MODULE);
    expect(receiver.posts.map((p) => [p.path, p.contentType])).toEqual([['/v1/traces', 'application/json']]);
    expect(receiver.spans().map((span) => span.name)).toEqual(expect.arrayContaining(['GET /account', 'query OnShutdown']));
    const resource = receiver.exports()[0].resourceSpans[0].resource.attributes;
    expect(resource).toContainEqual({ key: 'service.name', value: { stringValue: 'gw-process' } });
    expect(resource).toContainEqual({ key: 'deployment.environment.name', value: { stringValue: 'ci' } });
    await receiver.close();
  });

  it('exports protobuf by default', async () => {
    const receiver = await startOtlpReceiver();
    const gw = await startGatewayProcess({
      FLOW_API_URL: sandbox.url,
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${receiver.origin}/custom/traces`,
      OTEL_BSP_SCHEDULE_DELAY: '20',
    });
    try {
      await post(gw.url, 'query Proto { me { defaultTenantUid } }', bearer(DEMO.tokens.admin));
      await expect.poll(() => receiver.posts.length).toBeGreaterThan(0);
    } finally {
      await gw.stop();
    }
    expect(receiver.posts[0]).toMatchObject({ path: '/custom/traces', contentType: 'application/x-protobuf' });
    expect(receiver.posts[0].body).toContain('query Proto');
    await receiver.close();
  });

  it('exits on SIGTERM within its shutdown bound when the collector never answers', async () => {
    // Accepts the export and never answers it (a collector that hangs).
    const hanging = createServer(() => undefined);
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    const gw = await startGatewayProcess({
      FLOW_API_URL: sandbox.url,
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(hanging.address() as AddressInfo).port}`,
      OTEL_BSP_SCHEDULE_DELAY: '600000',
    });
    try {
      await post(gw.url, 'query Hanging { me { defaultTenantUid } }', bearer(DEMO.tokens.admin));
      const stopping = performance.now();
      // Far beyond the 2 s export bound: only a stuck export would need it (the exporter's own timeout is 10 s).
      await gw.stop(8_000);
      expect(await gw.exited).toBe(0);
      expect(performance.now() - stopping).toBeLessThan(4_000);
    } finally {
      hanging.closeAllConnections();
      hanging.close();
    }
  });
});
