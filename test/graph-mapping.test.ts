import { describe, expect, it, vi } from 'vitest';
import { definedOnly, emptyToNull } from '../src/resolvers/mapping.ts';
import { pageQuery, toPaging } from '../src/resolvers/paging.ts';
import { toGraphCustomerField, toRestCustomerField, toRestTenantUpdate, type CustomerRequiredField } from '../src/resolvers/tenant.ts';
import {
  defaultStoreUid,
  permissions,
  tenantName,
  toRestAccountUpdate,
  toRestUserCreate,
  toRestUserSearch,
  toRestUserUpdate,
  type AnyTenantUser,
} from '../src/resolvers/tenant-user.ts';
import { memberships } from '../src/resolvers/account.ts';
import type { GatewayContext } from '../src/context.ts';
import type { RestCustomerRequiredField, RestPermissions, RestTenantUser, RestUserTenantUser } from '../src/spec/schemas.ts';

describe('toPaging', () => {
  it('derives totalPages as ceil(totalCount / pageSize)', () => {
    expect(toPaging({ pageNumber: 1, pageSize: 50, totalCount: 64 })).toEqual({
      pageNumber: 1,
      pageSize: 50,
      totalCount: 64,
      totalPages: 2,
      hasNextPage: true,
    });
    expect(toPaging({ pageNumber: 1, pageSize: 10, totalCount: 30 }).totalPages).toBe(3);
  });

  it('has no next page on the last page or past it', () => {
    expect(toPaging({ pageNumber: 2, pageSize: 50, totalCount: 64 }).hasNextPage).toBe(false);
    expect(toPaging({ pageNumber: 9, pageSize: 50, totalCount: 64 }).hasNextPage).toBe(false);
  });

  it('never divides by zero: pageSize 0 gives 0 pages and no next page', () => {
    expect(toPaging({ pageNumber: 1, pageSize: 0, totalCount: 12 })).toMatchObject({ totalPages: 0, hasNextPage: false });
  });

  it('gives 0 pages and no next page for an empty result', () => {
    expect(toPaging({ pageNumber: 1, pageSize: 50, totalCount: 0 })).toMatchObject({ totalPages: 0, hasNextPage: false });
  });

  it('keeps only the REST paging numbers it knows (extra keys dropped)', () => {
    const paging = toPaging({ pageNumber: 1, pageSize: 5, totalCount: 5, extra: 1 } as never);
    expect(Object.keys(paging).sort()).toEqual(['hasNextPage', 'pageNumber', 'pageSize', 'totalCount', 'totalPages']);
  });

  it('maps the paging of a page of items', () => {
    expect(toPaging({ pageNumber: 1, pageSize: 1, totalCount: 2 })).toEqual({
      pageNumber: 1,
      pageSize: 1,
      totalCount: 2,
      totalPages: 2,
      hasNextPage: true,
    });
  });
});

describe('pageQuery', () => {
  it('sends the GraphQL page arg as REST pageNumber', () => {
    expect(pageQuery({ page: 3, pageSize: 20 }, 200)).toEqual({ pageNumber: 3, pageSize: 20 });
  });

  it('leaves out page args the client set to null', () => {
    expect(pageQuery({ page: null, pageSize: null }, 200)).toEqual({});
    expect(pageQuery({}, 200)).toEqual({});
  });
});

describe('emptyToNull', () => {
  it('turns "" and a missing value into null', () => {
    expect(emptyToNull('')).toBeNull();
    expect(emptyToNull(undefined)).toBeNull();
    expect(emptyToNull(null)).toBeNull();
  });

  it('keeps a real UID', () => {
    expect(emptyToNull('alpha-store-web')).toBe('alpha-store-web');
  });
});

describe('definedOnly', () => {
  it('drops undefined and null but keeps false, 0 and ""', () => {
    expect(definedOnly({ a: undefined, b: null, c: false, d: 0, e: '', f: 'x' })).toEqual({ c: false, d: 0, e: '', f: 'x' });
  });
});

describe('CustomerRequiredField mapping', () => {
  const pairs: [RestCustomerRequiredField, CustomerRequiredField][] = [
    ['email', 'EMAIL'],
    ['mobile', 'MOBILE'],
    ['vatNumber', 'VAT_NUMBER'],
    ['postalCode', 'POSTAL_CODE'],
    ['city', 'CITY'],
    ['address', 'ADDRESS'],
  ];

  it.each(pairs)('maps REST %s to GraphQL %s and back', (rest, graph) => {
    expect(toGraphCustomerField(rest)).toBe(graph);
    expect(toRestCustomerField(graph)).toBe(rest);
  });

  it('maps a REST value the gateway does not know to UNKNOWN (the raw list keeps it)', () => {
    expect(toGraphCustomerField('fax')).toBe('UNKNOWN');
    expect(toGraphCustomerField('__proto__')).toBe('UNKNOWN');
  });
});

describe('toRestTenantUpdate', () => {
  it('sends only the fields the client set and lower-cases the required customer fields', () => {
    expect(
      toRestTenantUpdate({
        name: 'New name',
        pricelistUid: null,
        autoLogout: 0,
        enforceStrongPin: false,
        requiredCustomerFields: ['VAT_NUMBER', 'POSTAL_CODE'],
        vatNumber: undefined,
      }),
    ).toEqual({ name: 'New name', autoLogout: 0, enforceStrongPin: false, requiredCustomerFields: ['vatNumber', 'postalCode'] });
  });

  it('sends an empty list of required customer fields (clears them) but not a null one', () => {
    expect(toRestTenantUpdate({ requiredCustomerFields: [] })).toEqual({ requiredCustomerFields: [] });
    expect(toRestTenantUpdate({ requiredCustomerFields: null })).toEqual({});
  });

  it('passes "" through for an optional UID (REST\'s way of saying none)', () => {
    expect(toRestTenantUpdate({ defaultCustomerGroupUid: '' })).toEqual({ defaultCustomerGroupUid: '' });
  });
});

describe('tenant-user request bodies', () => {
  it('create: keeps the required fields, drops unset optional ones and trims storeAccess entries', () => {
    const body = toRestUserCreate({
      accountType: 'FULL',
      password: 'pw',
      tenantRole: 'ACCESS',
      userCode: 'u1',
      email: 'u1@example.com',
      mobile: null,
      storeAccess: [{ storeUid: 's1', storeRole: 'REGULAR', extra: 1 } as never],
    });
    expect(body).toEqual({
      accountType: 'FULL',
      password: 'pw',
      tenantRole: 'ACCESS',
      userCode: 'u1',
      email: 'u1@example.com',
      storeAccess: [{ storeUid: 's1', storeRole: 'REGULAR' }],
    });
  });

  it('update: an empty input is an empty body', () => {
    expect(toRestUserUpdate({})).toEqual({});
    expect(toRestUserUpdate({ displayName: 'D', storeAccess: [] })).toEqual({ displayName: 'D', storeAccess: [] });
  });

  it('own account update and search filter send only what was set', () => {
    expect(toRestAccountUpdate({ firstname: 'A', lastname: null })).toEqual({ firstname: 'A' });
    expect(toRestUserSearch({ query: 'ada', status: ['ACTIVE'], email: null })).toEqual({ query: 'ada', status: ['ACTIVE'] });
  });
});

const basicUser: RestUserTenantUser = {
  tenantUserUid: 'u1',
  tenantUid: 't1',
  accountType: 'FULL',
  tenantRole: 'ADMIN',
  status: 'ACTIVE',
  userCode: 'ada',
  displayName: 'Ada',
  firstname: 'Ada',
  lastname: 'Admin',
  email: 'ada@example.com',
  mobile: '',
  externalId: '',
  languageCode: 'nb',
  storeAccess: [],
  createdAt: '2024-01-02T08:00:00.000Z',
  lastModifiedAt: '2024-01-02T08:00:00.000Z',
  lastAccessed: '2024-01-02T08:00:00.000Z',
};
const perms: RestPermissions = { tenant: ['TENANT'], stores: [], organizations: [] };
const fullUser: RestTenantUser = { ...basicUser, tenantName: 'From REST', permissions: perms };

function fakeCtx() {
  const tenantLoad = vi.fn((uid: string) => Promise.resolve({ tenantUid: uid, name: 'From loader' }));
  const userLoad = vi.fn(() => Promise.resolve({ ...fullUser, permissions: { tenant: ['LOADED'], stores: [], organizations: [] } }));
  const api = { tenant: tenantLoad, user: userLoad, for: () => api };
  const ctx = { api } as unknown as GatewayContext;
  return { ctx, tenantLoad, userLoad };
}

describe('TenantUser fields that may need a second call', () => {
  it('tenantName comes from the REST object when present, synchronously, without loading the tenant', () => {
    const { ctx, tenantLoad } = fakeCtx();
    expect(tenantName(fullUser, {}, ctx)).toBe('From REST');
    expect(tenantLoad).not.toHaveBeenCalled();
  });

  it("tenantName of a membership (no tenantName in REST) comes from the tenant's details", async () => {
    const { ctx, tenantLoad } = fakeCtx();
    await expect(tenantName(basicUser, {}, ctx)).resolves.toBe('From loader');
    expect(tenantLoad).toHaveBeenCalledWith('t1');
  });

  it('permissions come from the REST object when present, synchronously, without loading the user', () => {
    const { ctx, userLoad } = fakeCtx();
    expect(permissions(fullUser, {}, ctx)).toBe(perms);
    expect(userLoad).not.toHaveBeenCalled();
  });

  it('permissions of a membership are loaded by tenantUid + tenantUserUid', async () => {
    const { ctx, userLoad } = fakeCtx();
    await expect(permissions(basicUser, {}, ctx)).resolves.toEqual({ tenant: ['LOADED'], stores: [], organizations: [] });
    expect(userLoad).toHaveBeenCalledWith('t1', 'u1');
  });

  it('defaultStoreUid: "" and absent are null, a UID is kept', () => {
    const withStore: AnyTenantUser = { ...basicUser, defaultStoreUid: 's1' };
    expect(defaultStoreUid({ ...basicUser, defaultStoreUid: '' })).toBeNull();
    expect(defaultStoreUid(basicUser)).toBeNull();
    expect(defaultStoreUid(withStore)).toBe('s1');
  });

  it('Account.memberships is the REST tenants list', () => {
    expect(memberships({ globalRoles: [], defaultTenantUid: 't1', tenants: [basicUser] })).toEqual([basicUser]);
  });
});
