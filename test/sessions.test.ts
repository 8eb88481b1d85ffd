/**
 * Cookie sessions (SESSION_COOKIES): login and the auth-token exchange keep the issued token in an
 * HttpOnly cookie the browser sends back, the body never repeats it, Authorization always wins,
 * logout clears it, and CSRF prevention stays on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../src/sandbox/seed.ts';
import { startTestGateway, type TestGateway } from './helpers/gateway.ts';
import type { Json } from './helpers/graphql.ts';

const { alpha } = DEMO.tenants;
const LOGIN = `mutation { login(userCode: "${DEMO.login.userCode}", password: "${DEMO.login.password}") { accessToken inSessionCookie tenantUser { tenantUid tenant { name } } } }`;
const ME = '{ me { memberships { tenantUid } } }';

interface Answer {
  status: number;
  body: Json;
  text: string;
  setCookie: string[];
}

async function post(gw: TestGateway, query: string, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(gw.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as Json, text, setCookie: response.headers.getSetCookie() };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
/** The session cookie's value as the browser would send it back. */
const cookieValue = (setCookie: string[]) => /^flow_session=([^;]*)/.exec(setCookie[0] ?? '')?.[1] ?? '';
const codes = (body: Json) => ((body.errors ?? []) as Json[]).map((error) => error.extensions.code);
const tenantsOf = (body: Json) => (body.data.me.memberships as Json[]).map((m) => String(m.tenantUid));

describe('with SESSION_COOKIES=true', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ env: { SESSION_COOKIES: 'true' } });
  });
  afterAll(async () => {
    await gw?.close();
  });

  it('login sets an HttpOnly, SameSite=Strict cookie on the GraphQL path, and the body does not repeat the token', async () => {
    const { body, text, setCookie } = await post(gw, LOGIN, bearer(DEMO.tokens.device));
    expect(body.errors).toBeUndefined();
    expect(setCookie).toHaveLength(1);
    const token = cookieValue(setCookie);
    expect(token).toMatch(/^sbx-access-/);
    expect(setCookie[0]).toBe(`flow_session=${token}; Path=/graphql; SameSite=Strict; HttpOnly`);
    expect(body.data.login).toEqual({
      accessToken: '',
      inSessionCookie: true,
      tenantUser: { tenantUid: alpha, tenant: { name: 'Alpha Sport AS' } },
    });
    expect(text).not.toContain(token);
  });

  it('a request without Authorization is made with the cookie; an Authorization header wins over it', async () => {
    const token = cookieValue((await post(gw, LOGIN, bearer(DEMO.tokens.device))).setCookie);
    const withCookie = await post(gw, ME, { cookie: `flow_session=${token}` });
    expect(tenantsOf(withCookie.body)).toEqual([alpha]);
    const both = await post(gw, ME, { cookie: `flow_session=${token}`, ...bearer(DEMO.tokens.admin) });
    expect(tenantsOf(both.body)).toEqual([alpha, DEMO.tenants.beta]);
  });

  it('logout clears the cookie, with no upstream call', async () => {
    gw.sandbox.counters.reset();
    const { body, setCookie } = await post(gw, 'mutation { logout }', { cookie: 'flow_session=anything' });
    expect(body.data).toEqual({ logout: true });
    expect(setCookie).toHaveLength(1);
    expect(setCookie[0]).toMatch(/^flow_session=[^;]*; Path=\/graphql; Expires=Thu, 01 Jan 1970 00:00:00 GMT; SameSite=Strict; HttpOnly$/);
    expect(gw.sandbox.counters.total()).toBe(0);
  });

  it('exchangeAuthToken keeps the access token from the upstream’s x-access-token header in the cookie', async () => {
    const { body, text, setCookie } = await post(
      gw,
      `mutation { exchangeAuthToken(tenantUid: "${alpha}") { tenantUid tenant { name } } }`,
      bearer(DEMO.tokens.auth),
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.exchangeAuthToken).toEqual({ tenantUid: alpha, tenant: { name: 'Alpha Sport AS' } });
    const token = cookieValue(setCookie);
    expect(token).toMatch(/^sbx-access-/);
    expect(text).not.toContain(token);
    // The exchanged token is the admin account's.
    expect(tenantsOf((await post(gw, ME, { cookie: `flow_session=${token}` })).body)).toEqual([alpha, DEMO.tenants.beta]);
  });

  it('a cookie that is no bearer token is refused as UNAUTHENTICATED before any upstream call', async () => {
    gw.sandbox.counters.reset();
    const { body } = await post(gw, ME, { cookie: 'flow_session=not%20a%20token' });
    expect(codes(body)).toEqual(['UNAUTHENTICATED']);
    expect(gw.sandbox.counters.total()).toBe(0);
  });

  it('keeps CSRF prevention on: a simple (form) POST carrying the cookie is refused', async () => {
    const token = cookieValue((await post(gw, LOGIN, bearer(DEMO.tokens.device))).setCookie);
    gw.sandbox.counters.reset();
    const response = await fetch(gw.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `flow_session=${token}` },
      body: `query=${encodeURIComponent(ME)}`,
    });
    expect(response.status).toBe(403);
    expect(gw.sandbox.counters.total()).toBe(0);
  });
});

describe('the cookie’s Secure flag', () => {
  it.each([
    [{ NODE_ENV: 'production' }, true],
    [{ NODE_ENV: 'production', SESSION_COOKIE_SECURE: 'false' }, false],
    [{ NODE_ENV: 'test', SESSION_COOKIE_SECURE: 'true' }, true],
  ])('with %j: Secure is %s', async (env, secure) => {
    const gw = await startTestGateway({ env: { SESSION_COOKIES: 'true', ...env } });
    try {
      const { setCookie } = await post(gw, LOGIN, bearer(DEMO.tokens.device));
      expect(setCookie[0].split('; ').includes('Secure')).toBe(secure);
    } finally {
      await gw.close();
    }
  });
});

describe('without cookie sessions (the default)', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway();
  });
  afterAll(async () => {
    await gw?.close();
  });

  it('login answers the token in the body and sets no cookie; a cookie is never a credential', async () => {
    const { body, setCookie } = await post(gw, LOGIN, bearer(DEMO.tokens.device));
    expect(setCookie).toEqual([]);
    expect(body.data.login).toMatchObject({ inSessionCookie: false, accessToken: expect.stringMatching(/^sbx-access-/) as string });
    const { body: me } = await post(gw, ME, { cookie: `flow_session=${String(body.data.login.accessToken)}` });
    expect(codes(me)).toEqual(['UNAUTHENTICATED']);
  });

  it('exchangeAuthTokenForAccessToken answers the token the upstream sent in its header, and the tenant user resolved with it', async () => {
    const { body } = await post(
      gw,
      `mutation { exchangeAuthTokenForAccessToken(tenantUid: "${alpha}") { accessToken inSessionCookie tenantUser { tenantUid } } }`,
      bearer(DEMO.tokens.auth),
    );
    const result = body.data.exchangeAuthTokenForAccessToken;
    expect(result).toMatchObject({ inSessionCookie: false, tenantUser: { tenantUid: alpha } });
    expect(tenantsOf((await post(gw, ME, bearer(String(result.accessToken)))).body)).toEqual([alpha, DEMO.tenants.beta]);
  });

  it('logout answers false: there is no session to end', async () => {
    expect((await post(gw, 'mutation { logout }')).body.data).toEqual({ logout: false });
  });
});

it('names the missing token when the upstream puts it somewhere other than UPSTREAM_ACCESS_TOKEN_HEADER says', async () => {
  const gw = await startTestGateway({ env: { UPSTREAM_ACCESS_TOKEN_HEADER: 'x-issued-token' } });
  try {
    const { body } = await post(
      gw,
      `mutation { exchangeAuthTokenForAccessToken(tenantUid: "${alpha}") { accessToken } }`,
      bearer(DEMO.tokens.auth),
    );
    expect(body.data).toBeNull();
    expect(codes(body)).toEqual(['UPSTREAM_ERROR']);
    expect(String(body.errors[0].message)).toContain('issued no access token');
  } finally {
    await gw.close();
  }
});
