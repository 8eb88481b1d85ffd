/** Faults that make the sandbox behave like a leaky, drifting, overloaded upstream (see src/sandbox/README.md). */
import { ServerResponse } from 'node:http';
import { describe, expect, it, vi } from 'vitest';
import { startSandbox } from '../src/sandbox/server.ts';
import { DEMO } from '../src/sandbox/seed.ts';
import type { Json } from './helpers/graphql.ts';
import { expectError } from './helpers/sandbox-client.ts';
import { useSandbox } from './helpers/sandbox-fixture.ts';

const { alpha: A } = DEMO.tenants;
const T = DEMO.tokens;
const { sb, api, ctl } = useSandbox();

const auth = { authorization: `Bearer ${T.admin}` };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const activeTimeouts = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

/** Fetches and reads the body chunk by chunk, timing the headers and the whole body. */
async function timedRead(url: string) {
  const start = performance.now();
  const res = await fetch(url, { headers: auth });
  const headersMs = performance.now() - start;
  const chunks: Uint8Array[] = [];
  for await (const chunk of res.body!) chunks.push(chunk);
  return { res, headersMs, totalMs: performance.now() - start, chunks: chunks.length, text: Buffer.concat(chunks).toString('utf8') };
}

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

describe('trickleMs', () => {
  it('sends the headers at once (no content-length), then the body one byte every trickleMs', async () => {
    sb.faults.set('get-account', { body: { ok: true }, trickleMs: 25, headers: { 'x-slow': 'yes' } });
    const r = await timedRead(`${sb.url}/account`);
    expect(r.res.status).toBe(200);
    expect(r.res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(r.res.headers.get('content-length')).toBeNull();
    expect(r.res.headers.get('transfer-encoding')).toBe('chunked');
    expect(r.res.headers.get('x-slow')).toBe('yes');
    expect(r.headersMs).toBeLessThan(r.totalMs / 2);
    expect(r.text).toBe('{"ok":true}');
    expect(r.totalMs).toBeGreaterThanOrEqual(11 * 25 * 0.9);
    expect(r.chunks).toBeGreaterThan(5);
  });

  it('comes after latencyMs and trickles normal replies and status faults alike', async () => {
    sb.faults.set('get-tenants-users-details', { latencyMs: 150, trickleMs: 1 });
    const normal = await timedRead(`${sb.url}/tenants/${A}/users/${DEMO.users.regularAlpha}`);
    expect(normal.headersMs).toBeGreaterThanOrEqual(140);
    expect(normal.res.headers.get('content-length')).toBeNull();
    expect((JSON.parse(normal.text) as Json).tenantUserUid).toBe(DEMO.users.regularAlpha);
    expect(normal.totalMs - normal.headersMs).toBeGreaterThanOrEqual(Buffer.byteLength(normal.text) * 0.9);

    sb.faults.set('get-account', { status: 503, message: 'slowly failing', trickleMs: 2 });
    const failed = await timedRead(`${sb.url}/account`);
    expect(failed.res.status).toBe(503);
    expect(failed.res.headers.get('content-length')).toBeNull();
    expect(JSON.parse(failed.text)).toMatchObject({ code: 'SANDBOX_FAULT', message: 'slowly failing' });
  });

  it('does not trickle bodiless statuses', async () => {
    const write = vi.spyOn(ServerResponse.prototype, 'write');
    try {
      sb.faults.set('get-account', { status: 204, trickleMs: 5 });
      const empty = await api('GET', '/account', { token: T.admin });
      expect(empty.status).toBe(204);
      expect(empty.text).toBe('');
      await sleep(50);
      expect(write).not.toHaveBeenCalled();
    } finally {
      write.mockRestore();
    }
  });

  it('stops writing when the client goes away', async () => {
    const write = vi.spyOn(ServerResponse.prototype, 'write');
    try {
      sb.faults.set('get-tenants-details', { trickleMs: 5 });
      const abort = new AbortController();
      const res = await fetch(`${sb.url}/tenants/${A}`, { headers: auth, signal: abort.signal });
      const reader = res.body!.getReader();
      for (let i = 0; i < 3; i++) await reader.read();
      abort.abort();
      await sleep(200);
      const written = write.mock.calls.length;
      expect(written).toBeGreaterThanOrEqual(3);
      await sleep(200);
      expect(write.mock.calls.length).toBe(written);
    } finally {
      write.mockRestore();
    }
  });

  it('leaves no timer behind after close()', async () => {
    const other = await startSandbox({ port: 0 });
    other.faults.set('get-tenants-details', { trickleMs: 50 });
    const res = await fetch(`${other.url}/tenants/${A}`, { headers: auth });
    const reader = res.body!.getReader();
    await reader.read();
    // the wait for the next byte is pending; close() must cancel it
    const during = activeTimeouts();
    expect(during).toBeGreaterThanOrEqual(1);
    await other.close();
    expect(activeTimeouts()).toBeLessThan(during);
    await expect(reader.read()).rejects.toThrow();
  });
});

describe('padBytes', () => {
  it('pads the reply object with _padding to exactly padBytes, with a content-length', async () => {
    sb.faults.set('get-account', { padBytes: 50 * 1024 * 1024, times: 1 });
    const res = await fetch(`${sb.url}/account`, { headers: auth });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe(String(50 * 1024 * 1024));
    const text = await res.text();
    expect(text.length).toBe(50 * 1024 * 1024);
    const body = JSON.parse(text) as Json;
    expect(body.defaultTenantUid).toBe(A);
    expect(body._padding).toMatch(/^x+$/);
    expect((await api('GET', '/account', { token: T.admin })).body).not.toHaveProperty('_padding');
  });

  it('keeps bodies that are already long enough, pads body faults, leaves non-objects alone', async () => {
    sb.faults.set('get-tenants', { padBytes: 10 });
    const list = await api('GET', '/tenants', { token: T.admin });
    expect(list.body._padding).toBe('');
    expect(list.body.items.length).toBeGreaterThan(0);

    sb.faults.set('get-account', { body: { a: 1 }, padBytes: 100 });
    const faked = await api('GET', '/account', { token: T.admin });
    expect(faked.text.length).toBe(100);
    expect(faked.body).toEqual({ a: 1, _padding: 'x'.repeat(100 - '{"a":1,"_padding":""}'.length) });

    sb.faults.set('get-account', { body: [1, 2], padBytes: 100 });
    expect((await api('GET', '/account', { token: T.admin })).text).toBe('[1,2]');
  });

  it('padChunked sends the padded body without content-length, in 64 KiB chunks', async () => {
    await ctl('PUT', '/faults', { 'get-account': { padBytes: 1024 * 1024, padChunked: true } });
    const r = await timedRead(`${sb.url}/account`);
    expect(r.res.status).toBe(200);
    expect(r.res.headers.get('content-length')).toBeNull();
    expect(r.res.headers.get('transfer-encoding')).toBe('chunked');
    expect(r.text.length).toBe(1024 * 1024);
    expect((JSON.parse(r.text) as Json).defaultTenantUid).toBe(A);
    expect(r.chunks).toBeGreaterThanOrEqual(2);
  });

  it('rejects bad values', async () => {
    for (const fault of [{ padChunked: true }, { padBytes: -1 }, { padBytes: 1024 ** 3 }, { trickleMs: 0 }, { trickleMs: 1.5 }]) {
      expectError(await ctl('PUT', '/faults', { 'get-account': fault }), 400, 'VALIDATION_ERROR');
    }
  });
});

describe('drift rules', () => {
  it('rewrite the normal reply after the handler ran (state changes still happen)', async () => {
    sb.faults.set('put-tenants-users-details', {
      drift: [
        { path: 'tenantRole', value: 'OWNER' },
        { path: 'storeAccess.*.storeRole', value: 'MANAGER' },
        { path: 'someNewField', value: { x: 1 } },
      ],
      times: 1,
    });
    const r = await api('PUT', `/tenants/${A}/users/${DEMO.users.regularAlpha}`, { token: T.admin, body: { mobile: '+47 12121212' } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ tenantRole: 'OWNER', mobile: '+47 12121212', someNewField: { x: 1 } });
    expect(r.body.storeAccess.length).toBeGreaterThan(0);
    for (const access of r.body.storeAccess) expect(access.storeRole).toBe('MANAGER');
    const stored = await api('GET', `/tenants/${A}/users/${DEMO.users.regularAlpha}`, { token: T.admin });
    expect(stored.body.mobile).toBe('+47 12121212');
    expect(stored.body.tenantRole).not.toBe('OWNER');
    expect(stored.body).not.toHaveProperty('someNewField');
  });

  it('follow * over array elements and object keys, indices, null values and removals', async () => {
    const plain = (await api('GET', `/tenants/${A}/users?pageSize=6`, { token: T.admin })).body;
    await ctl('PUT', '/faults', {
      'get-tenants-users': {
        drift: [
          { path: 'items.*.tenantRole', value: 'OWNER' },
          { path: 'items.3.email', value: null },
          { path: 'items.*.someNewField', value: { x: 1 } },
          { path: 'items.0', remove: true },
          { path: 'paging.*', value: 'n/a' },
        ],
      },
      'get-account': { drift: [{ path: 'tenants.0.lastAccessed', remove: true }] },
      'get-tenants-details': {
        drift: [
          { path: 'settings.requiredCustomerFields', value: ['email', 'loyaltyCard'] },
          { path: 'extensions.1.extensionCode', value: 'NEW_THING' },
          { path: 'extensions.*.active', remove: true },
        ],
      },
    });
    const list = (await api('GET', `/tenants/${A}/users?pageSize=6`, { token: T.admin })).body;
    expect(list.items.map((u) => u.tenantUserUid)).toEqual(plain.items.slice(1).map((u) => u.tenantUserUid));
    for (const u of list.items) {
      expect(u.tenantRole).toBe('OWNER');
      expect(u.someNewField).toStrictEqual({ x: 1 });
    }
    expect(list.items[2].email).toBeNull();
    expect(list.items[2].tenantUserUid).toBe(plain.items[3].tenantUserUid);
    expect(list.paging).toEqual({ totalCount: 'n/a', pageSize: 'n/a', pageNumber: 'n/a' });

    const account = (await api('GET', '/account', { token: T.admin })).body;
    expect(account.tenants[0]).not.toHaveProperty('lastAccessed');
    expect(account.tenants[1]).toHaveProperty('lastAccessed');

    const tenant = (await api('GET', `/tenants/${A}`, { token: T.admin })).body;
    expect(tenant.settings.requiredCustomerFields).toEqual(['email', 'loyaltyCard']);
    expect(tenant.extensions.map((e) => e.extensionCode)).toEqual(['VIPPS', 'NEW_THING', 'SMS', 'LOYALTY_POINTS']);
    for (const extension of tenant.extensions) expect(extension).not.toHaveProperty('active');
  });

  it('ignore paths that match nothing and never grow arrays or create intermediate objects', async () => {
    sb.faults.set('get-tenants-details', {
      drift: [
        { path: 'nope.deeper', value: 1 },
        { path: 'extensions.99.name', value: 'x' },
        { path: 'extensions.4', value: {} },
        { path: 'name.length', value: 3 },
        { path: 'missing', remove: true },
      ],
    });
    const drifted = await api('GET', `/tenants/${A}`, { token: T.admin });
    sb.faults.clear();
    const plain = await api('GET', `/tenants/${A}`, { token: T.admin });
    expect(drifted.body).toEqual(plain.body);
  });

  it('apply to body faults and combine with headers, padding and trickle', async () => {
    sb.faults.set('get-account', {
      body: { items: [{ a: 1 }, { a: 2 }] },
      drift: [{ path: 'items.*.a', value: 'x' }],
      headers: { 'x-drifted': 'yes' },
      padBytes: 60,
      trickleMs: 2,
    });
    const r = await timedRead(`${sb.url}/account`);
    expect(r.res.headers.get('x-drifted')).toBe('yes');
    expect(r.res.headers.get('content-length')).toBeNull();
    expect(r.text.length).toBe(60);
    expect(JSON.parse(r.text)).toMatchObject({ items: [{ a: 'x' }, { a: 'x' }] });
  });

  it('are validated', async () => {
    const bad = [
      { drift: { path: 'a', value: 1 } },
      { drift: [{ path: 'a' }] },
      { drift: [{ path: 'a', remove: false }] },
      { drift: [{ path: 'a', value: 1, remove: true }] },
      { drift: [{ path: '', value: 1 }] },
      { drift: [{ path: 'a..b', value: 1 }] },
      { drift: [{ path: 'a', value: 1, extra: true }] },
    ];
    for (const fault of bad) expectError(await ctl('PUT', '/faults', { 'get-account': fault }), 400, 'VALIDATION_ERROR');
    expect(
      (
        await ctl('PUT', '/faults', {
          'get-account': {
            drift: [
              { path: 'a', value: null },
              { path: 'b', remove: true },
            ],
          },
        })
      ).status,
    ).toBe(200);
  });
});

describe('drift presets (from the spec)', () => {
  const users = async (): Promise<Json> => (await api('GET', `/tenants/${A}/users?pageSize=20`, { token: T.admin })).body;
  const tenant = async (): Promise<Json> => (await api('GET', `/tenants/${A}`, { token: T.admin })).body;

  it('unknown-enums replaces every enum value with one outside the enum, deterministically', async () => {
    const plain = { users: await users(), tenant: await tenant() };
    sb.faults.set('get-tenants-users', { driftPreset: 'unknown-enums' });
    sb.faults.set('get-tenants-details', { driftPreset: 'unknown-enums' });
    const drifted = { users: await users(), tenant: await tenant() };
    expect(await users()).toEqual(drifted.users);

    const storeRoles = drifted.users.items.flatMap((u) => u.storeAccess.map((a) => a.storeRole));
    expect(storeRoles.length).toBeGreaterThan(0);
    expect(new Set(storeRoles)).toEqual(new Set(['NEW_BACKOFFICE']));
    for (const user of drifted.users.items)
      expect(user).toMatchObject({ tenantRole: 'NEW_BACKOFFICE', accountType: 'NEW_INTEGRATION', status: 'NEW_PENDING_INVITE' });
    const strip = (u: Json) => ({
      ...u,
      tenantRole: 0,
      accountType: 0,
      status: 0,
      storeAccess: u.storeAccess.map((a) => ({ ...a, storeRole: 0 })),
    });
    expect(drifted.users.items.map(strip)).toEqual(plain.users.items.map(strip));
    expect(drifted.users.paging).toEqual(plain.users.paging);

    expect(drifted.tenant.extensions.map((e) => e.extensionCode)).toEqual(Array(4).fill('NEW_PEOPLE_COUNTER_KUNDETELLING'));
    expect(drifted.tenant.settings.requiredCustomerFields).toEqual(['NEW_postalCode', 'NEW_postalCode']);
    expect(drifted.tenant.name).toBe(plain.tenant.name);
  });

  it('nulls sets the required string fields to null, at every level', async () => {
    sb.faults.set('get-tenants-details', { driftPreset: 'nulls' });
    const t = await tenant();
    expect(t).toMatchObject({ tenantUid: null, name: null, countryCode: null, createdAt: null, languageCode: null });
    expect(typeof t.settings).toBe('object');
    expect(t.settings.autoLogout).toEqual(expect.any(Number));
    for (const e of t.extensions)
      expect(e).toMatchObject({ extensionCode: null, name: null, tenantExtensionUid: null, active: expect.any(Boolean) as unknown });
    expect(t.assets.logo.url).toBeNull();
  });

  it('missing removes the required keys below the top level', async () => {
    sb.faults.set('get-account', { driftPreset: 'missing' });
    const account = (await api('GET', '/account', { token: T.admin })).body;
    expect(Object.keys(account).sort()).toEqual(['defaultTenantUid', 'globalRoles', 'tenants']);
    expect(account.tenants).toHaveLength(2);
    for (const t of account.tenants) {
      expect(t).not.toHaveProperty('tenantUserUid');
      expect(t).not.toHaveProperty('tenantRole');
      expect(Object.keys(t).every((k) => k === 'defaultStoreUid')).toBe(true);
    }
  });

  it('extra adds undeclared properties to every object the schema describes', async () => {
    sb.faults.set('get-tenants-users', { driftPreset: 'extra' });
    const list = await users();
    const extra = { driftExtra: 'not in the spec', driftExtraObject: { nested: true } };
    expect(list).toMatchObject(extra);
    expect(list.paging).toMatchObject(extra);
    for (const user of list.items) {
      expect(user).toMatchObject(extra);
      expect(user.permissions).toMatchObject(extra);
      for (const access of user.storeAccess) expect(access).toMatchObject(extra);
    }
  });

  it('run before the rules, apply to body faults, leave bodiless replies alone', async () => {
    sb.faults.set('get-tenants-users', { driftPreset: 'unknown-enums', drift: [{ path: 'items.0.tenantRole', value: 'ADMIN' }] });
    const list = await users();
    expect(list.items[0].tenantRole).toBe('ADMIN');
    expect(list.items[1].tenantRole).toBe('NEW_BACKOFFICE');

    sb.faults.set('get-tenants-account', { body: { tenantRole: 'ADMIN', hobby: 'chess' }, driftPreset: 'unknown-enums' });
    expect((await api('GET', `/tenants/${A}/account`, { token: T.admin })).body).toEqual({ tenantRole: 'NEW_BACKOFFICE', hobby: 'chess' });

    sb.faults.set('delete-tenants-users-details', { driftPreset: 'extra' });
    const deleted = await api('DELETE', `/tenants/${A}/users/${DEMO.users.regularAlpha}`, { token: T.admin });
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
  });

  it('are validated', async () => {
    expectError(await ctl('PUT', '/faults', { 'get-account': { driftPreset: 'chaos' } }), 400, 'VALIDATION_ERROR');
    expect((await ctl('PUT', '/faults', { 'get-account': { driftPreset: 'nulls' } })).status).toBe(200);
  });
});

describe('token revocation', () => {
  it('POST /__sandbox/tokens/revoke makes the token fail with 401 until reset', async () => {
    expect((await ctl('POST', '/tokens/revoke', { token: T.admin })).status).toBe(204);
    expectError(await api('GET', '/account', { token: T.admin }), 401, 'UNAUTHORIZED');
    expectError(await api('GET', `/tenants/${A}`, { token: T.admin }), 401, 'UNAUTHORIZED');
    expect((await api('GET', '/account', { token: T.regular })).status).toBe(200);
    expect((await api('GET', `/tenants/${A}`, { token: T.auth })).status).toBe(200);
    expectError(await ctl('POST', '/tokens/revoke', { token: T.admin }), 404, 'NOT_FOUND');
    expect(sb.counters.snapshot()).toEqual({ 'get-account': 2, 'get-tenants-details': 2 });

    expect((await ctl('POST', '/reset')).status).toBe(204);
    expect((await api('GET', '/account', { token: T.admin })).status).toBe(200);
  });

  it('works for tokens minted at runtime and rejects bad requests', async () => {
    const login = await api('POST', '/account', { token: T.device, body: DEMO.login });
    const minted = String(login.body.accessToken);
    expect((await api('GET', '/account', { token: minted })).status).toBe(200);
    expect((await ctl('POST', '/tokens/revoke', { token: minted })).status).toBe(204);
    expectError(await api('GET', '/account', { token: minted }), 401, 'UNAUTHORIZED');

    expectError(await ctl('POST', '/tokens/revoke', { token: 'sbx-access-never-issued' }), 404, 'NOT_FOUND');
    for (const body of [{}, { token: 42 }, { token: '' }, { token: T.admin, extra: 1 }]) {
      expectError(await ctl('POST', '/tokens/revoke', body), 400, 'VALIDATION_ERROR');
    }
    expectError(await ctl('GET', '/tokens/revoke'), 405);
    expect((await api('GET', '/account', { token: T.admin })).status).toBe(200);
  });

  it('sb.revokeToken does the same in-process', async () => {
    expect(sb.revokeToken(T.integration)).toBe(true);
    expectError(await api('GET', `/tenants/${A}/users?pageSize=1`, { token: T.integration }), 401, 'UNAUTHORIZED');
    expect(sb.revokeToken(T.integration)).toBe(false);
    expect(sb.revokeToken(T.device)).toBe(true);
    expectError(await api('POST', '/account', { token: T.device, body: DEMO.login }), 401, 'UNAUTHORIZED');
    sb.reset();
    expect((await api('GET', `/tenants/${A}/users?pageSize=1`, { token: T.integration })).status).toBe(200);
    expect((await api('POST', '/account', { token: T.device, body: DEMO.login })).status).toBe(200);
  });
});
