/**
 * TRUSTED_DOCUMENTS over real HTTP against the sandbox: documents sent by id (documentId, the
 * APQ-style hash, GET), the refusals of each mode with their codes and zero upstream calls,
 * the limits still applied to trusted documents, and start-up with a missing or broken manifest.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { print } from 'graphql';
import { GraphQLClient } from 'graphql-request';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { documentIdOf, sendDocumentIds } from '../client/document-ids.ts';
import {
  AccountSwitcherDocument,
  CreateTokenDocument,
  InvitationLookupDocument,
  TenantSettingsDocument,
  UserDetailsDocument,
  UsersTableDocument,
} from '../client/gql/graphql.ts';
import { composeGateway } from '../src/compose.ts';
import { ConfigError, loadConfig } from '../src/config.ts';
import { createLogger } from '../src/observability/logger.ts';
import { DEMO } from '../src/sandbox/seed.ts';
import { startTestGateway, type TestGateway } from './helpers/gateway.ts';
import { startGatewayProcess } from './helpers/gateway-process.ts';
import type { GqlError, Json } from './helpers/graphql.ts';

const MANIFEST = 'client/persisted-documents.json';
/** What GraphQL-over-HTTP clients accept (with plain application/json, yoga answers validation errors 200). */
const GRAPHQL_RESPONSE = 'application/graphql-response+json';
const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, string>;
const { alpha } = DEMO.tenants;

interface Answer {
  status: number;
  data?: Json;
  errors?: GqlError[];
}

async function answer(response: Response): Promise<Answer> {
  const text = await response.text();
  return { status: response.status, ...(text ? (JSON.parse(text) as Omit<Answer, 'status'>) : {}) };
}

/** POSTs a GraphQL-over-HTTP body as the admin. */
async function post(gw: TestGateway, body: Record<string, unknown>, token: string = DEMO.tokens.admin): Promise<Answer> {
  return answer(
    await fetch(gw.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: GRAPHQL_RESPONSE, authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    }),
  );
}

/** GETs /graphql?<params> as the admin, with the CSRF header unless told otherwise. */
async function get(
  gw: TestGateway,
  params: Record<string, string>,
  headers: Record<string, string> = { 'x-graphql-csrf': '1' },
): Promise<Answer> {
  const url = `${gw.url}?${new URLSearchParams(params).toString()}`;
  return answer(await fetch(url, { headers: { accept: GRAPHQL_RESPONSE, authorization: `Bearer ${DEMO.tokens.admin}`, ...headers } }));
}

const code = (result: Answer) => result.errors?.[0]?.extensions?.code;
const calls = (gw: TestGateway) => gw.sandbox.counters.snapshot();
const hexOf = (id: string) => id.slice('sha256:'.length);

const accountSwitcher = documentIdOf(AccountSwitcherDocument);
const usersTable = documentIdOf(UsersTableDocument);
const MEMBERSHIP_NAMES = ['Alpha Sport AS', 'Beta Books AB'];

describe('TRUSTED_DOCUMENTS=only', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ env: { TRUSTED_DOCUMENTS: 'only' } });
  });
  afterAll(() => gw?.close());
  beforeEach(() => gw.sandbox.reset());

  it('refuses a document sent as text (even a kit document) with 400 PERSISTED_QUERY_ONLY, before any upstream call', async () => {
    for (const query of [manifest[accountSwitcher], '{ me { defaultTenantUid } }', print(AccountSwitcherDocument)]) {
      const refused = await post(gw, { query });
      expect(refused.status).toBe(400);
      expect(code(refused)).toBe('PERSISTED_QUERY_ONLY');
      expect(refused.errors?.[0].message).toMatch(/only the client kit's trusted documents .*documentId/);
      expect(refused.data).toBeUndefined();
    }
    // Text and an id together: still text, still refused.
    expect(code(await post(gw, { query: manifest[accountSwitcher], documentId: accountSwitcher }))).toBe('PERSISTED_QUERY_ONLY');
    expect(calls(gw)).toEqual({});
  });

  it('runs a kit document sent as { documentId } (POST)', async () => {
    const result = await post(gw, { documentId: accountSwitcher });
    expect(result.status).toBe(200);
    expect(result.errors).toBeUndefined();
    expect(result.data?.me.memberships.map((m: Json) => m.tenantName)).toEqual(MEMBERSHIP_NAMES);
    expect(calls(gw)).toMatchObject({ 'get-account': 1 });
  });

  it('runs a kit document named by the APQ-style extensions.persistedQuery.sha256Hash (bare hex or sha256:)', async () => {
    for (const sha256Hash of [hexOf(usersTable), usersTable]) {
      const result = await post(gw, {
        extensions: { persistedQuery: { version: 1, sha256Hash } },
        variables: { tenantUid: alpha, pageSize: 5, query: 'a' },
      });
      expect(result.errors).toBeUndefined();
      expect(result.data?.tenant.users.items).toHaveLength(5);
      expect(result.data?.tenant.users.paging).toMatchObject({ pageNumber: 1, pageSize: 5 });
    }
  });

  it('runs a query sent by GET ?documentId=&variables= (what a CDN can cache); the CSRF header is required', async () => {
    const params = { documentId: usersTable, variables: JSON.stringify({ tenantUid: alpha, pageSize: 3 }) };
    const result = await get(gw, params);
    expect(result.status).toBe(200);
    expect(result.data?.tenant).toMatchObject({ tenantUid: alpha, name: 'Alpha Sport AS' });
    expect(result.data?.tenant.users.items).toHaveLength(3);
    expect(result.data?.tenant.users.paging.totalCount).toBe(64);
    expect(calls(gw)).toMatchObject({ 'get-tenants-users': 1 });

    // A GET with no custom header is a "simple" cross-site request: yoga's CSRF guard refuses it.
    gw.sandbox.counters.reset();
    const withoutHeader = await get(gw, params, {});
    expect(withoutHeader.status).toBe(403);
    // So does a GET with a text document (refused for being text, before anything runs).
    expect(code(await get(gw, { query: manifest[usersTable] }))).toBe('PERSISTED_QUERY_ONLY');
    // The public invitation lookup needs no bearer at all.
    const invitation = await answer(
      await fetch(
        `${gw.url}?${new URLSearchParams({ documentId: documentIdOf(InvitationLookupDocument), variables: JSON.stringify({ inviteToken: DEMO.inviteToken }) }).toString()}`,
        {
          headers: { 'x-graphql-csrf': '1' },
        },
      ),
    );
    expect(invitation.data?.invitation).toMatchObject({ tenant: { name: 'Alpha Sport AS' }, user: { status: 'PENDING_INVITE' } });
    expect(calls(gw)).toEqual({ 'get-account-invite': 1 });
  });

  it('runs a mutation by id over POST; the same mutation over GET is refused by yoga (405) with no upstream call', async () => {
    const variables = { tenantUid: alpha, tenantUserUid: DEMO.users.integrationAlpha };
    const byGet = await get(gw, { documentId: documentIdOf(CreateTokenDocument), variables: JSON.stringify(variables) });
    expect(byGet.status).toBe(405);
    expect(calls(gw)).toEqual({});

    const created = await post(gw, { documentId: documentIdOf(CreateTokenDocument), variables });
    expect(created.errors).toBeUndefined();
    expect(created.data?.createIntegrationToken).toHaveLength(3);
    expect(calls(gw)).toEqual({ 'post-tenants-users-tokens': 1 });
  });

  it('refuses an unknown id with 400 PERSISTED_QUERY_NOT_FOUND, and no id at all with 400 PERSISTED_QUERY_ID_REQUIRED', async () => {
    const unknown = await post(gw, { documentId: `sha256:${'0'.repeat(64)}` });
    expect(unknown.status).toBe(400);
    expect(code(unknown)).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(code(await post(gw, { documentId: 'AccountSwitcher' }))).toBe('PERSISTED_QUERY_NOT_FOUND');
    const unknownByGet = await get(gw, { documentId: `sha256:${'f'.repeat(64)}` });
    expect([unknownByGet.status, code(unknownByGet)]).toEqual([400, 'PERSISTED_QUERY_NOT_FOUND']);

    const none = await post(gw, { variables: {} });
    expect(none.status).toBe(400);
    expect(code(none)).toBe('PERSISTED_QUERY_ID_REQUIRED');
    expect(calls(gw)).toEqual({});
  });

  it('a typed graphql-request client with the kit middleware sends ids and gets typed data', async () => {
    const client = new GraphQLClient(gw.url, {
      headers: { authorization: `Bearer ${DEMO.tokens.admin}` },
      requestMiddleware: sendDocumentIds,
    });
    const { tenant } = await client.request(UserDetailsDocument, { tenantUid: alpha, tenantUserUid: DEMO.users.integrationAlpha });
    expect(tenant?.user?.tokens?.map((token) => token.tenantUserTokenUid)).toEqual([
      'alpha-user-integration-token-1',
      'alpha-user-integration-token-2',
    ]);
    // Without it, the same typed document goes out as text and is refused.
    const plain = new GraphQLClient(gw.url, { headers: { authorization: `Bearer ${DEMO.tokens.admin}` } });
    await expect(plain.request(AccountSwitcherDocument)).rejects.toThrow(/PERSISTED_QUERY_ONLY|only the client kit/);
  });

  it('keeps one cache entry per trusted document, however its id is sent', async () => {
    const entries = async () =>
      Number(/^gateway_document_cache_entries (\d+)$/m.exec(await (await fetch(`${gw.origin}/metrics`)).text())?.[1]);
    const before = await entries();
    const id = documentIdOf(TenantSettingsDocument);
    const variables = { tenantUid: alpha };
    for (const body of [
      { documentId: id, variables },
      { extensions: { persistedQuery: { version: 1, sha256Hash: hexOf(id) } }, variables },
      { documentId: hexOf(id), variables },
    ])
      expect((await post(gw, body)).data?.tenant.name).toBe('Alpha Sport AS');
    expect(await entries()).toBe(before + 1);
  });
});

describe('trusted documents still pass the limits', () => {
  let shallow: TestGateway;
  let cheap: TestGateway;
  beforeAll(async () => {
    [shallow, cheap] = await Promise.all([
      startTestGateway({ env: { TRUSTED_DOCUMENTS: 'only', MAX_DEPTH: '5' } }),
      startTestGateway({ env: { TRUSTED_DOCUMENTS: 'only', MAX_COST: '1' } }),
    ]);
  });
  afterAll(() => Promise.all([shallow?.close(), cheap?.close()]));

  it('a kit document deeper than MAX_DEPTH or costlier than MAX_COST is refused like any other, before any upstream call', async () => {
    const variables = { tenantUid: alpha, tenantUserUid: DEMO.users.adminAlpha };
    const deep = await post(shallow, { documentId: documentIdOf(UserDetailsDocument), variables });
    expect([deep.status, code(deep)]).toEqual([400, 'MAX_DEPTH_EXCEEDED']);
    const costly = await post(cheap, { documentId: documentIdOf(UserDetailsDocument), variables });
    expect([costly.status, code(costly)]).toEqual([400, 'QUERY_TOO_EXPENSIVE']);
    expect(costly.errors?.[0].extensions).toMatchObject({ cost: 4, limit: 1 });
    expect([calls(shallow), calls(cheap)]).toEqual([{}, {}]);
    // Within the limits, the same document runs.
    expect((await post(cheap, { documentId: accountSwitcher })).data?.me.memberships).toHaveLength(2);
  });
});

describe('TRUSTED_DOCUMENTS=allow', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ env: { TRUSTED_DOCUMENTS: 'allow' } });
  });
  afterAll(() => gw?.close());

  it('runs documents sent as text and kit documents sent by id; an unknown id is PERSISTED_QUERY_NOT_FOUND', async () => {
    const text = await post(gw, { query: '{ me { memberships { tenantName } } }' });
    expect(text.data?.me.memberships.map((m: Json) => m.tenantName)).toEqual(MEMBERSHIP_NAMES);
    const byId = await post(gw, { documentId: accountSwitcher });
    expect(byId.data?.me.memberships.map((m: Json) => m.tenantName)).toEqual(MEMBERSHIP_NAMES);
    expect(code(await post(gw, { documentId: `sha256:${'0'.repeat(64)}` }))).toBe('PERSISTED_QUERY_NOT_FOUND');
  });
});

describe('TRUSTED_DOCUMENTS=off (the default)', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway();
  });
  afterAll(() => gw?.close());

  it('runs any document, and kit documents by id too (the manifest is there)', async () => {
    expect((await post(gw, { query: '{ me { defaultTenantUid } }' })).data?.me.defaultTenantUid).toBe(alpha);
    expect((await post(gw, { documentId: accountSwitcher })).data?.me.memberships).toHaveLength(2);
    const none = await post(gw, {});
    expect([none.status, code(none)]).toEqual([400, 'PERSISTED_QUERY_ID_REQUIRED']);
  });

  it('starts without a manifest: text runs, ids are PERSISTED_QUERY_NOT_FOUND', async () => {
    const bare = await startTestGateway({ env: { TRUSTED_DOCUMENTS_MANIFEST: join(tmpdir(), 'no-such-manifest.json') } });
    try {
      expect((await post(bare, { query: '{ me { defaultTenantUid } }' })).data?.me.defaultTenantUid).toBe(alpha);
      expect(code(await post(bare, { documentId: accountSwitcher }))).toBe('PERSISTED_QUERY_NOT_FOUND');
    } finally {
      await bare.close();
    }
  });
});

describe('start-up with trusted documents on', () => {
  const dir = mkdtempSync(join(tmpdir(), 'trusted-documents-'));
  const manifestFile = (name: string, content: Record<string, string>) => {
    const path = join(dir, name);
    writeFileSync(path, JSON.stringify(content));
    return path;
  };
  const idOf = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`;
  // Start-up fails while the gateway is built, before it listens or makes any call: no sandbox needed.
  const build = (env: Record<string, string>) => () => composeGateway(loadConfig(env), 'http://127.0.0.1:9/v2', createLogger('silent'));

  it.each([
    ['a missing manifest', join(dir, 'missing.json'), /cannot read the manifest .*missing\.json/],
    [
      'an id that is not the SHA-256 of its document',
      manifestFile('swapped.json', { [usersTable]: manifest[accountSwitcher] }),
      /is not the SHA-256 of its document/,
    ],
    [
      'a document the schema does not have',
      manifestFile('invalid.json', { [idOf('{ nope }')]: '{ nope }' }),
      /does not validate against the schema: Cannot query field "nope"/,
    ],
  ])('stops with a message naming the manifest: %s', (_case, path, problem) => {
    for (const mode of ['allow', 'only']) {
      expect(build({ TRUSTED_DOCUMENTS: mode, TRUSTED_DOCUMENTS_MANIFEST: path })).toThrow(ConfigError);
      expect(build({ TRUSTED_DOCUMENTS: mode, TRUSTED_DOCUMENTS_MANIFEST: path })).toThrow(problem);
    }
  });

  it('the process exits 1 and prints the problem, naming the variable and the path', async () => {
    await expect(startGatewayProcess({ TRUSTED_DOCUMENTS: 'only', TRUSTED_DOCUMENTS_MANIFEST: 'client/nope.json' })).rejects.toThrow(
      /TRUSTED_DOCUMENTS_MANIFEST: cannot read the manifest .*client\/nope\.json.*TRUSTED_DOCUMENTS=only needs it/,
    );
  });
});
