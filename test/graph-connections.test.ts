/**
 * Relay connections beside the offset pages: the same lists, sliced by cursor, read with as few REST
 * pages as the slice needs, and refused before any call when the arguments make no sense.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GraphQLClient } from 'graphql-request';
import { DEMO } from '../src/sandbox/seed.ts';
import { startTestGateway, type TestGateway } from './helpers/gateway.ts';
import { run, type Json } from './helpers/graphql.ts';

const { alpha } = DEMO.tenants;
const SLICE = 'totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { tenantUserUid } }';

let gw: TestGateway;
let admin: GraphQLClient;
let everyone: string[];
const listCalls = () => gw.sandbox.counters.get('get-tenants-users');

async function slice(args: string) {
  const { data, errors } = await run(admin, `{ tenant(tenantUid: "${alpha}") { usersConnection(${args}) { ${SLICE} } } }`);
  return { connection: data?.tenant?.usersConnection, errors };
}
const uids = (connection: Json) => (connection.edges as Json[]).map((edge) => String(edge.node.tenantUserUid));

beforeAll(async () => {
  gw = await startTestGateway();
  admin = gw.client(DEMO.tokens.admin);
  const { data } = await run(admin, `{ tenant(tenantUid: "${alpha}") { users(pageSize: 200) { items { tenantUserUid } } } }`);
  everyone = (data.tenant.users.items as Json[]).map((user) => String(user.tenantUserUid));
});
afterAll(async () => {
  await gw?.close();
});
beforeEach(() => {
  gw.sandbox.counters.reset();
});

describe('Tenant.usersConnection', () => {
  it('gives the first slice with the total count and page info, from one REST page', async () => {
    const { connection, errors } = await slice('first: 5');
    expect(errors).toBeUndefined();
    expect(uids(connection)).toEqual(everyone.slice(0, 5));
    expect(connection.totalCount).toBe(everyone.length);
    expect(connection.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(connection.pageInfo.startCursor).toBe(connection.edges[0].cursor);
    expect(connection.pageInfo.endCursor).toBe(connection.edges[4].cursor);
    expect(listCalls()).toBe(1);
  });

  it('walks the whole list by endCursor, one REST call per slice, in the offset list’s order', async () => {
    const walked: string[] = [];
    let after: string | null = null;
    let slices = 0;
    for (;;) {
      const { connection } = await slice(after ? `first: 7, after: "${after}"` : 'first: 7');
      walked.push(...uids(connection));
      slices++;
      if (!connection.pageInfo.hasNextPage) break;
      after = String(connection.pageInfo.endCursor);
    }
    expect(walked).toEqual(everyone);
    expect(slices).toBe(Math.ceil(everyone.length / 7));
    expect(listCalls()).toBe(slices);
  });

  it('reads the two REST pages a slice straddles when it does not start on a page boundary', async () => {
    const { connection: firstThree } = await slice('first: 3');
    const { connection } = await slice(`first: 5, after: "${String(firstThree.edges[1].cursor)}"`);
    expect(uids(connection)).toEqual(everyone.slice(2, 7));
    expect(connection.pageInfo.hasPreviousPage).toBe(true);
    expect(listCalls()).toBe(1 + 2);
  });

  it('pages backwards with last and before', async () => {
    const { connection: firstTen } = await slice('first: 10');
    const { connection } = await slice(`last: 3, before: "${String(firstTen.edges[9].cursor)}"`);
    expect(uids(connection)).toEqual(everyone.slice(6, 9));
    expect(connection.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
  });

  it('passes the filters and the sort to REST, as the offset list does', async () => {
    const args = 'query: "a", sortBy: "displayName", sortDirection: DESC';
    const { data } = await run(admin, `{ tenant(tenantUid: "${alpha}") { users(${args}, pageSize: 200) { items { tenantUserUid } } } }`);
    const expected = (data.tenant.users.items as Json[]).map((user) => String(user.tenantUserUid));
    expect(expected.length).toBeGreaterThan(1);
    expect(expected.length).toBeLessThan(everyone.length);
    const { connection } = await slice(`${args}, first: 200`);
    expect(uids(connection)).toEqual(expected);
    expect(connection.totalCount).toBe(expected.length);
  });

  it('answers an empty list with no edges and null cursors', async () => {
    const { connection } = await slice('query: "no-such-user-anywhere", first: 10');
    expect(connection).toEqual({
      totalCount: 0,
      pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
      edges: [],
    });
  });

  it.each([
    ['first: 0', '`first` must be between 1 and 200'],
    ['first: 201', '`first` must be between 1 and 200'],
    ['first: -1', '`first` must be between 1 and 200'],
    ['first: 2, last: 2', 'Pass `first` or `last`, not both'],
    ['last: 2', '`last` needs `before`'],
    ['first: 2, after: "not-a-cursor"', '`after` is not a cursor from this list'],
    ['last: 2, before: "T2Zmc2V0Q29ubmVjdGlvbjotNQ=="', '`before` is not a cursor from this list'],
  ])('refuses %s with BAD_USER_INPUT before any upstream call', async (args, message) => {
    const { connection, errors } = await slice(args);
    expect(connection).toBeNull();
    expect(errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(errors?.[0].message).toContain(message);
    expect(gw.sandbox.counters.total()).toBe(0);
  });

  it('counts each item’s fields in the cost limit', async () => {
    const { errors } = await run(
      admin,
      `{ tenant(tenantUid: "${alpha}") { usersConnection(first: 200) { edges { node { permissions { tenant } tokens { token } capabilities { canEditTenant } } } } } }`,
    );
    expect(errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_EXPENSIVE', cost: 1 + 2 + 200 * 3, limit: 500 });
    expect(gw.sandbox.counters.total()).toBe(0);
  });
});

describe('Query.tenantsConnection', () => {
  it('slices the caller’s tenants', async () => {
    const { data, errors } = await run(
      admin,
      '{ tenantsConnection(first: 1) { totalCount pageInfo { hasNextPage endCursor } edges { node { tenantUid name } } } }',
    );
    expect(errors).toBeUndefined();
    expect(data.tenantsConnection.totalCount).toBe(2);
    expect(data.tenantsConnection.edges).toEqual([{ node: { tenantUid: alpha, name: 'Alpha Sport AS' } }]);
    const next = await run(
      admin,
      `{ tenantsConnection(first: 1, after: "${String(data.tenantsConnection.pageInfo.endCursor)}") { pageInfo { hasNextPage } edges { node { tenantUid } } } }`,
    );
    expect(next.data.tenantsConnection).toEqual({ pageInfo: { hasNextPage: false }, edges: [{ node: { tenantUid: DEMO.tenants.beta } }] });
  });
});
