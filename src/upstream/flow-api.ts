import DataLoader from 'dataloader';
import type { BodyOf, OperationId, QueryOf, ResponseOf } from '../spec/operations.ts';
import { OPERATIONS } from '../spec/operations.ts';
import type { RestTenant, RestTenantUser, RestToken, RestUserTenantUser } from '../spec/schemas.ts';
import type { Caller, CallInfo, CallInput, FlowClient, FlowUpstream } from './client.ts';
import type { TenantCache } from './tenant-cache.ts';

export type RestAccount = ResponseOf<'get-account'>;
export type RestLoginResult = ResponseOf<'post-account'>;
export type RestInvitation = ResponseOf<'get-account-invite'>;
export type RestTenantList = ResponseOf<'get-tenants'>;
export type RestTenantUserList = ResponseOf<'get-tenants-users'>;
/** What an auth-token exchange answers: the caller's tenant user, and the access token from its header. */
export interface RestExchangeResult {
  tenantUser: RestUserTenantUser;
  accessToken?: string;
}

/** What every data source of one GraphQL request shares. */
export interface RequestScope {
  upstream: FlowUpstream;
  /** The shared tenant-details cache; absent when caching is off (the benchmark's baseline). */
  tenantCache?: TenantCache;
  /** Headers, abort signal, deadline, budget and observers forwarded to every client (never a credential). */
  caller: Omit<Caller, 'authorization'>;
  /** Off only for the benchmark's "no loaders" baseline: every field fetches on its own. */
  loaders: boolean;
}

interface UserKey {
  tenantUid: string;
  tenantUserUid: string;
}
const userKey = (key: UserKey) => `${key.tenantUid}/${key.tenantUserUid}`;

/** A call answered by the tenant cache, as the call log shows it. */
const CACHE_HIT: Omit<CallInfo, 'durationMs'> = {
  operationId: 'get-tenants-details',
  method: OPERATIONS['get-tenants-details'].method,
  path: OPERATIONS['get-tenants-details'].path,
  cached: true,
};

/**
 * The REST API as one caller sees it during one GraphQL request (in the
 * shape of apollographql/datasource-rest): one method per REST operation the
 * graph uses. Each method owns its loader (one call per distinct resource per
 * request, never shared between requests), its priming (list answers fill
 * the per-item loaders) and its invalidation (a write replaces what this
 * request and the shared tenant cache hold). Resolvers see only these
 * methods: never a token, a loader or the cache.
 */
export class FlowApi {
  private readonly client: FlowClient;
  /** The cache key of this caller: a one-way hash of the credential, computed on first use. */
  private cacheKey?: string;
  /** users/searchUsers lists still running in this request, per tenant (see `user`). */
  private readonly userLists = new Map<string, Promise<unknown>>();
  /** Data sources for other credentials met in this request (a login's new token), by the records they fetched. */
  private readonly sources: WeakMap<object, FlowApi>;

  private constructor(
    private readonly scope: RequestScope,
    authorization: string | undefined,
    sources: WeakMap<object, FlowApi>,
  ) {
    this.sources = sources;
    this.client = scope.upstream.as({ ...scope.caller, authorization, onCall: (info) => this.observe(info) });
  }

  /** The data source of a GraphQL request's caller (`Authorization` as received; the client checks it). */
  static forRequest(scope: RequestScope, authorization: string | undefined): FlowApi {
    return new FlowApi(scope, authorization, new WeakMap());
  }

  /**
   * The data source that fetched a record: nested fields of a record that came
   * with another credential (the tenant user a login answers) are resolved with
   * that credential, not the caller's.
   */
  for(record: object): FlowApi {
    return this.sources.get(record) ?? this;
  }

  // ---------------------------------------------------------------- account

  /** GET /account; the memberships it lists prime `myTenantUser`. */
  async account(): Promise<RestAccount> {
    const account = await this.loaders.account.load('me');
    this.primeMemberships(account.tenants);
    return account;
  }

  /** PUT /account; the answer replaces the account this request holds. */
  async updateAccount(body: BodyOf<'put-account'>): Promise<RestAccount> {
    const account = await this.call('put-account', { body });
    this.loaders.account.clear('me').prime('me', account);
    this.primeMemberships(account.tenants);
    return account;
  }

  /**
   * POST /account: login with the caller's device token. Nested fields of the
   * tenant user it answers are resolved with the access token it issued.
   */
  async login(body: BodyOf<'post-account'>): Promise<RestLoginResult> {
    const result = await this.call('post-account', { body });
    if (result.tenantUser && typeof result.tenantUser === 'object') {
      this.sources.set(result.tenantUser, new FlowApi(this.scope, `Bearer ${result.accessToken}`, this.sources));
    }
    return result;
  }

  /**
   * POST /tenants/{tenantUid}/account: exchange the caller's auth token for an access token to a
   * tenant. The token comes in a response header (see UpstreamOptions.accessTokenHeader); absent when
   * the upstream sent none. Nested fields of the tenant user it answers are resolved with that token.
   */
  async exchangeAuthToken(tenantUid: string): Promise<RestExchangeResult> {
    let accessToken: string | undefined;
    const header = this.scope.upstream.accessTokenHeader;
    const tenantUser = await this.call('post-tenants-account', {
      path: { tenantUid },
      onHeaders: (headers) => {
        const value = headers[header];
        accessToken = typeof value === 'string' && value !== '' ? value : undefined;
      },
    });
    if (accessToken) this.sources.set(tenantUser, new FlowApi(this.scope, `Bearer ${accessToken}`, this.sources));
    return { tenantUser, accessToken };
  }

  /** GET /tenants/{tenantUid}/account: the caller's own tenant user (primed by `account`). */
  myTenantUser(tenantUid: string): Promise<RestUserTenantUser> {
    return this.loaders.myTenantUser.load(tenantUid);
  }

  /** PUT /tenants/{tenantUid}/account */
  async updateMyTenantUser(tenantUid: string, body: BodyOf<'put-tenants-account'>): Promise<RestUserTenantUser> {
    const updated = await this.call('put-tenants-account', { path: { tenantUid }, body });
    this.loaders.myTenantUser.clear(tenantUid).prime(tenantUid, updated);
    return updated;
  }

  /** GET /account/invite: public, the invite token goes in x-invite-token. */
  invitation(inviteToken: string): Promise<RestInvitation> {
    return this.call('get-account-invite', { headers: { 'x-invite-token': inviteToken } });
  }

  /** PUT /account/invite with the caller's auth token. */
  acceptInvitation(inviteToken: string): Promise<RestUserTenantUser> {
    return this.call('put-account-invite', { body: { inviteToken } });
  }

  // ---------------------------------------------------------------- tenants

  /** GET /tenants; the tenants listed for this caller are then served from the loader and the shared cache. */
  async tenants(query: QueryOf<'get-tenants'>): Promise<RestTenantList> {
    const cache = this.scope.tenantCache;
    const stamp = cache?.stamp();
    const list = await this.call('get-tenants', { query });
    for (const tenant of list.items) {
      this.loaders.tenant.prime(tenant.tenantUid, tenant);
      if (cache && stamp !== undefined) cache.prime(this.caller(cache), tenant, stamp);
    }
    return list;
  }

  /** GET /tenants/{tenantUid}, through the shared tenant cache (which serves only callers the upstream authorized). */
  tenant(tenantUid: string): Promise<RestTenant> {
    // UNAUTHENTICATED before anything else, the cache included.
    this.client.requireCredential('get-tenants-details');
    return this.loaders.tenant.load(tenantUid);
  }

  /** PUT /tenants/{tenantUid}: every cache forgets the tenant, and this request sees the answer. */
  async updateTenant(tenantUid: string, body: BodyOf<'put-tenants-details'>): Promise<RestTenant> {
    const updated = await this.call('put-tenants-details', { path: { tenantUid }, body });
    // Every copy of the tenant is forgotten before the mutation answers (other workers and replicas too).
    await this.scope.tenantCache?.drop(tenantUid);
    this.loaders.tenant.clear(tenantUid).prime(tenantUid, updated);
    return updated;
  }

  // ---------------------------------------------------------------- tenant users

  /** GET /tenants/{tenantUid}/users; listed users are primed into `user`. */
  users(tenantUid: string, query: QueryOf<'get-tenants-users'>): Promise<RestTenantUserList> {
    return this.trackUserList(tenantUid, this.call('get-tenants-users', { path: { tenantUid }, query }));
  }

  /** POST /tenants/{tenantUid}/users/search; found users are primed like `users`. */
  searchUsers(
    tenantUid: string,
    body: BodyOf<'post-tenants-users-search'>,
    query: QueryOf<'post-tenants-users-search'>,
  ): Promise<RestTenantUserList> {
    return this.trackUserList(tenantUid, this.call('post-tenants-users-search', { path: { tenantUid }, body, query }));
  }

  /**
   * GET /tenants/{tenantUid}/users/{tenantUserUid}. Waits for the users lists of the
   * tenant already running in this request: `users` and `user` are sibling fields
   * resolved concurrently, and a user a list returns is then served primed.
   */
  async user(tenantUid: string, tenantUserUid: string): Promise<RestTenantUser> {
    await this.userLists.get(tenantUid);
    return this.loaders.user.load({ tenantUid, tenantUserUid });
  }

  /** POST /tenants/{tenantUid}/users (a FULL user gets an invitation). */
  async createUser(tenantUid: string, body: BodyOf<'post-tenants-users'>): Promise<RestTenantUser> {
    const created = await this.call('post-tenants-users', { path: { tenantUid }, body });
    this.loaders.user.prime({ tenantUid, tenantUserUid: created.tenantUserUid }, created);
    return created;
  }

  /** PUT /tenants/{tenantUid}/users/{tenantUserUid}; `resendInvite` issues a new invitation. */
  async updateUser(
    tenantUid: string,
    tenantUserUid: string,
    body: BodyOf<'put-tenants-users-details'>,
    query: QueryOf<'put-tenants-users-details'>,
  ): Promise<RestTenantUser> {
    const updated = await this.call('put-tenants-users-details', { path: { tenantUid, tenantUserUid }, body, query });
    this.loaders.user.clear({ tenantUid, tenantUserUid }).prime({ tenantUid, tenantUserUid }, updated);
    return updated;
  }

  /** DELETE /tenants/{tenantUid}/users/{tenantUserUid} */
  async deleteUser(tenantUid: string, tenantUserUid: string): Promise<void> {
    await this.call('delete-tenants-users-details', { path: { tenantUid, tenantUserUid } });
    this.loaders.user.clear({ tenantUid, tenantUserUid });
  }

  // ---------------------------------------------------------------- integration tokens

  /** GET /tenants/{tenantUid}/users/{tenantUserUid}/tokens */
  tokens(tenantUid: string, tenantUserUid: string): Promise<RestToken[]> {
    return this.loaders.tokens.load({ tenantUid, tenantUserUid });
  }

  /** POST .../tokens; answers with all of the user's tokens. */
  async createToken(tenantUid: string, tenantUserUid: string): Promise<RestToken[]> {
    const list = await this.call('post-tenants-users-tokens', { path: { tenantUid, tenantUserUid } });
    this.loaders.tokens.clear({ tenantUid, tenantUserUid }).prime({ tenantUid, tenantUserUid }, list.items);
    return list.items;
  }

  /** DELETE .../tokens/{tenantUserTokenUid} */
  async deleteToken(tenantUid: string, tenantUserUid: string, tenantUserTokenUid: string): Promise<void> {
    await this.call('delete-tenants-users-tokens-details', { path: { tenantUid, tenantUserUid, tenantUserTokenUid } });
    this.loaders.tokens.clear({ tenantUid, tenantUserUid });
  }

  // ---------------------------------------------------------------- plumbing

  private call<O extends OperationId>(operationId: O, input?: CallInput): Promise<ResponseOf<O>> {
    return this.client.call(operationId, input);
  }

  private caller(cache: TenantCache): string {
    const { credential } = this.client;
    return (this.cacheKey ??= cache.keyFor(credential.kind === 'bearer' ? credential.authorization : ''));
  }

  /** Refusals win over the cache: a caller the upstream refuses is forgotten at once (401: everywhere, 403: for that tenant). */
  private observe(info: CallInfo): void {
    this.scope.caller.onCall?.(info);
    const cache = this.scope.tenantCache;
    if (cache && info.withCredential && (info.status === 401 || (info.status === 403 && info.tenantUid !== undefined))) {
      cache.forget(this.caller(cache), info.status === 403 ? info.tenantUid : undefined);
    }
  }

  private trackUserList(tenantUid: string, list: Promise<RestTenantUserList>): Promise<RestTenantUserList> {
    const primed = list.then((answer) => {
      for (const user of answer.items) this.loaders.user.prime({ tenantUid: user.tenantUid, tenantUserUid: user.tenantUserUid }, user);
      return answer;
    });
    const settled = primed.catch(() => undefined);
    const previous = this.userLists.get(tenantUid);
    this.userLists.set(tenantUid, previous ? Promise.all([previous, settled]) : settled);
    return primed;
  }

  private primeMemberships(memberships: RestUserTenantUser[]): void {
    for (const membership of memberships) this.loaders.myTenantUser.prime(membership.tenantUid, membership);
  }

  /** Made on first use: a request that needs no loader builds none. */
  private get loaders() {
    return (this.loaderSet ??= this.createLoaders());
  }
  private loaderSet?: ReturnType<FlowApi['createLoaders']>;

  /**
   * The REST API has no batch endpoints, so a batch is just the distinct keys
   * fetched in parallel; what the loaders buy is one call per distinct resource
   * per request, and priming from list answers.
   */
  private createLoaders() {
    const options = { cache: this.scope.loaders, batch: this.scope.loaders };
    const byUser = { ...options, cacheKeyFn: userKey };
    const each =
      <K, V>(load: (key: K) => Promise<V>) =>
      (keys: readonly K[]) =>
        settle(keys.map(load));
    return {
      account: new DataLoader<'me', RestAccount>(
        each(() => this.call('get-account')),
        options,
      ),
      tenant: new DataLoader<string, RestTenant>(
        each((uid) => this.fetchTenant(uid)),
        options,
      ),
      user: new DataLoader<UserKey, RestTenantUser, string>(
        each((key) => this.call('get-tenants-users-details', { path: { ...key } })),
        byUser,
      ),
      myTenantUser: new DataLoader<string, RestUserTenantUser>(
        each((tenantUid) => this.call('get-tenants-account', { path: { tenantUid } })),
        options,
      ),
      tokens: new DataLoader<UserKey, RestToken[], string>(
        each(async (key) => (await this.call('get-tenants-users-tokens', { path: { ...key } })).items),
        byUser,
      ),
    };
  }

  /** A tenant from the cache when this caller may be served it, else from the upstream (then cached). */
  private async fetchTenant(tenantUid: string): Promise<RestTenant> {
    const cache = this.scope.tenantCache;
    if (!cache) return this.call('get-tenants-details', { path: { tenantUid } });
    const caller = this.caller(cache);
    const found = await cache.lookup(caller, tenantUid);
    if ('tenant' in found) {
      this.scope.caller.onCall?.({ ...CACHE_HIT, durationMs: 0, cacheTier: found.tier });
      return found.tenant;
    }
    const tenant = await this.call('get-tenants-details', { path: { tenantUid } });
    cache.store(caller, tenant, found.ticket);
    return tenant;
  }
}

/** DataLoader wants values or Errors in key order, never a rejected batch. */
async function settle<T>(promises: Promise<T>[]): Promise<(T | Error)[]> {
  const results = await Promise.allSettled(promises);
  return results.map((result) =>
    result.status === 'fulfilled' ? result.value : result.reason instanceof Error ? result.reason : new Error(String(result.reason)),
  );
}
