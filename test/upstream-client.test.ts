import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../src/sandbox/server.ts';
import { DEMO } from '../src/sandbox/seed.ts';
import { FlowUpstream, type FlowClient } from '../src/upstream/client.ts';
import { UpstreamError } from '../src/upstream/errors.ts';
import {
  deleteTenantsUsersDetails,
  deleteTenantsUsersTokensDetails,
  getAccount,
  getAccountInvite,
  getTenants,
  getTenantsAccount,
  getTenantsDetails,
  getTenantsUsers,
  getTenantsUsersDetails,
  getTenantsUsersTokens,
  postAccount,
  postTenantsAccount,
  postTenantsUsers,
  postTenantsUsersSearch,
  postTenantsUsersTokens,
  putAccount,
  putAccountInvite,
  putTenantsAccount,
  putTenantsDetails,
  putTenantsUsersDetails,
} from './helpers/rest.ts';

let sandbox: Sandbox;
let upstream: FlowUpstream;
const as = (token?: string): FlowClient => upstream.as({ authorization: token ? `Bearer ${token}` : undefined });
const { alpha, beta } = DEMO.tenants;

async function failure(promise: Promise<unknown>): Promise<UpstreamError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UpstreamError);
  return error as UpstreamError;
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  // No retries here, so each fault shows as is; retries have their own tests below.
  upstream = new FlowUpstream({ baseUrl: sandbox.url, timeoutMs: 1_000, retries: 0 });
});
afterAll(async () => {
  await upstream.close();
  await sandbox.close();
});
beforeEach(() => sandbox.reset());

describe('account operations', () => {
  it('get-account returns the caller with all their tenants', async () => {
    const account = await getAccount(as(DEMO.tokens.admin));
    expect(account.tenants.map((t) => t.tenantUid).sort()).toEqual([alpha, beta].sort());
    expect(sandbox.counters.get('get-account')).toBe(1);
  });

  it('get-account with a token the upstream does not know is an http 401 UpstreamError', async () => {
    const error = await failure(getAccount(as('sbx-access-unknown')));
    expect(error).toMatchObject({ kind: 'http', status: 401, operationId: 'get-account' });
    expect(error.logId).toEqual(expect.any(String));
  });

  it('get-account without a token is refused by the client itself: nothing is sent', async () => {
    expect(await failure(getAccount(as()))).toMatchObject({ kind: 'unauthenticated', operationId: 'get-account' });
    expect(sandbox.counters.total()).toBe(0);
  });

  it('post-account logs in with the device token and the new access token works', async () => {
    const login = await postAccount(as(DEMO.tokens.device), DEMO.login);
    expect(login.accessToken).toEqual(expect.any(String));
    expect(login.tenantUser.tenantUid).toBe(alpha);
    const account = await getAccount(as(login.accessToken));
    expect(account.tenants.some((t) => t.tenantUserUid === login.tenantUser.tenantUserUid)).toBe(true);
  });

  it('post-account with a wrong password is refused', async () => {
    const error = await failure(postAccount(as(DEMO.tokens.device), { ...DEMO.login, password: 'wrong' }));
    expect(error.kind).toBe('http');
    expect([400, 401, 403]).toContain(error.status);
  });

  it('put-account sets the default tenant', async () => {
    const account = await putAccount(as(DEMO.tokens.admin), { defaultTenantUid: beta });
    expect(account.defaultTenantUid).toBe(beta);
    expect((await getAccount(as(DEMO.tokens.admin))).defaultTenantUid).toBe(beta);
  });

  it('get-tenants-account returns the caller in that tenant; 403 for a non-member', async () => {
    const me = await getTenantsAccount(as(DEMO.tokens.admin), alpha);
    expect(me.tenantUserUid).toBe(DEMO.users.adminAlpha);
    expect((await failure(getTenantsAccount(as(DEMO.tokens.other), alpha))).status).toBe(403);
  });

  it('post-tenants-account exchanges an auth token; an access token is not accepted', async () => {
    const me = await postTenantsAccount(as(DEMO.tokens.auth), alpha);
    expect(me.tenantUserUid).toBe(DEMO.users.adminAlpha);
    expect((await failure(postTenantsAccount(as(DEMO.tokens.device), alpha))).status).toBe(401);
  });

  it('put-tenants-account updates the caller and rejects a wrongly typed field', async () => {
    const me = await putTenantsAccount(as(DEMO.tokens.regular), alpha, { displayName: 'Renamed Regular' });
    expect(me.displayName).toBe('Renamed Regular');
    const bad = await failure(putTenantsAccount(as(DEMO.tokens.regular), alpha, { displayName: 42 } as unknown as { displayName: string }));
    expect(bad.status).toBe(400);
    expect((await getTenantsAccount(as(DEMO.tokens.regular), alpha)).displayName).toBe('Renamed Regular');
  });
});

describe('invitation operations', () => {
  it('get-account-invite shows the invitation with no bearer token; an unknown token is an error', async () => {
    const invitation = await getAccountInvite(as(), DEMO.inviteToken);
    expect(invitation.tenant.name).toEqual(expect.any(String));
    expect(invitation.user.status).toBe('PENDING_INVITE');
    expect((await failure(getAccountInvite(as(), 'no-such-invite'))).status).toBe(404);
  });

  it('put-account-invite accepts with an auth token and activates the user', async () => {
    const user = await putAccountInvite(as(DEMO.tokens.auth), DEMO.inviteToken);
    expect(user.tenantUserUid).toBe(DEMO.users.pendingAlpha);
    expect(user.status).toBe('ACTIVE');
    expect((await failure(getAccountInvite(as(), DEMO.inviteToken))).status).toBe(404);
  });
});

describe('tenant operations', () => {
  it('get-tenants lists only the caller’s tenants, paged', async () => {
    const page = await getTenants(as(DEMO.tokens.admin), { pageNumber: 1, pageSize: 1, sortBy: 'name', sortDirection: 'ASC' });
    expect(page.items).toHaveLength(1);
    expect(page.paging).toEqual({ pageNumber: 1, pageSize: 1, totalCount: 2 });
  });

  it('get-tenants-details returns full details; 404 for an unknown tenant with the GenericErrorResponse fields', async () => {
    const tenant = await getTenantsDetails(as(DEMO.tokens.admin), alpha);
    expect(tenant.tenantUid).toBe(alpha);
    expect(tenant.currency.code).toEqual(expect.any(String));
    const error = await failure(getTenantsDetails(as(DEMO.tokens.admin), 'no-such-tenant'));
    expect(error).toMatchObject({ kind: 'http', status: 404 });
    expect(error.code).toEqual(expect.any(String));
    expect(error.logId).toEqual(expect.any(String));
  });

  it('put-tenants-details updates as admin and is forbidden for a non-admin', async () => {
    const tenant = await putTenantsDetails(as(DEMO.tokens.admin), alpha, { name: 'Alpha Renamed', requiredCustomerFields: ['email'] });
    expect(tenant.name).toBe('Alpha Renamed');
    expect(tenant.settings.requiredCustomerFields).toEqual(['email']);
    expect((await failure(putTenantsDetails(as(DEMO.tokens.regular), alpha, { name: 'x' }))).status).toBe(403);
  });
});

describe('tenant user operations', () => {
  it('get-tenants-users pages and filters', async () => {
    const page = await getTenantsUsers(as(DEMO.tokens.admin), alpha, { pageNumber: 2, pageSize: 10, sortBy: 'userCode' });
    expect(page.items).toHaveLength(10);
    expect(page.paging.pageNumber).toBe(2);
    expect(page.paging.totalCount).toBeGreaterThanOrEqual(50);
    const codes = page.items.map((u) => u.userCode);
    expect([...codes].sort()).toEqual(codes);
  });

  it('post-tenants-users creates a user; FULL without email is a 400 and creates nothing', async () => {
    const before = (await getTenantsUsers(as(DEMO.tokens.admin), alpha, { pageSize: 1 })).paging.totalCount;
    const user = await postTenantsUsers(as(DEMO.tokens.admin), alpha, {
      accountType: 'FULL',
      password: 'secret-1',
      tenantRole: 'ACCESS',
      userCode: 'client-test-1',
      email: 'client-test-1@example.com',
    });
    expect(user.status).toBe('PENDING_INVITE');
    const bad = await failure(
      postTenantsUsers(as(DEMO.tokens.admin), alpha, { accountType: 'FULL', password: 'p', tenantRole: 'ACCESS', userCode: 'no-mail' }),
    );
    expect(bad.status).toBe(400);
    expect((await getTenantsUsers(as(DEMO.tokens.admin), alpha, { pageSize: 1 })).paging.totalCount).toBe(before + 1);
  });

  it('post-tenants-users-search honours the search fields', async () => {
    const page = await postTenantsUsersSearch(as(DEMO.tokens.admin), alpha, { status: ['PENDING_INVITE'] }, { pageSize: 100 });
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((u) => u.status === 'PENDING_INVITE')).toBe(true);
  });

  it('get-tenants-users-details returns permissions; 404 for an unknown user', async () => {
    const user = await getTenantsUsersDetails(as(DEMO.tokens.admin), alpha, DEMO.users.regularAlpha);
    expect(user.permissions.tenant).toEqual(expect.any(Array));
    expect((await failure(getTenantsUsersDetails(as(DEMO.tokens.admin), alpha, 'no-such-user'))).status).toBe(404);
  });

  it('put-tenants-users-details updates a user', async () => {
    const user = await putTenantsUsersDetails(as(DEMO.tokens.admin), alpha, DEMO.users.regularAlpha, { firstname: 'Changed' });
    expect(user.firstname).toBe('Changed');
  });

  it('delete-tenants-users-details removes the user (204, then 404)', async () => {
    const result = await deleteTenantsUsersDetails(as(DEMO.tokens.admin), alpha, DEMO.users.regularAlpha);
    expect(result).toBeUndefined();
    expect((await failure(getTenantsUsersDetails(as(DEMO.tokens.admin), alpha, DEMO.users.regularAlpha))).status).toBe(404);
  });
});

describe('integration token operations', () => {
  it('post, get and delete tokens of a user', async () => {
    const created = await postTenantsUsersTokens(as(DEMO.tokens.admin), alpha, DEMO.users.regularAlpha);
    expect(created.items.length).toBeGreaterThan(0);
    const listed = await getTenantsUsersTokens(as(DEMO.tokens.admin), alpha, DEMO.users.regularAlpha);
    expect(listed.items).toEqual(created.items);
    const uid = created.items[0].tenantUserTokenUid;
    await deleteTenantsUsersTokensDetails(as(DEMO.tokens.admin), alpha, DEMO.users.regularAlpha, uid);
    const after = await getTenantsUsersTokens(as(DEMO.tokens.admin), alpha, DEMO.users.regularAlpha);
    expect(after.items.map((t) => t.tenantUserTokenUid)).not.toContain(uid);
  });

  it('tokens are forbidden for a non-admin', async () => {
    expect((await failure(getTenantsUsersTokens(as(DEMO.tokens.regular), alpha, DEMO.users.regularAlpha))).status).toBe(403);
  });
});

describe('client-side guarantees', () => {
  it.each(['../admin', 't1?x=1', 't1%2F..', 'a b', ''])('refuses the UID %j before any request', async (uid) => {
    sandbox.counters.reset();
    const error = await failure(getTenantsDetails(as(DEMO.tokens.admin), uid));
    expect(error).toMatchObject({ kind: 'invalid-input', code: 'INVALID_UID' });
    expect(sandbox.counters.total()).toBe(0);
  });

  it('a slow upstream is a timeout, distinct from an HTTP error', async () => {
    sandbox.faults.set('get-account', { latencyMs: 1_500, times: 1 });
    const error = await failure(getAccount(as(DEMO.tokens.admin)));
    expect(error.kind).toBe('timeout');
    expect(error.status).toBeUndefined();
  });

  it('a refused connection is "unavailable"', async () => {
    const dead = new FlowUpstream({ baseUrl: 'http://127.0.0.1:1/v2', timeoutMs: 1_000 });
    const error = await failure(getAccount(dead.as({ authorization: `Bearer ${DEMO.tokens.admin}` })));
    await dead.close();
    expect(error.kind).toBe('unavailable');
  });

  it('a dropped connection is "unavailable" and a 503 is an http error with its status', async () => {
    sandbox.faults.set('get-account', { drop: true, times: 1 });
    expect((await failure(getAccount(as(DEMO.tokens.admin)))).kind).toBe('unavailable');
    sandbox.faults.set('get-account', { status: 503, times: 1 });
    expect(await failure(getAccount(as(DEMO.tokens.admin)))).toMatchObject({ kind: 'http', status: 503 });
  });

  it('a malformed JSON body is "malformed" with the upstream status', async () => {
    sandbox.faults.set('get-account', { malformedJson: true, times: 1 });
    expect(await failure(getAccount(as(DEMO.tokens.admin)))).toMatchObject({ kind: 'malformed', status: 200 });
  });

  it('retries an idempotent GET after a dropped connection and a 503, and succeeds', async () => {
    const retrying = new FlowUpstream({ baseUrl: sandbox.url, retries: 2, retryBaseMs: 5 });
    sandbox.faults.set('get-account', { drop: true, times: 1 });
    sandbox.faults.set('get-tenants-details', { status: 503, times: 2 });
    const client = retrying.as({ authorization: `Bearer ${DEMO.tokens.admin}` });
    expect((await getAccount(client)).defaultTenantUid).toEqual(expect.any(String));
    expect((await getTenantsDetails(client, alpha)).tenantUid).toBe(alpha);
    expect(sandbox.counters.get('get-account')).toBe(2);
    expect(sandbox.counters.get('get-tenants-details')).toBe(3);
    await retrying.close();
  });

  it('gives up after the bounded retries, and never retries a PUT', async () => {
    const retrying = new FlowUpstream({ baseUrl: sandbox.url, retries: 2, retryBaseMs: 5 });
    const client = retrying.as({ authorization: `Bearer ${DEMO.tokens.admin}` });
    sandbox.faults.set('get-account', { status: 502 });
    sandbox.faults.set('put-account', { status: 503 });
    expect((await failure(getAccount(client))).status).toBe(502);
    expect((await failure(putAccount(client, { defaultTenantUid: beta }))).status).toBe(503);
    expect(sandbox.counters.get('get-account')).toBe(3);
    expect(sandbox.counters.get('put-account')).toBe(1);
    await retrying.close();
  });

  it('opens the circuit after repeated failures, fails fast, and closes again when the upstream recovers', async () => {
    const guarded = new FlowUpstream({
      baseUrl: sandbox.url,
      retries: 0,
      circuit: { volumeThreshold: 4, errorThresholdPercentage: 50, resetTimeoutMs: 300 },
    });
    const client = guarded.as({ authorization: `Bearer ${DEMO.tokens.admin}` });
    sandbox.faults.set('get-account', { status: 500 });
    for (let i = 0; i < 4; i++) await failure(getAccount(client));
    expect(guarded.circuit.state).toBe('open');
    const callsWhenOpen = sandbox.counters.get('get-account');
    expect(await failure(getAccount(client))).toMatchObject({ kind: 'unavailable', code: 'CIRCUIT_OPEN' });
    expect(sandbox.counters.get('get-account')).toBe(callsWhenOpen);
    sandbox.faults.clear();
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect((await getAccount(client)).defaultTenantUid).toEqual(expect.any(String));
    expect(guarded.circuit.state).toBe('closed');
    await guarded.close();
  });

  it('never counts what the caller brought on itself: a passed deadline, a bad header value, an aborted request', async () => {
    const guarded = new FlowUpstream({
      baseUrl: sandbox.url,
      retries: 2,
      circuit: { volumeThreshold: 2, errorThresholdPercentage: 10, resetTimeoutMs: 5_000 },
    });
    const authorization = `Bearer ${DEMO.tokens.admin}`;
    const late = guarded.as({ authorization, deadline: performance.now() - 1 });
    const aborted = guarded.as({ authorization, signal: AbortSignal.abort() });
    for (let i = 0; i < 5; i++) {
      expect(await failure(getAccount(late))).toMatchObject({ kind: 'deadline', code: 'REQUEST_DEADLINE' });
      expect(await failure(getAccountInvite(guarded.as({}), 'x\ny'))).toMatchObject({
        kind: 'invalid-input',
        code: 'INVALID_HEADER_VALUE',
      });
      expect(await failure(getAccount(aborted))).toMatchObject({ kind: 'aborted' });
    }
    expect(sandbox.counters.get('get-account-invite')).toBe(0);
    expect(guarded.circuit.state).toBe('closed');
    await guarded.close();
  });

  it('forwards the bearer token, Accept-Language, request id and traceparent, and nothing else', async () => {
    let seen: IncomingHttpHeaders = {};
    const server = createServer((req, res) => {
      seen = req.headers;
      res.setHeader('content-type', 'application/json');
      res.end('{"globalRoles":[],"defaultTenantUid":"t","tenants":[]}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const probe = new FlowUpstream({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2` });
    await getAccount(probe.as({ authorization: 'Bearer abc', acceptLanguage: 'nb-NO', requestId: 'req-1', traceparent: '00-aa-bb-01' }));
    await probe.close();
    server.close();
    expect(seen).toMatchObject({
      authorization: 'Bearer abc',
      'accept-language': 'nb-NO',
      'x-request-id': 'req-1',
      traceparent: '00-aa-bb-01',
    });
    expect(seen.cookie).toBeUndefined();
  });
});
