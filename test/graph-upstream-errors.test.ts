import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO } from '../src/sandbox/seed.ts';
import { startTestGateway, type TestGateway } from './helpers/gateway.ts';
import { run } from './helpers/graphql.ts';

/** What the real API answers beyond the happy path, mapped to what a frontend can act on. */
const ALPHA = DEMO.tenants.alpha;
const ME = '{ me { defaultTenantUid } }';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({ env: { UPSTREAM_RETRIES: '2', REQUEST_DEADLINE_MS: '5000' } });
});
afterAll(() => gw.close());
beforeEach(() => {
  gw.sandbox.reset();
});

describe('429 Too Many Requests', () => {
  it('is RATE_LIMITED with retryAfter in seconds', async () => {
    gw.sandbox.faults.set('get-account', { status: 429, headers: { 'retry-after': '30' } });
    const { errors } = await run(gw.client(DEMO.tokens.admin), ME);
    expect(errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', status: 429, retryAfter: 30 });
    // 30 s does not fit the 5 s deadline: not retried.
    expect(gw.sandbox.counters.get('get-account')).toBe(1);
  });

  it('a GET is retried once after what Retry-After asks, when that fits the deadline', async () => {
    gw.sandbox.faults.set('get-account', { status: 429, headers: { 'retry-after': '1' }, times: 1 });
    const started = performance.now();
    const { data, errors } = await run(gw.client(DEMO.tokens.admin), ME);
    expect(errors).toBeUndefined();
    expect(data.me.defaultTenantUid).toEqual(expect.any(String));
    expect(gw.sandbox.counters.get('get-account')).toBe(2);
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('an HTTP-date Retry-After counts too, and a mutation is never retried', async () => {
    gw.sandbox.faults.set('put-account', { status: 429, headers: { 'retry-after': new Date(Date.now() + 1_000).toUTCString() } });
    const { errors } = await run(
      gw.client(DEMO.tokens.admin),
      `mutation { updateAccount(input: { defaultTenantUid: "${ALPHA}" }) { defaultTenantUid } }`,
    );
    expect(errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    expect(errors?.[0].extensions?.retryAfter).toBeLessThanOrEqual(2);
    expect(gw.sandbox.counters.get('put-account')).toBe(1);
  });
});

describe('409 Conflict', () => {
  it('is CONFLICT and not retried', async () => {
    const input = `{ accountType: REGULAR, tenantRole: ACCESS, userCode: "admin", password: "pw-123456" }`;
    const { errors } = await run(
      gw.client(DEMO.tokens.admin),
      `mutation { createTenantUser(tenantUid: "${ALPHA}", input: ${input}) { tenantUserUid } }`,
    );
    expect(errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', status: 409 });
    expect(gw.sandbox.counters.get('post-tenants-users')).toBe(1);
  });
});

describe('400 answers that name request fields', () => {
  it('become form-friendly: extensions.fields with the GraphQL argument path of each field', async () => {
    const { errors } = await run(
      gw.client(DEMO.tokens.admin),
      `mutation { createTenantUser(tenantUid: "${ALPHA}", input: { accountType: FULL, tenantRole: ACCESS, userCode: "no-email", password: "pw-123456" }) { tenantUserUid } }`,
    );
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0].extensions?.fields).toEqual([
      { path: ['input', 'email'], message: expect.stringMatching(/email is required/) as unknown },
    ]);
  });

  it('point into lists of the input', async () => {
    const { errors } = await run(
      gw.client(DEMO.tokens.admin),
      `mutation { createTenantUser(tenantUid: "${ALPHA}", input: { accountType: REGULAR, tenantRole: ACCESS, userCode: "bad-store", password: "pw-123456", storeAccess: [{ storeUid: "no-such-store", storeRole: REGULAR }] }) { tenantUserUid } }`,
    );
    expect(errors?.[0].extensions?.fields).toEqual([
      { path: ['input', 'storeAccess', 0, 'storeUid'], message: expect.stringMatching(/unknown store/) as unknown },
    ]);
  });

  it('name top-level arguments when the body is built from them', async () => {
    gw.sandbox.faults.set('post-account', {
      status: 400,
      code: 'VALIDATION_ERROR',
      message: 'userCode must be at least 3 characters; password is too short',
    });
    const { errors } = await run(gw.client(DEMO.tokens.device), 'mutation { login(userCode: "x", password: "y") { accessToken } }');
    expect(errors?.[0].extensions?.fields).toEqual([
      { path: ['userCode'], message: 'userCode must be at least 3 characters' },
      { path: ['password'], message: 'password is too short' },
    ]);
  });
});
