/**
 * The sandbox state plus every mutation. Mutators check business rules first and only then
 * change anything, so a rejected request leaves the state untouched.
 */
import { badRequest, conflict } from './errors.ts';
import type { Account, Invite, Schemas, State, StoreAccess, Tenant, TenantUser, TokenRecord } from './model.ts';
import { randomString } from './prng.ts';
import { buildState } from './seed.ts';
import { assetUrl } from './seed-tenants.ts';
import { schemaProperties } from './spec.ts';

type Body = Record<string, unknown>;
type StoreAccessInput = Schemas['UserStoreAccessCreateSchema'];

/** Writable scalar user fields named by each request schema (storeAccess is handled separately). */
const userFields = (schema: string) => [...schemaProperties(schema)].filter((f) => f !== 'storeAccess' && f !== 'tenantUserUid');
const CREATE_FIELDS = userFields('TenantUserCreateRequestSchema');
const UPDATE_FIELDS = userFields('TenantUserUpdateRequestSchema');
const OWN_FIELDS = userFields('TenantAccountUpdateSchema');

/** Where each TenantUpdateSchema field lands in TenantResponseSchema. */
const TENANT_UPDATE = [...schemaProperties('TenantUpdateSchema')];
const TENANT_TOP = new Set(TENANT_UPDATE.filter((f) => schemaProperties('TenantResponseSchema').has(f)));
const TENANT_SETTINGS = new Set(TENANT_UPDATE.filter((f) => schemaProperties('TenantSettingsResponseSchema').has(f)));
const TENANT_APP = new Set(TENANT_UPDATE.filter((f) => schemaProperties('TenantAppSettingsResponseSchema').has(f)));
const TENANT_ASSETS: Record<string, 'logo' | 'splash'> = { logoAssetUid: 'logo', splashAssetUid: 'splash' };
const unmapped = TENANT_UPDATE.filter((f) => !TENANT_TOP.has(f) && !TENANT_SETTINGS.has(f) && !TENANT_APP.has(f) && !TENANT_ASSETS[f]);
if (unmapped.length) throw new Error(`TenantUpdateSchema fields without a target: ${unmapped.join(', ')}`);

function assign(target: object, body: Body, fields: Iterable<string>): void {
  for (const f of fields) if (body[f] !== undefined) (target as Record<string, unknown>)[f] = body[f];
}

export class SandboxStore {
  state: State = buildState();

  reset(): void {
    this.state = buildState();
  }

  // ------------------------------------------------------------ lookups

  tenant(uid: string): Tenant | undefined {
    return this.state.tenants.get(uid);
  }

  account(uid: string | undefined): Account | undefined {
    return uid === undefined ? undefined : this.state.accounts.get(uid);
  }

  token(token: string): TokenRecord | undefined {
    return this.state.tokens.get(token);
  }

  invite(token: string): Invite | undefined {
    return this.state.invites.get(token);
  }

  /** The account's tenant users, in account order. */
  accountUsers(account: Account): TenantUser[] {
    const out: TenantUser[] = [];
    for (const [tenantUid, userUid] of account.tenantUsers) {
      const user = this.state.tenants.get(tenantUid)?.users.get(userUid);
      if (user) out.push(user);
    }
    return out;
  }

  userByCode(tenant: Tenant, userCode: string): TenantUser | undefined {
    for (const u of tenant.users.values()) if (u.userCode === userCode) return u;
    return undefined;
  }

  // ------------------------------------------------------------ generators

  now(): string {
    return new Date().toISOString();
  }

  secret(prefix: string): string {
    return `${prefix}-${randomString(this.state.random, 24)}`;
  }

  private uid(prefix: string, taken: (uid: string) => boolean): string {
    let uid: string;
    do uid = `${prefix}-${(++this.state.seq).toString().padStart(4, '0')}`;
    while (taken(uid));
    return uid;
  }

  // ------------------------------------------------------------ tokens & accounts

  issueAccessToken(accountUid: string): string {
    const token = this.secret('sbx-access');
    this.state.tokens.set(token, { kind: 'access', accountUid });
    return token;
  }

  /** Forgets a bearer token, as if it expired (an integration token stays listed under its user). False if unknown. */
  revokeToken(token: string): boolean {
    return this.state.tokens.delete(token);
  }

  /** Links the user to an account, creating a fresh identity if it has none. */
  ensureAccount(user: TenantUser): Account {
    const existing = this.account(user.accountUid);
    if (existing) return existing;
    const accountUid = this.uid(`account-${user.tenantUserUid}`, (u) => this.state.accounts.has(u));
    const account: Account = { accountUid, globalRoles: ['USER'], defaultTenantUid: user.tenantUid, tenantUsers: new Map() };
    this.state.accounts.set(accountUid, account);
    this.link(account, user);
    return account;
  }

  /** An account keeps its first membership per tenant; a second user in the same tenant is linked but not primary. */
  private link(account: Account, user: TenantUser): void {
    user.accountUid = account.accountUid;
    if (!account.tenantUsers.has(user.tenantUid)) account.tenantUsers.set(user.tenantUid, user.tenantUserUid);
  }

  markAccessed(user: TenantUser): void {
    user.lastAccessed = this.now();
    user.cache = {};
  }

  setDefaultTenant(account: Account, tenantUid: string): void {
    account.defaultTenantUid = tenantUid;
  }

  createIntegrationToken(user: TenantUser): void {
    const token = this.secret('sbx-integration');
    const tenantUserTokenUid = this.uid(`${user.tenantUserUid}-token`, (u) => user.tokens.some((t) => t.tenantUserTokenUid === u));
    user.tokens.push({ tenantUserTokenUid, token });
    this.state.tokens.set(token, { kind: 'integration', tenantUid: user.tenantUid, tenantUserUid: user.tenantUserUid, tenantUserTokenUid });
  }

  /** Returns false when the user has no such token. */
  deleteIntegrationToken(user: TenantUser, tenantUserTokenUid: string): boolean {
    const index = user.tokens.findIndex((t) => t.tenantUserTokenUid === tenantUserTokenUid);
    if (index < 0) return false;
    this.state.tokens.delete(user.tokens[index].token);
    user.tokens.splice(index, 1);
    return true;
  }

  // ------------------------------------------------------------ invitations

  private issueInvite(user: TenantUser): string {
    if (user.inviteToken) this.state.invites.delete(user.inviteToken);
    const inviteToken = this.secret('sbx-invite');
    user.inviteToken = inviteToken;
    this.state.invites.set(inviteToken, { inviteToken, tenantUid: user.tenantUid, tenantUserUid: user.tenantUserUid });
    return inviteToken;
  }

  acceptInvite(invite: Invite, account: Account): TenantUser | undefined {
    const user = this.tenant(invite.tenantUid)?.users.get(invite.tenantUserUid);
    if (!user) return undefined;
    this.state.invites.delete(invite.inviteToken);
    user.inviteToken = undefined;
    user.status = 'ACTIVE';
    this.link(account, user);
    this.touchUser(user);
    return user;
  }

  // ------------------------------------------------------------ users

  touchUser(user: TenantUser): void {
    user.lastModifiedAt = this.now();
    user.cache = {};
  }

  private checkUserRules(tenant: Tenant, user: Partial<TenantUser>, self?: TenantUser): void {
    if (user.accountType === 'FULL' && !user.email) throw badRequest('body/email is required when accountType is FULL');
    if (!user.userCode) throw badRequest('body/userCode must not be empty');
    const clash = this.userByCode(tenant, user.userCode);
    if (clash && clash !== self) throw conflict(`userCode '${user.userCode}' is already used in tenant ${tenant.data.tenantUid}`);
    if (user.defaultStoreUid && !tenant.stores.has(user.defaultStoreUid)) {
      throw badRequest(`body/defaultStoreUid: unknown store '${user.defaultStoreUid}' in tenant ${tenant.data.tenantUid}`);
    }
  }

  private checkStoreAccess(tenant: Tenant, list: StoreAccessInput[] | undefined): void {
    list?.forEach((a, i) => {
      if (!tenant.stores.has(a.storeUid)) throw badRequest(`body/storeAccess/${i}/storeUid: unknown store '${a.storeUid}'`);
    });
  }

  private buildStoreAccess(user: TenantUser, list: StoreAccessInput[]): StoreAccess[] {
    const now = this.now();
    return list.map((a) => ({
      storeAccessUid: this.uid(`${user.tenantUserUid}-sa`, (u) => user.storeAccess.some((s) => s.storeAccessUid === u)),
      storeUid: a.storeUid,
      storeRole: a.storeRole,
      createdAt: now,
      lastModifiedAt: now,
    }));
  }

  /** Returns the new user and, if an invitation was sent (user has an email), its token. */
  createUser(tenant: Tenant, body: Body): { user: TenantUser; inviteToken?: string } {
    const storeAccess = body.storeAccess as StoreAccessInput[] | undefined;
    const draft: Partial<TenantUser> = { email: '' };
    assign(draft, body, CREATE_FIELDS);
    this.checkUserRules(tenant, draft);
    this.checkStoreAccess(tenant, storeAccess);
    const requestedUid = body.tenantUserUid as string | undefined;
    if (requestedUid && tenant.users.has(requestedUid)) throw conflict(`tenantUserUid '${requestedUid}' already exists`);

    const now = this.now();
    const tenantUid = tenant.data.tenantUid;
    const user: TenantUser = {
      tenantUserUid: requestedUid ?? this.uid(`${tenantUid.replace(/^tenant-/, '')}-user`, (u) => tenant.users.has(u)),
      tenantUid,
      accountType: draft.accountType!,
      tenantRole: draft.tenantRole!,
      status: draft.email ? 'PENDING_INVITE' : 'ACTIVE',
      userCode: draft.userCode!,
      password: draft.password!,
      firstname: draft.firstname ?? '',
      lastname: draft.lastname ?? '',
      displayName: draft.displayName ?? ([draft.firstname, draft.lastname].filter(Boolean).join(' ') || draft.userCode!),
      email: draft.email ?? '',
      mobile: draft.mobile ?? '',
      externalId: draft.externalId ?? '',
      languageCode: draft.languageCode ?? tenant.data.languageCode,
      defaultStoreUid: draft.defaultStoreUid,
      storeAccess: [],
      createdAt: now,
      lastModifiedAt: now,
      lastAccessed: now,
      tokens: [],
      cache: {},
    };
    user.storeAccess = this.buildStoreAccess(user, storeAccess ?? []);
    tenant.users.set(user.tenantUserUid, user);
    if (user.status === 'PENDING_INVITE') return { user, inviteToken: this.issueInvite(user) };
    this.ensureAccount(user);
    return { user };
  }

  updateUser(tenant: Tenant, user: TenantUser, body: Body, resendInvite: boolean): { inviteToken?: string } {
    const storeAccess = body.storeAccess as StoreAccessInput[] | undefined;
    const draft: Partial<TenantUser> = { ...user };
    assign(draft, body, UPDATE_FIELDS);
    this.checkUserRules(tenant, draft, user);
    this.checkStoreAccess(tenant, storeAccess);
    if (resendInvite && user.status !== 'PENDING_INVITE') {
      throw badRequest(`query/resendInvite: user ${user.tenantUserUid} has no pending invitation (status ${user.status})`);
    }
    assign(user, body, UPDATE_FIELDS);
    if (storeAccess) user.storeAccess = this.buildStoreAccess(user, storeAccess);
    this.touchUser(user);
    return resendInvite ? { inviteToken: this.issueInvite(user) } : {};
  }

  /** PUT /tenants/{t}/account: the caller edits their own tenant user. */
  updateOwnUser(tenant: Tenant, user: TenantUser, body: Body): void {
    const draft: Partial<TenantUser> = { ...user };
    assign(draft, body, OWN_FIELDS);
    this.checkUserRules(tenant, draft, user);
    assign(user, body, OWN_FIELDS);
    this.touchUser(user);
  }

  deleteUser(tenant: Tenant, user: TenantUser): void {
    for (const t of user.tokens) this.state.tokens.delete(t.token);
    if (user.inviteToken) this.state.invites.delete(user.inviteToken);
    const account = this.account(user.accountUid);
    if (account?.tenantUsers.get(user.tenantUid) === user.tenantUserUid) {
      account.tenantUsers.delete(user.tenantUid);
      if (account.defaultTenantUid === user.tenantUid) {
        account.defaultTenantUid = account.tenantUsers.keys().next().value ?? account.defaultTenantUid;
      }
    }
    tenant.users.delete(user.tenantUserUid);
  }

  // ------------------------------------------------------------ tenants

  updateTenant(tenant: Tenant, body: Body): void {
    const data = tenant.data;
    const nameChanged = body.name !== undefined && body.name !== data.name;
    assign(data, body, TENANT_TOP);
    assign(data.settings, body, TENANT_SETTINGS);
    assign(data.appSettings, body, TENANT_APP);
    for (const [field, slot] of Object.entries(TENANT_ASSETS)) {
      const assetUid = body[field];
      if (typeof assetUid === 'string') data.assets[slot] = { assetUid: assetUid || 'none', url: assetUid ? assetUrl(assetUid) : '' };
    }
    data.lastModifiedAt = this.now();
    tenant.cache = {};
    if (nameChanged) for (const u of tenant.users.values()) u.cache.full = undefined;
  }
}
