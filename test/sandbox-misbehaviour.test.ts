/** Faults that make the sandbox behave like a leaky, drifting, overloaded upstream (see src/sandbox/README.md). */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../src/sandbox/server.ts';
import { DEMO } from '../src/sandbox/seed.ts';
import { call, expectError, type CallOptions } from './helpers/sandbox-client.ts';

const { alpha: A } = DEMO.tenants;
const T = DEMO.tokens;

let sb: Sandbox;
let root: string;
const api = (method: string, path: string, opts?: CallOptions) => call(sb.url, method, path, opts);
const ctl = (method: string, path: string, body?: unknown) => call(root, method, `/__sandbox${path}`, { body });

beforeAll(async () => {
  sb = await startSandbox({ port: 0 });
  root = sb.url.replace(/\/v2$/, '');
});
afterAll(() => sb.close());
beforeEach(() => sb.reset());

describe('status faults with message and code', () => {
  it('message replaces the error text, the code stays SANDBOX_FAULT', async () => {
    await ctl('PUT', '/faults', { 'get-account': { status: 500, message: 'db01.internal: SELECT * FROM users failed' } });
    const r = await api('GET', '/account', { token: T.admin });
    expectError(r, 500, 'SANDBOX_FAULT');
    expect(r.body.message).toBe('db01.internal: SELECT * FROM users failed');
  });

  it('code replaces the error code', async () => {
    sb.faults.set('get-tenants', { status: 502, code: 'BAD_GATEWAY', message: 'upstream pool exhausted' });
    const r = await api('GET', '/tenants', { token: T.admin });
    expectError(r, 502, 'BAD_GATEWAY');
    expect(r.body.message).toBe('upstream pool exhausted');
  });
});

describe('headers faults', () => {
  it('go out with a status fault', async () => {
    sb.faults.set('get-account', { status: 429, headers: { 'retry-after': '2' }, times: 1 });
    const r = await api('GET', '/account', { token: T.admin });
    expectError(r, 429, 'SANDBOX_FAULT');
    expect(r.headers.get('retry-after')).toBe('2');
    const next = await api('GET', '/account', { token: T.admin });
    expect(next.status).toBe(200);
    expect(next.headers.get('retry-after')).toBeNull();
  });

  it('go out with normal replies, body faults and errors the call runs into', async () => {
    await ctl('PUT', '/faults', { '*': { headers: { 'x-upstream': 'eu-1', deprecation: 'true' } } });
    const normal = await api('GET', `/tenants/${A}`, { token: T.admin });
    expect(normal.status).toBe(200);
    expect(normal.body.tenantUid).toBe(A);
    expect(normal.headers.get('x-upstream')).toBe('eu-1');
    expect(normal.headers.get('deprecation')).toBe('true');
    expect(normal.headers.get('content-type')).toMatch(/^application\/json/);
    expect(Number(normal.headers.get('content-length'))).toBe(Buffer.byteLength(normal.text));

    const denied = await api('GET', '/account');
    expectError(denied, 401, 'UNAUTHORIZED');
    expect(denied.headers.get('x-upstream')).toBe('eu-1');

    sb.faults.set('get-account', { body: { unexpected: true }, headers: { 'x-cache': 'HIT' } });
    const faked = await api('GET', '/account', { token: T.admin });
    expect(faked.body).toEqual({ unexpected: true });
    expect(faked.headers.get('x-cache')).toBe('HIT');
    expect(faked.headers.get('x-upstream')).toBeNull();
  });

  it('keep the headers an operation sets itself', async () => {
    sb.faults.set('post-tenants-account', { headers: { 'x-extra': '1' } });
    const r = await api('POST', `/tenants/${A}/account`, { token: T.auth });
    expect(r.status).toBe(200);
    expect(r.headers.get('x-extra')).toBe('1');
    expect(r.headers.get('x-access-token')).toMatch(/^sbx-access-/);
  });
});

describe('fault validation', () => {
  it('PUT /__sandbox/faults accepts body and rejects message/code without status and bad headers', async () => {
    expect((await ctl('PUT', '/faults', { 'get-account': { body: [1, 2] } })).status).toBe(200);
    await ctl('DELETE', '/faults');
    const bad = [
      { message: 'x' },
      { code: 'X', latencyMs: 1 },
      { status: 500, message: '' },
      { headers: { 'Retry-After': '2' } },
      { headers: { 'retry-after': 2 } },
      { headers: { 'x-a': 'line\r\nbreak' } },
      { headers: { 'content-length': '1' } },
      { headers: { 'content-type': 'text/html' } },
    ];
    for (const fault of bad) expectError(await ctl('PUT', '/faults', { 'get-account': fault }), 400, 'VALIDATION_ERROR');
    expect((await ctl('GET', '/faults')).body).toEqual({});
  });

  it('faults.set checks faults the same way', () => {
    expect(() => sb.faults.set('get-account', { message: 'x' })).toThrow(/must have property status/);
    expect(() => sb.faults.set('get-account', { headers: { 'transfer-encoding': 'chunked' } })).toThrow();
    sb.faults.set('get-account', { status: 503, code: 'DOWN', headers: { 'retry-after': '1' } });
  });
});
