import { readdirSync, readFileSync } from 'node:fs';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import type { GraphiQLOptions } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../src/sandbox/server.ts';
import { DEMO } from '../src/sandbox/seed.ts';
import { startTestGateway, type TestGateway } from './helpers/gateway.ts';
import { startGatewayProcess } from './helpers/gateway-process.ts';

type Tab = NonNullable<GraphiQLOptions['defaultTabs']>[number];

/** The options the GraphiQL page was rendered with (yoga inlines them as JSON in the page's last script). */
async function graphiqlPage(url: string): Promise<{ html: string; options: GraphiQLOptions }> {
  const response = await fetch(url, { headers: { accept: 'text/html' } });
  expect(response.status).toBe(200);
  const html = await response.text();
  const json = /renderYogaGraphiQL\(\s*window\.document\.querySelector\('#root'\),\s*(\{.*\}),\s*\);/s.exec(html)?.[1];
  expect(json).toBeDefined();
  return { html, options: JSON.parse(json!) as GraphiQLOptions };
}

const operationsOf = (tab: Tab) =>
  parse(tab.query ?? '').definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);

/** The client kit's flows: every operation file with at least one operation. */
const FLOWS = readdirSync('client/operations')
  .filter((file) => file.endsWith('.graphql'))
  .filter((file) => parse(readFileSync(`client/operations/${file}`, 'utf8')).definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION))
  .map((file) => `client/operations/${file}`);

describe('GraphiQL on the embedded sandbox', () => {
  let gw: TestGateway;
  let tabs: Tab[];
  let options: GraphiQLOptions;
  beforeAll(async () => {
    gw = await startTestGateway({ graphiqlExamples: true });
    ({ options } = await graphiqlPage(gw.url));
    tabs = options.defaultTabs ?? [];
  });
  afterAll(() => gw.close());

  it('opens with one tab per flow of the client kit, the admin token in the headers', () => {
    expect(tabs.map((tab) => /^# (client\/operations\/[\w-]+\.graphql)/.exec(tab.query ?? '')?.[1]).sort()).toEqual([...FLOWS].sort());
    expect(JSON.parse(options.headers ?? '{}')).toEqual({ Authorization: `Bearer ${DEMO.tokens.admin}` });
    expect(options.shouldPersistHeaders).toBe(false);
    const tokens = tabs.map((tab) => (JSON.parse(tab.headers ?? '{}') as { Authorization: string }).Authorization);
    expect(new Set(tokens)).toEqual(new Set([DEMO.tokens.admin, DEMO.tokens.auth, DEMO.tokens.device].map((token) => `Bearer ${token}`)));
  });

  it('runs every operation of every tab, in order, with its headers and variables, on the seeded data', async () => {
    const ran: string[] = [];
    for (const tab of tabs) {
      for (const operation of operationsOf(tab)) {
        const operationName = operation.name!.value;
        const response = await fetch(gw.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(JSON.parse(tab.headers ?? '{}') as Record<string, string>) },
          body: JSON.stringify({ query: tab.query, operationName, variables: JSON.parse(tab.variables ?? '{}') as unknown }),
        });
        const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
        expect({ operationName, errors: body.errors }).toEqual({ operationName, errors: undefined });
        expect({ operationName, nulls: Object.keys(body.data ?? {}).filter((field) => body.data![field] === null) }).toEqual({
          operationName,
          nulls: [],
        });
        ran.push(operationName);
      }
    }
    // Every operation of the kit ran, the mutations included.
    expect(ran).toEqual(
      expect.arrayContaining(['Login', 'CreateUser', 'InvitationLookup', 'AcceptInvitation', 'UpdateTenantSettings', 'DeleteToken']),
    );
    expect(ran).toHaveLength(new Set(ran).size);
    expect(gw.sandbox.counters.get('put-account-invite')).toBe(1);
    expect(gw.sandbox.counters.get('delete-tenants-users-tokens-details')).toBe(1);
  });
});

describe('GraphiQL of the real process', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
  });
  afterAll(() => sandbox.close());

  it('prefills the demo tokens on its embedded sandbox', async () => {
    const gw = await startGatewayProcess({});
    try {
      const { options } = await graphiqlPage(gw.url);
      expect(options.headers).toContain(DEMO.tokens.admin);
      expect(options.defaultTabs?.length).toBe(FLOWS.length);
    } finally {
      await gw.stop();
    }
  });

  it('never prefills a token with a real upstream (FLOW_API_URL), and still teaches the flows', async () => {
    const gw = await startGatewayProcess({ FLOW_API_URL: sandbox.url, GRAPHIQL: 'true' });
    try {
      const { html, options } = await graphiqlPage(gw.url);
      expect(DEMO.secrets.filter((secret) => html.includes(secret))).toEqual([]);
      expect(JSON.parse(options.headers ?? '{}')).toEqual({ Authorization: 'Bearer ' });
      expect(options.defaultTabs?.map((tab) => [JSON.parse(tab.headers ?? '{}') as unknown, tab.variables])).toEqual(
        FLOWS.map(() => [{ Authorization: 'Bearer ' }, null]),
      );
    } finally {
      await gw.stop();
    }
  });
});
