import { createConnection } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startSandbox } from '../src/sandbox/server.ts';
import { DEMO } from '../src/sandbox/seed.ts';
import { call, expectConforms, expectError } from './helpers/sandbox-client.ts';
import { useSandbox } from './helpers/sandbox-fixture.ts';

const { alpha: A } = DEMO.tenants;
const T = DEMO.tokens;
const { sb, api, ctl } = useSandbox();

async function timed<R>(fn: () => Promise<R>): Promise<[R, number]> {
  const start = performance.now();
  const result = await fn();
  return [result, performance.now() - start];
}

describe('sandbox counters', () => {
  it('count every routed request per operationId, including 4xx and faulted ones', async () => {
    expect(sb.counters.total()).toBe(0);
    await api('GET', '/account', { token: T.admin });
    await api('GET', '/account');
    await api('GET', `/tenants/${A}`, { token: T.admin });
    await api('GET', '/tenants/bad.uid', { token: T.admin });
    await api('GET', '/nope', { token: T.admin });
    sb.faults.set('get-tenants', { status: 503, times: 1 });
    await api('GET', '/tenants', { token: T.admin });
    expect(sb.counters.get('get-account')).toBe(2);
    expect(sb.counters.get('get-tenants-details')).toBe(2);
    expect(sb.counters.get('get-tenants')).toBe(1);
    expect(sb.counters.get('put-account')).toBe(0);
    expect(sb.counters.total()).toBe(5);
    expect(sb.counters.snapshot()).toEqual({ 'get-account': 2, 'get-tenants-details': 2, 'get-tenants': 1 });
    sb.counters.reset();
    expect(sb.counters.total()).toBe(0);
    expect(sb.counters.snapshot()).toEqual({});
  });
});

describe('sandbox faults', () => {
  it('latency delays the matching operation only', async () => {
    sb.faults.set('get-account', { latencyMs: 150 });
    const [slow, slowMs] = await timed(() => api('GET', '/account', { token: T.admin }));
    expect(slow.status).toBe(200);
    expect(slowMs).toBeGreaterThanOrEqual(140);
    const [, fastMs] = await timed(() => api('GET', '/tenants', { token: T.admin }));
    expect(fastMs).toBeLessThan(140);
  });

  it('status answers with a GenericErrorResponse and skips the handler', async () => {
    sb.faults.set('post-tenants-users', { status: 503 });
    const r = await api('POST', `/tenants/${A}/users`, {
      token: T.admin,
      body: { accountType: 'REGULAR', tenantRole: 'ACCESS', userCode: 'f', password: 'p' },
    });
    expectError(r, 503, 'SANDBOX_FAULT');
    sb.faults.clear();
    expect((await api('GET', `/tenants/${A}/users?pageSize=1`, { token: T.admin })).body.paging.totalCount).toBe(64);
  });

  it('drop destroys the socket without an answer', async () => {
    sb.faults.set('get-tenants-details', { drop: true, times: 1 });
    await expect(fetch(`${sb.url}/tenants/${A}`, { headers: { authorization: `Bearer ${T.admin}` } })).rejects.toThrow();
    expect(sb.counters.get('get-tenants-details')).toBe(1);
    // the server keeps serving
    expect((await api('GET', `/tenants/${A}`, { token: T.admin })).status).toBe(200);
  });

  it('malformedJson answers 200 application/json with an unparseable body', async () => {
    sb.faults.set('get-tenants', { malformedJson: true });
    const res = await fetch(`${sb.url}/tenants`, { headers: { authorization: `Bearer ${T.admin}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const text = await res.text();
    expect(text.length).toBeGreaterThan(0);
    expect(() => {
      JSON.parse(text);
    }).toThrow();
  });

  it('body answers 200 with the given JSON instead of the spec shape', async () => {
    sb.faults.set('get-account', { body: { unexpected: true }, times: 1 });
    const res = await fetch(`${sb.url}/account`, { headers: { authorization: `Bearer ${T.admin}` } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ unexpected: true });
    expect((await api('GET', '/account', { token: T.admin })).body.tenants.length).toBeGreaterThan(0);
  });

  it('times limits a fault to the next N matching calls; "*" matches every operation; specific beats "*"', async () => {
    sb.faults.set('*', { status: 500, times: 2 });
    sb.faults.set('get-account', { status: 418 });
    expect((await api('GET', '/account', { token: T.admin })).status).toBe(418);
    expect((await api('GET', '/tenants', { token: T.admin })).status).toBe(500);
    expect((await api('GET', `/tenants/${A}`, { token: T.admin })).status).toBe(500);
    expect((await api('GET', `/tenants/${A}`, { token: T.admin })).status).toBe(200);
    expect((await api('GET', '/account', { token: T.admin })).status).toBe(418);
    sb.faults.clear();
    expect((await api('GET', '/account', { token: T.admin })).status).toBe(200);
  });

  it('faults.set rejects unknown operationIds', () => {
    expect(() => sb.faults.set('get-acount', { status: 500 })).toThrow(/Unknown operationId/);
  });

  it('the latencyMs option delays every API call', async () => {
    const slow = await startSandbox({ port: 0, latencyMs: 120 });
    try {
      const [r, ms] = await timed(() => call(slow.url, 'GET', '/account', { token: T.admin }));
      expect(r.status).toBe(200);
      expect(ms).toBeGreaterThanOrEqual(110);
    } finally {
      await slow.close();
    }
  });
});

describe('sandbox control endpoints (HTTP)', () => {
  it('GET /__sandbox/counters and POST /__sandbox/counters/reset', async () => {
    await api('GET', '/account', { token: T.admin });
    await api('GET', '/account', { token: T.admin });
    expect((await ctl('GET', '/counters')).body).toEqual({ 'get-account': 2 });
    expect((await ctl('POST', '/counters/reset')).status).toBe(204);
    expect((await ctl('GET', '/counters')).body).toEqual({});
    expect(sb.counters.total()).toBe(0);
  });

  it('PUT/GET/DELETE /__sandbox/faults', async () => {
    const put = await ctl('PUT', '/faults', { 'get-account': { status: 502, times: 1 }, '*': { latencyMs: 1 } });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ 'get-account': { status: 502, times: 1 }, '*': { latencyMs: 1 } });
    expect((await api('GET', '/account', { token: T.admin })).status).toBe(502);
    expect((await ctl('GET', '/faults')).body).toEqual({ '*': { latencyMs: 1 } });
    expect((await ctl('DELETE', '/faults')).status).toBe(204);
    expect((await ctl('GET', '/faults')).body).toEqual({});
  });

  it('PUT /__sandbox/faults validates operationIds and fault fields', async () => {
    const bad = await ctl('PUT', '/faults', { 'get-acount': { status: 500 } });
    expectError(bad, 400);
    expect(bad.body.message).toContain('property name must be valid');
    expectError(await ctl('PUT', '/faults', { 'get-account': { status: 'x' } }), 400);
    expectError(await ctl('PUT', '/faults', { 'get-account': { explode: true } }), 400);
    expect((await ctl('GET', '/faults')).body).toEqual({});
  });

  it('POST /__sandbox/reset reseeds state and clears counters and faults', async () => {
    await api('DELETE', `/tenants/${A}/users/${DEMO.users.regularAlpha}`, { token: T.admin });
    sb.faults.set('get-tenants', { status: 500 });
    expect((await ctl('POST', '/reset')).status).toBe(204);
    expect(sb.counters.total()).toBe(0);
    expect((await api('GET', '/tenants', { token: T.admin })).status).toBe(200);
    expect((await api('GET', `/tenants/${A}/users/${DEMO.users.regularAlpha}`, { token: T.admin })).status).toBe(200);
  });

  it('GET /__sandbox/traceparents lists the traceparent of the latest API calls that carried one, no other header', async () => {
    const traceparent = (n: number) => `00-${'a'.repeat(31)}${n % 10}-${'b'.repeat(16)}-01`;
    await api('GET', '/account', { token: T.admin, headers: { traceparent: traceparent(1) } });
    await api('GET', '/tenants', { token: T.admin });
    await api('GET', '/nope', { token: T.admin, headers: { traceparent: traceparent(2) } });
    await api('GET', `/tenants/${A}`, { token: T.admin, headers: { traceparent: traceparent(3) } });
    const expected = [
      { operationId: 'get-account', traceparent: traceparent(1) },
      { operationId: 'get-tenants-details', traceparent: traceparent(3) },
    ];
    expect((await ctl('GET', '/traceparents')).body).toEqual(expected);
    expect(sb.traceparents()).toEqual(expected);
    for (let n = 0; n < 105; n++) await api('GET', '/account', { token: T.admin, headers: { traceparent: traceparent(n) } });
    const kept = sb.traceparents();
    expect(kept).toHaveLength(100);
    expect(kept.at(-1)).toEqual({ operationId: 'get-account', traceparent: traceparent(104) });
    expect((await ctl('POST', '/reset')).status).toBe(204);
    expect(sb.traceparents()).toEqual([]);
  });

  it('unknown control paths are 404, wrong methods 405; control calls are not counted', async () => {
    expectError(await ctl('GET', '/nope'), 404);
    expectError(await ctl('GET', '/reset'), 405);
    expect(sb.counters.total()).toBe(0);
  });
});

describe('sandbox lifecycle', () => {
  it('reset() reseeds the state and clears counters and faults', async () => {
    await api('PUT', `/tenants/${A}`, { token: T.admin, body: { name: 'Changed' } });
    const login = await api('POST', '/account', { token: T.device, body: DEMO.login });
    sb.faults.set('*', { status: 500 });
    sb.reset();
    expect(sb.counters.total()).toBe(0);
    const tenant = await api('GET', `/tenants/${A}`, { token: T.admin });
    expect(tenant.body.name).toBe('Alpha Sport AS');
    expectConforms('get-tenants-details', tenant);
    // tokens issued before the reset are gone
    expectError(await api('GET', '/account', { token: String(login.body.accessToken) }), 401);
  });

  it('survives garbage: bad encodings, huge bodies, raw junk on the socket', async () => {
    expectError(await api('GET', '/tenants/%ZZ', { token: T.admin }), 400);
    const huge = await api('PUT', `/tenants/${A}`, { token: T.admin, rawBody: JSON.stringify({ name: 'x'.repeat(1_100_000) }) });
    expectError(huge, 413);
    await new Promise<void>((resolve) => {
      const socket = createConnection(sb.port, '127.0.0.1', () => socket.end('NOT HTTP AT ALL\r\n\r\n'));
      socket.on('close', () => resolve());
      socket.on('error', () => resolve());
      socket.resume();
    });
    expect((await api('GET', '/account', { token: T.admin })).status).toBe(200);
  });

  it('close() resolves promptly with idle keep-alive sockets and in-flight delayed requests', async () => {
    const other = await startSandbox({ port: 0 });
    const socket = createConnection(other.port, '127.0.0.1');
    await new Promise<void>((resolve) => {
      socket.once('connect', () =>
        socket.write(`GET /v2/account HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${T.admin}\r\nConnection: keep-alive\r\n\r\n`),
      );
      socket.once('data', () => resolve());
    });
    other.faults.set('get-tenants', { latencyMs: 10_000 });
    const pending = fetch(`${other.url}/tenants`, { headers: { authorization: `Bearer ${T.admin}` } }).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 50));
    const [, ms] = await timed(() => other.close());
    expect(ms).toBeLessThan(1000);
    expect(await pending).toBeInstanceOf(Error);
    socket.destroy();
  });
});
