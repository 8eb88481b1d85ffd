/**
 * @defer: the slow parts (permissions, tokens, a user's tenant) arrive after the rest in one
 * multipart/mixed response; operations without it keep the compiled fast path.
 */
import { describe, expect, it } from 'vitest';
import { DEMO } from '../src/sandbox/seed.ts';
import { useTestGateway } from './helpers/gateway.ts';
import type { Json } from './helpers/graphql.ts';

const { alpha } = DEMO.tenants;
const SLOW_MS = 800;

const gw = useTestGateway();

interface Received {
  contentType: string;
  status: number;
  /** Each JSON part, with when it arrived (ms after the request was sent). */
  parts: { at: number; body: Json }[];
}

/** POSTs a document and reads a multipart/mixed answer part by part as it streams in. */
async function post(query: string, accept = 'multipart/mixed'): Promise<Received> {
  const sent = performance.now();
  const response = await fetch(gw.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept, authorization: `Bearer ${DEMO.tokens.admin}` },
    body: JSON.stringify({ query }),
  });
  const parts: Received['parts'] = [];
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    // A part is complete when the next boundary has arrived; its body follows a blank line.
    let boundary: number;
    while ((boundary = buffer.indexOf('\r\n---', 1)) > 0) {
      const body = buffer.slice(0, boundary).split('\r\n\r\n')[1];
      if (body?.trim().startsWith('{')) parts.push({ at: performance.now() - sent, body: JSON.parse(body) as Json });
      buffer = buffer.slice(boundary + 2);
    }
  }
  return { contentType: response.headers.get('content-type') ?? '', status: response.status, parts };
}

describe('@defer', () => {
  it('sends the memberships at once and their permissions when the slow call answers', async () => {
    gw.sandbox.faults.set('get-tenants-users-details', { latencyMs: SLOW_MS });
    const { contentType, status, parts } = await post(
      '{ me { memberships { tenantUid ... @defer(label: "permissions") { permissions { tenant } } } } }',
    );
    expect(status).toBe(200);
    expect(contentType).toMatch(/^multipart\/mixed/);
    const [first, ...rest] = parts;
    expect(first.body).toEqual({ data: { me: { memberships: [{ tenantUid: alpha }, { tenantUid: DEMO.tenants.beta }] } }, hasNext: true });
    // The first part did not wait for the slow call; the deferred ones did.
    expect(first.at).toBeLessThan(SLOW_MS);
    expect(parts.at(-1)!.at).toBeGreaterThanOrEqual(SLOW_MS);
    expect(parts.at(-1)!.body.hasNext).toBe(false);
    const deferred = rest.flatMap((part) => (part.body.incremental ?? []) as Json[]);
    expect(
      deferred.map((item) => [item.path, item.label, (item.data.permissions.tenant as Json[]).map(String).includes('TENANT_USER')]),
    ).toEqual(
      expect.arrayContaining([
        [['me', 'memberships', 0], 'permissions', true],
        [['me', 'memberships', 1], 'permissions', true],
      ]),
    );
    expect(deferred).toHaveLength(2);
  });

  it('defers a user’s tokens and tenant in the details screen', async () => {
    const { parts } = await post(
      `{ tenant(tenantUid: "${alpha}") { user(tenantUserUid: "${DEMO.users.integrationAlpha}") { displayName ... @defer { tokens { tenantUserTokenUid } tenant { name } } } } }`,
    );
    expect(parts[0].body.data).toEqual({ tenant: { user: { displayName: expect.any(String) as string } } });
    const deferred = parts.slice(1).flatMap((part) => (part.body.incremental ?? []) as Json[]);
    expect(deferred).toHaveLength(1);
    expect(deferred[0].data.tenant).toEqual({ name: 'Alpha Sport AS' });
    expect(deferred[0].data.tokens).toHaveLength(2);
  });

  it('puts an error about a deferred record into the part that carries it', async () => {
    for (const uid of [alpha, DEMO.tenants.beta]) await gw.tenantCache?.drop(uid);
    gw.sandbox.faults.set('get-tenants-details', { drift: [{ path: 'settings.autoLogout', value: null }] });
    const { parts } = await post('{ me { memberships { tenantUid ... @defer { tenant { settings { autoLogout } } } } } }');
    expect(parts[0].body.errors).toBeUndefined();
    const deferred = parts.slice(1).flatMap((part) => (part.body.incremental ?? []) as Json[]);
    expect(deferred.map((item) => item.data.tenant.settings.autoLogout)).toEqual([0, 0]);
    const errors = deferred.flatMap((item) => (item.errors ?? []) as Json[]);
    expect(errors.map((error) => [error.path, error.extensions.code])).toEqual([
      [['me', 'memberships', 0, 'tenant'], 'UPSTREAM_DRIFT'],
      [['me', 'memberships', 1, 'tenant'], 'UPSTREAM_DRIFT'],
    ]);
  });

  it('refuses it with 406 before any upstream call when the client accepts only a single JSON answer', async () => {
    const response = await fetch(gw.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
        authorization: `Bearer ${DEMO.tokens.admin}`,
      },
      body: JSON.stringify({ query: '{ me { memberships { tenantUid ... @defer { permissions { tenant } } } } }' }),
    });
    expect(response.status).toBe(406);
    const body = (await response.json()) as Json;
    expect(body.errors.map((error: Json) => error.extensions.code)).toEqual(['INCREMENTAL_DELIVERY_NOT_ACCEPTED']);
    expect(gw.sandbox.counters.total()).toBe(0);
  });

  it('leaves operations without @defer on the compiled path, and never compiles a deferred one', async () => {
    const cached = async () => {
      const metrics = await (await fetch(`${gw.origin}/metrics`)).text();
      return Number(/^gateway_document_cache_entries (\d+)/m.exec(metrics)?.[1]);
    };
    const before = await cached();
    const plain = await post('{ me { defaultTenantUid } }', 'application/json, multipart/mixed');
    expect(plain.contentType).toMatch(/^application\/(graphql-response\+)?json/);
    expect(await cached()).toBe(before + 1);
    for (let i = 0; i < 2; i++) await post('{ me { memberships { tenantUid ... @defer { permissions { tenant } } } } }');
    expect(await cached()).toBe(before + 1);
  });
});
