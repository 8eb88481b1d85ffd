import DataLoader from 'dataloader';
import type { FlowClient } from '../upstream/client.ts';
import { getAccount, getTenantsAccount } from '../upstream/account.ts';
import { getTenants, getTenantsDetails } from '../upstream/tenants.ts';
import type { QueryOf } from '../spec/operations.ts';
import { getTenantsUsersDetails } from '../upstream/tenant-users.ts';
import { getTenantsUsersTokens } from '../upstream/tokens.ts';
import type { RestTenant, RestTenantUser, RestToken, RestUserTenantUser } from '../spec/schemas.ts';
import type { TenantCache } from './tenant-cache.ts';

export interface UserKey {
  tenantUid: string;
  tenantUserUid: string;
}

export interface LoaderOptions {
  /** The caller's REST client; throws UNAUTHENTICATED when the request has no token. */
  client: () => FlowClient;
  /** The shared tenant cache and this caller's key in it; absent when caching is off. */
  tenantCache?: { cache: TenantCache; caller: () => string; onHit?: () => void };
  /** Off only for the benchmark's "no loaders" baseline: every field fetches on its own. */
  enabled?: boolean;
}

export type Loaders = ReturnType<typeof createLoaders>;

/**
 * Per-request loaders (never shared between requests). The REST API has no
 * batch endpoints, so a batch is just the distinct keys fetched in parallel;
 * what the loaders buy is one call per distinct resource per request, and
 * priming from list results.
 */
export function createLoaders({ client, tenantCache, enabled = true }: LoaderOptions) {
  const options = { cache: enabled, batch: enabled };
  const userOptions = { ...options, cacheKeyFn: (key: UserKey) => `${key.tenantUid}/${key.tenantUserUid}` };

  const account = new DataLoader<'me', Awaited<ReturnType<typeof getAccount>>>(
    (keys) => settle(keys.map(() => getAccount(client()))),
    options,
  );

  const tenantById = new DataLoader<string, RestTenant>(
    (uids) =>
      settle(
        uids.map(async (uid) => {
          const cached = tenantCache?.cache.get(tenantCache.caller(), uid);
          if (cached) {
            tenantCache?.onHit?.();
            return cached;
          }
          const stamp = tenantCache?.cache.stamp();
          const tenant = await getTenantsDetails(client(), uid);
          if (stamp !== undefined) tenantCache?.cache.set(tenantCache.caller(), tenant, stamp);
          return tenant;
        }),
      ),
    options,
  );

  const tenantUserById = new DataLoader<UserKey, RestTenantUser, string>(
    (keys) => settle(keys.map((key) => getTenantsUsersDetails(client(), key.tenantUid, key.tenantUserUid))),
    userOptions,
  );

  const myAccountByTenant = new DataLoader<string, RestUserTenantUser>(
    (uids) => settle(uids.map((uid) => getTenantsAccount(client(), uid))),
    options,
  );

  const tokensByUser = new DataLoader<UserKey, RestToken[], string>(
    (keys) =>
      settle(
        keys.map(async (key) => (await getTenantsUsersTokens(client(), key.tenantUid, key.tenantUserUid)).items),
      ),
    userOptions,
  );

  // users/searchUsers lists still running in this request, per tenant (see userListsSettled).
  const userLists = new Map<string, Promise<unknown>>();

  return {
    account,
    tenantById,
    tenantUserById,
    myAccountByTenant,
    tokensByUser,
    /** GET /tenants; the tenants listed for this caller are then served from the loader and the shared cache. */
    async listTenants(query: QueryOf<'get-tenants'>) {
      const stamp = tenantCache?.cache.stamp();
      const list = await getTenants(client(), query);
      for (const tenant of list.items) {
        tenantById.prime(tenant.tenantUid, tenant);
        if (stamp !== undefined) tenantCache?.cache.set(tenantCache.caller(), tenant, stamp);
      }
      return list;
    },
    primeUsers(users: RestTenantUser[]) {
      for (const user of users) tenantUserById.prime(user, user);
    },
    /** Registers a running users list of a tenant; its users get primed when it resolves. */
    trackUserList<T>(tenantUid: string, list: Promise<T>): Promise<T> {
      const settled = list.catch(() => undefined);
      const previous = userLists.get(tenantUid);
      userLists.set(tenantUid, previous ? Promise.all([previous, settled]) : settled);
      return list;
    },
    /**
     * Resolves when every users list of this tenant started so far has settled (never rejects).
     * Why: `users` and `user` are sibling fields resolved concurrently; `user` waits for a
     * running list so that a user the list returns is served primed instead of fetched again.
     */
    async userListsSettled(tenantUid: string): Promise<void> {
      await userLists.get(tenantUid);
    },
    primeMemberships(memberships: RestUserTenantUser[]) {
      for (const membership of memberships) myAccountByTenant.prime(membership.tenantUid, membership);
    },
  };
}

/** DataLoader wants values or Errors in key order, never a rejected batch. */
async function settle<T>(promises: Promise<T>[]): Promise<(T | Error)[]> {
  const results = await Promise.allSettled(promises);
  return results.map((result) =>
    result.status === 'fulfilled' ? result.value : result.reason instanceof Error ? result.reason : new Error(String(result.reason)),
  );
}
