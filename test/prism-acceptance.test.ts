import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
} from 'graphql';
import { ClientError } from 'graphql-request';
import { startTestGateway, type TestGateway } from './helpers/gateway.ts';
import { waitFor } from './helpers/wait.ts';
import { freePort } from './helpers/ports.ts';

/**
 * Acceptance against an upstream nobody here wrote: Stoplight Prism's mock of
 * the spec (placeholder strings, paging of all zeros, one-element arrays).
 * Every root field of the contract is queried with every field below it.
 */
const contract = buildSchema(readFileSync(new URL('../contract/schema-contract.graphql', import.meta.url), 'utf8'));

function inputValue(type: GraphQLInputType): string {
  if (isNonNullType(type)) return inputValue(type.ofType);
  if (isListType(type)) return `[${inputValue(type.ofType)}]`;
  if (isEnumType(type)) return type.getValues()[0].name;
  if (isInputObjectType(type)) {
    const required = Object.values(type.getFields()).filter((field) => isNonNullType(field.type));
    return `{ ${required.map((field) => `${field.name}: ${inputValue(field.type)}`).join(', ')} }`;
  }
  switch (type.name) {
    case 'Int':
      return '1';
    case 'Boolean':
      return 'true';
    default:
      return '"abc"';
  }
}

function args(field: GraphQLField<unknown, unknown>): string {
  const required = field.args.filter((arg) => isNonNullType(arg.type));
  return required.length ? `(${required.map((arg) => `${arg.name}: ${inputValue(arg.type)}`).join(', ')})` : '';
}

/** Every field below a type, not re-entering a type already on the path. */
function selection(type: GraphQLObjectType, path: string[]): string {
  const fields = Object.values(type.getFields()).flatMap((field) => {
    const named = getNamedType(field.type);
    if (isLeafType(named)) return [`${field.name}${args(field)}`];
    if (!isObjectType(named) || path.includes(named.name) || path.length >= 5) return [];
    return [`${field.name}${args(field)} { ${selection(named, [...path, named.name])} }`];
  });
  return fields.length ? fields.join(' ') : '__typename';
}

function operation(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const named = getNamedType(field.type);
  const body = isObjectType(named) ? ` { ${selection(named, [named.name])} }` : '';
  return `${kind} { ${field.name}${args(field)}${body} }`;
}

const operations = [
  ...Object.values(contract.getQueryType()!.getFields()).map((field) => ({ name: field.name, text: operation('query', field) })),
  ...Object.values(contract.getMutationType()!.getFields()).map((field) => ({ name: field.name, text: operation('mutation', field) })),
];

let prism: ChildProcess;
let gw: TestGateway;

beforeAll(async () => {
  const port = await freePort();
  prism = spawn(
    new URL('../node_modules/.bin/prism', import.meta.url).pathname,
    ['mock', 'openapi/flowretail-v2.json', '-h', '127.0.0.1', '-p', String(port)],
    {
      stdio: 'ignore',
    },
  );
  await waitFor(
    () =>
      fetch(`http://127.0.0.1:${port}/account`).then(
        (r) => r.status === 401,
        () => false,
      ),
    'Prism to start',
    30_000,
  );
  // Every field of every operation, at default page sizes: far over the cost limit, which is not what this test is about.
  gw = await startTestGateway({ upstreamUrl: `http://127.0.0.1:${port}`, env: { MAX_COST: '1000000' } });
}, 40_000);

afterAll(async () => {
  prism?.kill('SIGTERM');
  await gw?.close();
});

describe('every contract operation against the Prism mock of the spec', () => {
  it('covers all contract root fields', () => {
    expect(operations.map((op) => op.name)).toContain('me');
    expect(operations.length).toBe(4 + 12);
  });

  it.each(operations)('$name resolves with data and no errors', async ({ text }) => {
    const client = gw.client('prism-token', { 'x-graphql-csrf': '1' });
    const result = await client.request<Record<string, unknown>>(text).catch((error: unknown) => {
      if (error instanceof ClientError) return { errors: error.response.errors };
      throw error;
    });
    expect(result).not.toHaveProperty('errors');
    expect(Object.values(result)[0]).not.toBeNull();
  });

  it('derives paging from all-zero upstream paging without dividing by zero', async () => {
    const data = await gw
      .client('prism-token')
      .request<{ tenants: { paging: { totalPages: number; hasNextPage: boolean } } }>(
        '{ tenants { paging { pageNumber pageSize totalCount totalPages hasNextPage } } }',
      );
    expect(data.tenants.paging).toMatchObject({ totalPages: 0, hasNextPage: false });
  });
});
