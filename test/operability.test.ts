import { spawn } from 'node:child_process';
import { Agent, createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { GraphQLClient, rawRequest } from 'graphql-request';
import { loadConfig, ConfigError } from '../src/config.ts';
import { startSandbox, type Sandbox } from '../src/sandbox/server.ts';
import { DEMO } from '../src/sandbox/seed.ts';
import { startTestGateway, type TestGateway } from './helpers/gateway.ts';
import { postRaw, type RawResponse } from './helpers/http.ts';

describe('configuration', () => {
  it('names the bad variable', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ FLOW_API_URL: 'not a url' })).toThrow(/FLOW_API_URL/);
    expect(() => loadConfig({ GRAPHIQL: 'maybe' })).toThrow(/GRAPHIQL/);
  });

  it('has production defaults that turn the explorer aids off', () => {
    const config = loadConfig({ NODE_ENV: 'production' });
    expect(config).toMatchObject({ GRAPHIQL: false, INTROSPECTION: false, DEBUG_UPSTREAM_HEADER: false, PORT: 4000 });
    expect(loadConfig({})).toMatchObject({ GRAPHIQL: true, INTROSPECTION: true });
  });
});

describe('logs, request ids, health, metrics and the debug extension', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway();
  });
  afterAll(() => gw.close());

  it('writes one log line per GraphQL request with operation, duration, upstream calls and request id', async () => {
    await gw.client(DEMO.tokens.admin, { 'x-request-id': 'log-line-1' }).request('query MyAccount { me { defaultTenantUid } }');
    const lines = gw.logs.filter((line) => line.requestId === 'log-line-1');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ operationName: 'MyAccount', status: 200, upstreamCalls: 1, upstreamStatuses: [200] });
    expect(lines[0].durationMs).toEqual(expect.any(Number));
  });

  it('returns the request id to the client, generating one when absent', async () => {
    const given = await rawRequest(gw.url, '{ me { defaultTenantUid } }', undefined, {
      authorization: `Bearer ${DEMO.tokens.admin}`,
      'x-request-id': 'abc-123',
    });
    expect(given.headers.get('x-request-id')).toBe('abc-123');
    const generated = await rawRequest(gw.url, '{ me { defaultTenantUid } }', undefined, { authorization: `Bearer ${DEMO.tokens.admin}` });
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('GET /health is live and GET /ready checks the upstream', async () => {
    expect((await fetch(`${gw.origin}/health`)).status).toBe(200);
    const ready = await fetch(`${gw.origin}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true, upstream: 'closed' });
  });

  it('GET /metrics has request, upstream, cache and circuit metrics', async () => {
    await gw.client(DEMO.tokens.admin).request('query Warm { me { memberships { tenant { name } } } }');
    await gw.client(DEMO.tokens.admin).request('query Warm { me { memberships { tenant { name } } } }');
    const text = await (await fetch(`${gw.origin}/metrics`)).text();
    expect(text).toMatch(/graphql_envelop_request_duration_count\{[^}]*operationName="Warm"[^}]*\} 2/);
    expect(text).toMatch(/flow_upstream_call_duration_seconds_count\{operation="get-account",status="200"\} \d+/);
    expect(text).toMatch(/flow_tenant_cache_lookups_total\{tier="local",result="hit"\} [1-9]/);
    expect(text).toMatch(/flow_tenant_cache_lookups_total\{tier="local",result="miss"\} [1-9]/);
    expect(text).toMatch(/flow_upstream_circuit_open 0/);
  });

  it('lists the REST calls in extensions when asked with x-debug-upstream: 1', async () => {
    const query = '{ me { memberships { tenant { name } } } }';
    const debug = await rawRequest<unknown, Record<string, never>>(gw.url, query, undefined, {
      authorization: `Bearer ${DEMO.tokens.admin}`,
      'x-debug-upstream': '1',
    });
    const calls = (debug.extensions as { upstreamCalls: { method: string; path: string; status: number; ms: number; cacheHit: boolean }[] })
      .upstreamCalls;
    expect(calls[0]).toMatchObject({ method: 'GET', path: '/account', status: 200, cacheHit: false });
    expect(calls.filter((call) => call.path === '/tenants/{tenantUid}')).toHaveLength(2);
    expect(calls.every((call) => typeof call.ms === 'number')).toBe(true);
    const plain = await rawRequest(gw.url, query, undefined, { authorization: `Bearer ${DEMO.tokens.admin}` });
    expect(plain.extensions).toBeUndefined();
  });

  it('never writes a token, password or invite token to the logs', async () => {
    // A tour through every secret-carrying path: login, invites, tokens, errors with bad tokens.
    const admin = gw.client(DEMO.tokens.admin);
    await gw
      .client(DEMO.tokens.device)
      .request('mutation($u: String!, $p: String!) { login(userCode: $u, password: $p) { accessToken } }', {
        u: DEMO.login.userCode,
        p: DEMO.login.password,
      });
    await gw.client().request('query($t: String!) { invitation(inviteToken: $t) { tenant { name } } }', { t: DEMO.inviteToken });
    await gw
      .client(DEMO.tokens.auth)
      .request('mutation($t: String!) { acceptInvitation(inviteToken: $t) { status } }', { t: DEMO.inviteToken });
    const created = await admin.request<{ createIntegrationToken: { token: string }[] }>(
      `mutation { createIntegrationToken(tenantUid: "${DEMO.tenants.alpha}", tenantUserUid: "${DEMO.users.integrationAlpha}") { token } }`,
    );
    await new GraphQLClient(gw.url, { headers: { authorization: 'Bearer not-a-real-token-XYZ' } })
      .request('{ me { defaultTenantUid } }')
      .catch(() => undefined);
    const written = JSON.stringify(gw.logs);
    expect(gw.logs.length).toBeGreaterThan(4);
    for (const secret of [...DEMO.secrets, ...created.createIntegrationToken.map((t) => t.token), 'not-a-real-token-XYZ']) {
      expect(written).not.toContain(secret);
    }
    gw.sandbox.reset();
  });
});

describe('forwarding through the gateway', () => {
  it('forwards Authorization, Accept-Language, x-request-id and traceparent upstream, and no other header', async () => {
    const sandbox = await startSandbox({ port: 0 });
    const seen: IncomingHttpHeaders[] = [];
    // A recording proxy in front of the sandbox: what the gateway really sends.
    const target = new URL(sandbox.url);
    const proxy = createServer((req, res) => {
      seen.push(req.headers);
      const upstream = httpRequest(
        { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const gw = await startTestGateway({ upstreamUrl: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/v2` });
    try {
      await gw
        .client(DEMO.tokens.admin, {
          'accept-language': 'nb-NO',
          'x-request-id': 'fwd-1',
          traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
          cookie: 'session=secret',
          'x-custom': 'nope',
        })
        .request('{ me { defaultTenantUid } }');
      expect(seen).toHaveLength(1);
      expect(seen[0]).toMatchObject({
        authorization: `Bearer ${DEMO.tokens.admin}`,
        'accept-language': 'nb-NO',
        'x-request-id': 'fwd-1',
        traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      });
      expect(seen[0].cookie).toBeUndefined();
      expect(seen[0]['x-custom']).toBeUndefined();
    } finally {
      await gw.close();
      proxy.close();
      await sandbox.close();
    }
  });
});

describe('the real process', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
  });
  afterAll(() => sandbox.close());

  /** The gateway as `npm run dev` runs it, on the test's sandbox. */
  async function startProcess() {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', FLOW_API_URL: sandbox.url, LOG_LEVEL: 'info', NODE_ENV: 'test' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Whatever the test's outcome, the process does not outlive it.
    onTestFinished(() => {
      if (child.exitCode === null) child.kill('SIGKILL');
    });
    await expect.poll(() => /localhost:(\d+)\/graphql/.exec(output)?.[1], { timeout: 15_000 }).toBeDefined();
    const url = `http://127.0.0.1:${/localhost:(\d+)\/graphql/.exec(output)![1]}/graphql`;
    return { child, url, exited, output: () => output };
  }

  it('on SIGTERM loses no request: a burst in flight and keep-alive clients all get answers, then it exits 0 at once', async () => {
    const { child, url, exited } = await startProcess();
    sandbox.faults.set('get-account', { latencyMs: 40 });
    const agent = new Agent({ keepAlive: true, maxSockets: 200 });
    const query = { query: '{ me { defaultTenantUid } }' };
    const headers = { authorization: `Bearer ${DEMO.tokens.admin}` };
    const lost: unknown[] = [];
    let toldToLeave = 0;
    // Keep-alive clients that send one request after another until the gateway tells them to leave
    // (`Connection: close`), as clients behind a load balancer then go to another replica.
    const loops = Array.from({ length: 10 }, async () => {
      let answered = 0;
      for (;;) {
        try {
          const response = await postRaw(url, query, headers, agent);
          expect(response.status).toBe(200);
          answered++;
          if (response.headers.connection === 'close') {
            toldToLeave++;
            return answered;
          }
        } catch (error) {
          lost.push(error);
          return answered;
        }
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    // SIGTERM arrives once all 100 requests are on their way (sent, not yet answered).
    let sent = 0;
    let burst: Promise<RawResponse>[] = [];
    const allSent = new Promise<void>((resolve) => {
      burst = Array.from({ length: 100 }, () => postRaw(url, query, headers, agent, () => ++sent === 100 && resolve()));
    });
    await allSent;
    child.kill('SIGTERM');
    const terminatedAt = performance.now();
    const burstAnswers = await Promise.allSettled(burst);
    expect(await exited).toBe(0);
    const stoppedMs = performance.now() - terminatedAt;
    const answered = await Promise.all(loops);
    agent.destroy();
    sandbox.faults.clear();
    expect(burstAnswers.filter((answer) => answer.status === 'rejected').map((answer) => String(answer.reason))).toEqual([]);
    expect(burstAnswers.map((answer) => (answer.status === 'fulfilled' ? answer.value.status : 0))).toEqual(Array(100).fill(200));
    expect(lost).toEqual([]);
    expect(answered.every((count) => count > 0)).toBe(true);
    expect(toldToLeave).toBe(10);
    // Far below SHUTDOWN_TIMEOUT_MS (10 s): nothing waited for the forced close.
    expect(stoppedMs).toBeLessThan(3_000);
  });

  it('finishes in-flight requests on SIGTERM, then exits 0', async () => {
    const { child, url, exited, output: logs } = await startProcess();

    sandbox.faults.set('get-account', { latencyMs: 600, times: 1 });
    const inFlight = new GraphQLClient(url, { headers: { authorization: `Bearer ${DEMO.tokens.admin}` } }).request<{
      me: { defaultTenantUid: string };
    }>('{ me { defaultTenantUid } }');
    await new Promise((resolve) => setTimeout(resolve, 200));
    child.kill('SIGTERM');
    expect((await inFlight).me.defaultTenantUid).toEqual(expect.any(String));
    expect(await exited).toBe(0);
    expect(logs()).toMatch(/SIGTERM/);
    await expect(fetch(url)).rejects.toThrow();
  });
});
