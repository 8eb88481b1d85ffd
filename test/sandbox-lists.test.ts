import { beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../src/sandbox/server.ts';
import { DEMO } from '../src/sandbox/seed.ts';
import type { Json } from './helpers/graphql.ts';
import { call, expectConforms } from './helpers/sandbox-client.ts';
import { useSandbox } from './helpers/sandbox-fixture.ts';

const { alpha: A, beta: B, gamma: G } = DEMO.tenants;
const T = DEMO.tokens;
const { sb, api } = useSandbox({ resetEachTest: false, defaults: { token: T.admin } });

let all: Json[];
const uids = (items: Json[]) => items.map((u) => u.tenantUserUid);
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

beforeAll(async () => {
  all = (await api('GET', `/tenants/${A}/users?pageSize=500`)).body.items;
});

describe('sandbox seed', () => {
  it('has enough users with every status, role and account type', async () => {
    expect(all.length).toBeGreaterThanOrEqual(60);
    for (const [tenant, token] of [
      [B, T.admin],
      [G, T.other],
    ]) {
      const r = await api('GET', `/tenants/${tenant}/users?pageSize=1`, { token });
      expect(r.body.paging.totalCount).toBeGreaterThanOrEqual(50);
    }
    const values = (f: string) => new Set(all.map((u) => u[f]));
    expect(values('status')).toEqual(new Set(['PENDING_INVITE', 'ACTIVE', 'INACTIVE']));
    expect(values('tenantRole')).toEqual(new Set(['ACCESS', 'ADMIN', 'BACKOFFICE', 'BLOCKED']));
    expect(values('accountType')).toEqual(new Set(['FULL', 'REGULAR', 'SUPPORT', 'INTEGRATION']));
    expect(all.some((u) => String(u.defaultStoreUid) === '')).toBe(true);
    expect(all.some((u) => !('defaultStoreUid' in u))).toBe(true);
    expect(all.some((u) => u.storeAccess.length >= 2)).toBe(true);
    expect(all.some((u) => u.permissions.organizations.length > 0)).toBe(true);
    expect(all.filter((u) => String(u.accountType) === 'FULL').every((u) => String(u.email) !== '')).toBe(true);
    expect(all.filter((u) => String(u.status) === 'PENDING_INVITE').every((u) => String(u.email) !== '')).toBe(true);
    expect(new Set(all.map((u) => u.userCode)).size).toBe(all.length);
  });

  it('has tenant details with settings, extensions, assets and an empty pricelistUid somewhere', async () => {
    const tenants = (await api('GET', '/tenants')).body.items;
    const gamma = (await api('GET', `/tenants/${G}`, { token: T.other })).body;
    const every = [...tenants, gamma];
    expect(every.map((t) => t.tenantUid)).toEqual([A, B, G]);
    expect(every.some((t) => String(t.pricelistUid) === '')).toBe(true);
    expect(every.some((t) => String(t.pricelistUid) !== '')).toBe(true);
    expect(every.every((t) => t.extensions.length > 0)).toBe(true);
    expect(every[0].settings.requiredCustomerFields).toEqual(['email', 'mobile']);
    expect(every[0].assets.logo.url).toMatch(/^https:\/\//);
  });

  it('integration tokens exist on several users and tokens are listed per user', async () => {
    const integrationUsers = all.filter((u) => String(u.accountType) === 'INTEGRATION' && String(u.status) === 'ACTIVE');
    let withTokens = 0;
    for (const u of integrationUsers) {
      const r = await api('GET', `/tenants/${A}/users/${String(u.tenantUserUid)}/tokens`);
      expectConforms('get-tenants-users-tokens', r);
      if (r.body.items.length) withTokens++;
    }
    expect(withTokens).toBeGreaterThanOrEqual(2);
  });

  it('is deterministic: a second sandbox serves identical data', async () => {
    const other = await startSandbox({ port: 0 });
    try {
      const mine = await call(sb.url, 'GET', `/tenants/${B}/users?pageSize=500`, { token: T.admin });
      const theirs = await call(other.url, 'GET', `/tenants/${B}/users?pageSize=500`, { token: T.admin });
      expect(theirs.text).toBe(mine.text);
    } finally {
      await other.close();
    }
  });

  it('DEMO.secrets lists every seeded token, password and invite token', () => {
    for (const v of Object.values(DEMO.tokens)) expect(DEMO.secrets).toContain(v);
    expect(DEMO.secrets).toContain(DEMO.login.password);
    expect(DEMO.secrets).toContain(DEMO.inviteToken);
    expect(DEMO.secrets.length).toBeGreaterThan(170);
    expect(DEMO.secrets.every((s) => s.length >= 16)).toBe(true);
    // no secret leaks into list responses
    const text = JSON.stringify(all);
    expect(DEMO.secrets.filter((s) => text.includes(s))).toEqual([]);
  });
});

describe('sandbox lists: paging and sorting', () => {
  it('pages with pageNumber/pageSize (defaults 1/50, cap 500)', async () => {
    const def = await api('GET', `/tenants/${A}/users`);
    expect(uids(def.body.items)).toEqual(uids(all.slice(0, 50)));
    const p2 = await api('GET', `/tenants/${A}/users?pageSize=10&pageNumber=2`);
    expect(p2.body.paging).toEqual({ pageNumber: 2, pageSize: 10, totalCount: all.length });
    expect(uids(p2.body.items)).toEqual(uids(all.slice(10, 20)));
    const last = await api('GET', `/tenants/${A}/users?pageSize=50&pageNumber=2`);
    expect(last.body.items).toHaveLength(all.length - 50);
    const beyond = await api('GET', `/tenants/${A}/users?pageSize=50&pageNumber=9`);
    expect(beyond.body).toEqual({ items: [], paging: { pageNumber: 9, pageSize: 50, totalCount: all.length } });
    const capped = await api('GET', `/tenants/${A}/users?pageSize=100000`);
    expect(capped.body.paging.pageSize).toBe(500);
  });

  it('sorts by any scalar field in both directions', async () => {
    for (const field of ['displayName', 'userCode', 'createdAt', 'lastname', 'status', 'email']) {
      const asc = (await api('GET', `/tenants/${A}/users?pageSize=500&sortBy=${field}`)).body.items;
      const desc = (await api('GET', `/tenants/${A}/users?pageSize=500&sortBy=${field}&sortDirection=DESC`)).body.items;
      for (let i = 1; i < asc.length; i++)
        expect(collator.compare(String(asc[i - 1][field]), String(asc[i][field])), field).toBeLessThanOrEqual(0);
      for (let i = 1; i < desc.length; i++)
        expect(collator.compare(String(desc[i - 1][field]), String(desc[i][field])), field).toBeGreaterThanOrEqual(0);
      expect(new Set(uids(asc))).toEqual(new Set(uids(all)));
    }
    const page2 = (await api('GET', `/tenants/${A}/users?pageSize=5&pageNumber=2&sortBy=displayName&sortDirection=DESC`)).body.items;
    const full = (await api('GET', `/tenants/${A}/users?pageSize=500&sortBy=displayName&sortDirection=DESC`)).body.items;
    expect(uids(page2)).toEqual(uids(full.slice(5, 10)));
    const reversed = (await api('GET', `/tenants/${A}/users?pageSize=500&sortDirection=DESC`)).body.items;
    expect(uids(reversed)).toEqual(uids(all).reverse());
  });

  it('GET /tenants pages and sorts too', async () => {
    const desc = await api('GET', '/tenants?sortBy=name&sortDirection=DESC');
    expect(desc.body.items.map((t) => t.name)).toEqual(['Beta Books AB', 'Alpha Sport AS']);
    const p = await api('GET', '/tenants?pageSize=1&pageNumber=2&sortBy=tenantUid');
    expect(p.body).toMatchObject({ items: [{ tenantUid: B }], paging: { pageNumber: 2, pageSize: 1, totalCount: 2 } });
  });
});

describe('sandbox lists: filters and search', () => {
  const fields = ['displayName', 'firstname', 'lastname', 'mobile', 'email', 'userCode'];
  const fuzzy = (u: Json, q: string) =>
    q
      .toLowerCase()
      .split(/\s+/)
      .every((t) => fields.some((f) => String(u[f]).toLowerCase().includes(t)));

  it('query is a case-insensitive fuzzy match over name, mobile, email and userCode', async () => {
    const someone = all.find((u) => u.mobile && u.email && String(u.accountType) !== 'INTEGRATION')!;
    const queries = [
      String(someone.lastname).toUpperCase(),
      String(someone.email).slice(2, 9),
      String(someone.mobile).slice(-4),
      String(someone.userCode),
      `${String(someone.firstname)} ${String(someone.lastname)}`.toLowerCase(),
      'ADMIN',
      'example.com',
    ];
    for (const q of queries) {
      const r = await api('GET', `/tenants/${A}/users?pageSize=500&query=${encodeURIComponent(q)}`);
      const expected = all.filter((u) => fuzzy(u, q));
      expect(expected.length, q).toBeGreaterThan(0);
      expect(uids(r.body.items), q).toEqual(uids(expected));
      expect(r.body.paging.totalCount).toBe(expected.length);
    }
    const none = await api('GET', `/tenants/${A}/users?query=zzzz-nobody`);
    expect(none.body).toEqual({ items: [], paging: { pageNumber: 1, pageSize: 50, totalCount: 0 } });
  });

  it('filters by store and by organization', async () => {
    const byStore = await api('GET', `/tenants/${A}/users?pageSize=500&tenantuserStoreUid=alpha-store-oslo-storo`);
    const expectedStore = all.filter((u) => u.storeAccess.some((s) => String(s.storeUid) === 'alpha-store-oslo-storo'));
    expect(expectedStore.length).toBeGreaterThan(1);
    expect(uids(byStore.body.items)).toEqual(uids(expectedStore));

    const byOrg = await api('GET', `/tenants/${A}/users?pageSize=500&tenantuserOrganizationUid=alpha-org-oslo`);
    const expectedOrg = all.filter((u) => u.permissions.stores.some((s) => String(s.store.organizationUid) === 'alpha-org-oslo'));
    expect(expectedOrg.length).toBeGreaterThan(expectedStore.length);
    expect(uids(byOrg.body.items)).toEqual(uids(expectedOrg));

    const combined = await api(
      'GET',
      `/tenants/${A}/users?pageSize=500&tenantuserOrganizationUid=alpha-org-oslo&query=example&sortBy=userCode`,
    );
    expect(new Set(uids(combined.body.items))).toEqual(new Set(uids(expectedOrg.filter((u) => fuzzy(u, 'example')))));
  });

  it('search honours query, exact userCode/email/mobile, status[] and paging', async () => {
    const search = (body: unknown, qs = '') => api('POST', `/tenants/${A}/users/search${qs}`, { body });
    const code = await search({ userCode: '1001' });
    expect(uids(code.body.items)).toEqual(uids(all.filter((u) => String(u.userCode) === '1001')));
    expect((await search({ userCode: '100' })).body.items).toEqual([]);

    const withEmail = all.find((u) => String(u.email).includes('@alpha.example.com'))!;
    expect(uids((await search({ email: withEmail.email })).body.items)).toEqual([withEmail.tenantUserUid]);
    expect((await search({ email: withEmail.email.slice(1) })).body.items).toEqual([]);

    const withMobile = all.find((u) => String(u.mobile).startsWith('+47 9') && String(u.userCode) !== 'admin')!;
    expect(uids((await search({ mobile: withMobile.mobile })).body.items)).toEqual(uids(all.filter((u) => u.mobile === withMobile.mobile)));
    expect((await search({ mobile: withMobile.mobile.slice(0, 6) })).body.items).toEqual([]);

    const statuses = await search({ status: ['PENDING_INVITE', 'INACTIVE'] }, '?pageSize=500');
    expect(uids(statuses.body.items)).toEqual(uids(all.filter((u) => String(u.status) !== 'ACTIVE')));

    const combo = await search({ status: ['ACTIVE'], query: 'example' }, '?pageSize=500');
    expect(uids(combo.body.items)).toEqual(uids(all.filter((u) => String(u.status) === 'ACTIVE' && fuzzy(u, 'example'))));

    const paged = await search({ status: ['ACTIVE'] }, '?pageSize=5&pageNumber=3');
    const active = all.filter((u) => String(u.status) === 'ACTIVE');
    expect(paged.body.paging).toEqual({ pageNumber: 3, pageSize: 5, totalCount: active.length });
    expect(uids(paged.body.items)).toEqual(uids(active.slice(10, 15)));
  });
});
