/**
 * The client kit (client/): the committed generated files are what `npm run codegen` makes of
 * client/operations and schema.graphql, every manifest entry is a valid operation of the
 * gateway's schema with no secret written into it, and client/example.ts runs the invite flow
 * against a gateway that accepts only the kit's documents.
 */
import { execFile } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Kind, parse, visit, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { GraphQLClient } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENERATED_DIR, MANIFEST, ROOT, generateClientKit } from '../scripts/client-kit.ts';
import { loadTrustedDocuments } from '../src/plugins/trusted-documents.ts';
import { schema } from '../src/schema/index.ts';
import { DEMO } from '../src/sandbox/seed.ts';
import { sendDocumentIds } from '../client/document-ids.ts';
import { UserDetailsDocument } from '../client/gql/graphql.ts';
import { startTestGateway, type TestGateway } from './helpers/gateway.ts';

const OPERATIONS = [
  'AcceptInvitation',
  'AccountSwitcher',
  'CreateToken',
  'CreateUser',
  'DeleteToken',
  'InvitationLookup',
  'Login',
  'ResendInvitation',
  'SetDefaultTenant',
  'TenantSettings',
  'UpdateTenantSettings',
  'UserDetails',
  'UsersTable',
  'UsersTableSearch',
];

/** Argument and input-field names that carry secrets: they must always be variables. */
const SECRET = /password|token|secret/i;

/** Where a document writes a secret in place (`login(password: "...")`), as field.argument paths. */
function inlinedSecrets(document: DocumentNode): string[] {
  const found: string[] = [];
  const fields: string[] = [];
  visit(document, {
    Field: { enter: (node) => void fields.push(node.name.value), leave: () => void fields.pop() },
    Argument(node) {
      if (SECRET.test(node.name.value) && node.value.kind !== Kind.VARIABLE) found.push(`${fields.at(-1)}.${node.name.value}`);
    },
    ObjectField(node) {
      if (SECRET.test(node.name.value) && node.value.kind !== Kind.VARIABLE) found.push(`${fields.at(-1)}.${node.name.value}`);
    },
  });
  return found;
}

const operationName = (document: DocumentNode) =>
  document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)?.name?.value;

describe('the generated client kit', () => {
  it('is what npm run codegen generates from client/operations and schema.graphql (run it when this fails)', async () => {
    const generated = await generateClientKit();
    expect([...generated.keys()].sort()).toEqual(
      [...readdirSync(join(ROOT, GENERATED_DIR)).map((f) => `${GENERATED_DIR}/${f}`), MANIFEST].sort(),
    );
    for (const [path, content] of generated) expect(readFileSync(join(ROOT, path), 'utf8'), `${path} is stale`).toBe(content);
  });

  it("holds each operation once in the manifest, each parsing and validating against the gateway's schema", () => {
    // The gateway's own loader: ids are the documents' SHA-256, one operation each, valid against the schema.
    const documents = loadTrustedDocuments(join(ROOT, MANIFEST), schema);
    expect([...documents.values()].map(operationName).sort()).toEqual(OPERATIONS);
  });

  it('writes no secret into a document: passwords and tokens are always variables', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, MANIFEST), 'utf8')) as Record<string, string>;
    const sources = readdirSync(join(ROOT, 'client/operations')).map((f) => readFileSync(join(ROOT, 'client/operations', f), 'utf8'));
    for (const text of [...Object.values(manifest), ...sources]) expect(inlinedSecrets(parse(text))).toEqual([]);
    // The check finds what it looks for.
    const careless = parse(`mutation { login(userCode: "a", password: "b") { accessToken }
      createTenantUser(tenantUid: "t", input: { userCode: "u", password: "p", accountType: FULL, tenantRole: ACCESS }) { status } }
      query { invitation(inviteToken: "sbx-invite") { tenant { name } } }`);
    expect(inlinedSecrets(careless)).toEqual(['login.password', 'createTenantUser.password', 'invitation.inviteToken']);
  });
});

describe('client/example.ts', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ env: { TRUSTED_DOCUMENTS: 'only' } });
  });
  afterAll(() => gw?.close());

  it('logs in and walks the invite flow on the sandbox, by document id only', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'client/example.ts', gw.url, gw.sandbox.url], {
      cwd: ROOT,
      timeout: 30_000,
    });
    expect(stdout).toContain('Logged in as Rita Regular (ACCESS) in Alpha Sport AS\n');
    expect(stdout).toContain('Tenants: Alpha Sport AS (default)\n');
    expect(stdout).toContain('Users in Alpha Sport AS: 64 (page 1 of 13)\n');
    const uid = /^Invited nina\.\w+@example\.com as (\S+) \(PENDING_INVITE\)$/m.exec(stdout)?.[1];
    expect(uid).toEqual(expect.any(String));
    expect(stdout).toContain('Invitation to Alpha Sport AS for Nina Newbie (PENDING_INVITE)\n');
    expect(stdout).toContain(`Accepted: ${uid} is ACTIVE in Alpha Sport AS\n`);
    expect(stdout).toMatch(/^Summary: Nina Newbie <nina\.\w+@example\.com> ACTIVE in Alpha Sport AS; stores Webshop: SALE CREDIT$/m);

    // The sandbox saw one login, one user created, the invitation looked up and accepted.
    expect(gw.sandbox.counters.snapshot()).toMatchObject({
      'post-account': 1,
      'post-tenants-users': 1,
      'get-account-invite': 1,
      'put-account-invite': 1,
    });
    // And the user is there, active, with nothing left pending.
    const admin = new GraphQLClient(gw.url, {
      headers: { authorization: `Bearer ${DEMO.tokens.admin}` },
      requestMiddleware: sendDocumentIds,
    });
    const { tenant } = await admin.request(UserDetailsDocument, { tenantUid: DEMO.tenants.alpha, tenantUserUid: uid! });
    expect(tenant?.user).toMatchObject({
      firstname: 'Nina',
      status: 'ACTIVE',
      storeAccess: [{ storeUid: 'alpha-store-web', storeRole: 'REGULAR' }],
    });
    const pending = (await (await fetch(new URL('/__sandbox/invites', gw.sandbox.url))).json()) as { tenantUserUid: string }[];
    expect(pending.map((invite) => invite.tenantUserUid)).not.toContain(uid);
  });
});
