/**
 * Deterministic seed data (fixed PRNG seed, fixed dates) and the exported DEMO identities.
 * buildState() returns a fresh State each call; equal calls give equal data.
 */
import { chance, mulberry32, pick, randomInt, randomString, type Random } from './prng.ts';
import { buildTenant, iso, TENANT_SEEDS, TENANT_UIDS, type TenantSeed } from './seed-tenants.ts';
import type { Account, AccountType, State, StoreAccess, StoreRole, Tenant, TenantRole, TenantUser, UserStatus } from './model.ts';

const FIXED = {
  tenants: TENANT_UIDS,
  tokens: {
    admin: 'sbx-access-admin-Q7mK2pX9vL4tR8wE',
    regular: 'sbx-access-regular-H3nR8wZ5cJ1yU6aB',
    other: 'sbx-access-other-T6bF4kM2qS8dN3vC',
    device: 'sbx-device-alpha-P9xV3gN7hL2rK5tM',
    auth: 'sbx-auth-admin-W5cY8jD4mK6zG2hQ',
    integration: 'sbx-integration-alpha-B2tQ7vR9nF3xJ8pD',
  },
  users: {
    adminAlpha: 'alpha-user-admin',
    adminBeta: 'beta-user-admin',
    regularAlpha: 'alpha-user-regular',
    otherGamma: 'gamma-user-admin',
    integrationAlpha: 'alpha-user-integration',
    pendingAlpha: 'alpha-user-pending',
  },
  login: { userCode: 'regular', password: 'sbx-pw-regular-Zk4Rt8Wq' },
  inviteToken: 'sbx-invite-pending-J4wN9cX2bT7mF6sL',
} as const;

const ACCOUNTS = { admin: 'account-admin', regular: 'account-regular', other: 'account-other' } as const;
const SECOND_INTEGRATION_TOKEN = 'sbx-integration-alpha-M8kV2cW6rY4pH9nS';

const SEED = 20240102;

// ---------------------------------------------------------------- users

const FIRST = [
  'Ola',
  'Kari',
  'Lars',
  'Ingrid',
  'Øystein',
  'Åsa',
  'Erik',
  'Sofie',
  'Magnus',
  'Freja',
  'Jonas',
  'Maja',
  'Henrik',
  'Linnea',
  'Mads',
  'Ida',
  'Nils',
  'Emma',
  'Anders',
  'Sara',
];
const LAST = [
  'Nordmann',
  'Hansen',
  'Johansson',
  'Nielsen',
  'Berg',
  'Lund',
  'Dahl',
  'Strand',
  'Holm',
  'Lindqvist',
  'Andersen',
  'Sørensen',
  'Eriksson',
  'Bakke',
  'Møller',
  'Vik',
];

// Cycles with coprime lengths so every value (and most combinations) appear.
const STATUS_CYCLE: UserStatus[] = ['ACTIVE', 'ACTIVE', 'INACTIVE', 'ACTIVE', 'PENDING_INVITE'];
const ROLE_CYCLE: TenantRole[] = ['ACCESS', 'BACKOFFICE', 'ACCESS', 'ADMIN', 'ACCESS', 'BLOCKED', 'BACKOFFICE'];
const TYPE_CYCLE: AccountType[] = ['REGULAR', 'FULL', 'REGULAR', 'SUPPORT', 'REGULAR', 'FULL', 'INTEGRATION', 'REGULAR', 'FULL'];
const STORE_ROLES: StoreRole[] = ['ADMIN', 'BACKOFFICE', 'REGULAR'];

interface UserInit {
  uid: string;
  accountUid?: string;
  accountType: AccountType;
  tenantRole: TenantRole;
  status: UserStatus;
  userCode: string;
  password: string;
  firstname: string;
  lastname: string;
  email: string;
  mobile: string;
  externalId?: string;
  defaultStoreUid?: string;
  stores: [storeUid: string, role: StoreRole][];
  tokens?: string[];
  inviteToken?: string;
  minute: number;
}

function ascii(s: string): string {
  return s.normalize('NFD').replace(/[^A-Za-z]/g, (c) => ({ Ø: 'O', ø: 'o', Æ: 'AE', æ: 'ae' })[c] ?? '');
}

function makeUser(tenant: Tenant, init: UserInit, random: Random): TenantUser {
  const createdAt = iso(init.minute);
  const storeAccess: StoreAccess[] = init.stores.map(([storeUid, storeRole], i) => ({
    storeAccessUid: `${init.uid}-sa-${i + 1}`,
    storeUid,
    storeRole,
    createdAt,
    lastModifiedAt: createdAt,
  }));
  return {
    tenantUserUid: init.uid,
    tenantUid: tenant.data.tenantUid,
    accountUid: init.accountUid,
    accountType: init.accountType,
    tenantRole: init.tenantRole,
    status: init.status,
    userCode: init.userCode,
    password: init.password,
    displayName: `${init.firstname} ${init.lastname}`.trim(),
    firstname: init.firstname,
    lastname: init.lastname,
    email: init.email,
    mobile: init.mobile,
    externalId: init.externalId ?? '',
    languageCode: tenant.data.languageCode,
    defaultStoreUid: init.defaultStoreUid,
    storeAccess,
    createdAt,
    lastModifiedAt: iso(init.minute + randomInt(random, 0, 30 * 1440)),
    lastAccessed: init.status === 'ACTIVE' ? iso(init.minute + randomInt(random, 30 * 1440, 120 * 1440)) : createdAt,
    tokens: (init.tokens ?? []).map((token, i) => ({ tenantUserTokenUid: `${init.uid}-token-${i + 1}`, token })),
    inviteToken: init.inviteToken,
    cache: {},
  };
}

function demoUsers(key: TenantSeed['key'], tenant: Tenant): UserInit[] {
  const stores = [...tenant.stores.keys()];
  const admin = (uid: string): UserInit => ({
    uid,
    accountUid: ACCOUNTS.admin,
    accountType: 'FULL',
    tenantRole: 'ADMIN',
    status: 'ACTIVE',
    userCode: 'admin',
    password: `sbx-pw-admin-${key}-Vb7Nq2Lx`,
    firstname: 'Ada',
    lastname: 'Admin',
    email: 'ada.admin@sandbox.flowretail.test',
    mobile: '+47 90000001',
    externalId: 'HR-0001',
    defaultStoreUid: stores[0],
    stores: stores.map((s) => [s, 'ADMIN']),
    minute: 0,
  });
  if (key === 'beta') return [admin(FIXED.users.adminBeta)];
  if (key === 'gamma') {
    return [
      {
        uid: FIXED.users.otherGamma,
        accountUid: ACCOUNTS.other,
        accountType: 'FULL',
        tenantRole: 'ADMIN',
        status: 'ACTIVE',
        userCode: 'admin',
        password: 'sbx-pw-other-gamma-Rq5Tz8Ke',
        firstname: 'Otto',
        lastname: 'Other',
        email: 'otto.other@sandbox.flowretail.test',
        mobile: '+45 20000003',
        defaultStoreUid: stores[0],
        stores: [[stores[0], 'ADMIN']],
        minute: 0,
      },
    ];
  }
  return [
    admin(FIXED.users.adminAlpha),
    {
      uid: FIXED.users.regularAlpha,
      accountUid: ACCOUNTS.regular,
      accountType: 'REGULAR',
      tenantRole: 'ACCESS',
      status: 'ACTIVE',
      userCode: FIXED.login.userCode,
      password: FIXED.login.password,
      firstname: 'Rita',
      lastname: 'Regular',
      email: 'rita.regular@sandbox.flowretail.test',
      mobile: '+47 90000002',
      defaultStoreUid: stores[0],
      stores: [[stores[0], 'REGULAR']],
      minute: 60,
    },
    {
      uid: FIXED.users.integrationAlpha,
      accountUid: `account-${FIXED.users.integrationAlpha}`,
      accountType: 'INTEGRATION',
      tenantRole: 'ADMIN',
      status: 'ACTIVE',
      userCode: 'erp',
      password: 'sbx-pw-erp-alpha-Hc3Mv9Wd',
      firstname: 'ERP',
      lastname: 'Integration',
      email: '',
      mobile: '',
      externalId: 'ERP-1',
      defaultStoreUid: '',
      stores: [],
      tokens: [FIXED.tokens.integration, SECOND_INTEGRATION_TOKEN],
      minute: 120,
    },
    {
      uid: FIXED.users.pendingAlpha,
      accountType: 'FULL',
      tenantRole: 'BACKOFFICE',
      status: 'PENDING_INVITE',
      userCode: 'pending',
      password: 'sbx-pw-pending-alpha-Ls6Fd3Yh',
      firstname: 'Pia',
      lastname: 'Pending',
      email: 'pia.pending@sandbox.flowretail.test',
      mobile: '+47 90000004',
      stores: [[stores[1], 'BACKOFFICE']],
      inviteToken: FIXED.inviteToken,
      minute: 180,
    },
  ];
}

function generatedUser(s: TenantSeed, tenant: Tenant, i: number, random: Random): UserInit {
  const stores = [...tenant.stores.keys()];
  const accountType = TYPE_CYCLE[i % TYPE_CYCLE.length];
  let status = STATUS_CYCLE[i % STATUS_CYCLE.length];
  if (accountType === 'INTEGRATION' && status === 'PENDING_INVITE') status = 'ACTIVE';
  const firstname = accountType === 'INTEGRATION' ? pick(random, ['POS', 'ERP', 'BI', 'Webshop']) : pick(random, FIRST);
  const lastname = accountType === 'INTEGRATION' ? 'Integration' : pick(random, LAST);
  const needsEmail = accountType === 'FULL' || status === 'PENDING_INVITE';
  const hasEmail = needsEmail || (accountType !== 'INTEGRATION' && chance(random, 0.6));
  const uid = `${s.key}-user-${String(i + 1).padStart(3, '0')}`;
  const storeCount = accountType === 'INTEGRATION' ? 0 : randomInt(random, 0, 2);
  const assigned = new Set<string>();
  while (assigned.size < storeCount) assigned.add(pick(random, stores));
  const defaultRoll = random();
  return {
    uid,
    accountUid: status === 'PENDING_INVITE' ? undefined : `account-${uid}`,
    accountType,
    tenantRole: ROLE_CYCLE[i % ROLE_CYCLE.length],
    status,
    userCode: String(1000 + i),
    password: `sbx-pw-${randomString(random, 12)}`,
    firstname,
    lastname,
    email: hasEmail ? `${ascii(firstname).toLowerCase()}.${ascii(lastname).toLowerCase()}${i}@${s.key}.example.com` : '',
    mobile: chance(random, 0.8) ? `${s.phonePrefix}${String(randomInt(random, 0, 9_999_999)).padStart(7, '0')}` : '',
    externalId: chance(random, 0.3) ? `EXT-${randomInt(random, 10000, 99999)}` : '',
    defaultStoreUid: defaultRoll < 0.3 ? '' : defaultRoll < 0.8 ? pick(random, stores) : undefined,
    stores: [...assigned].map((storeUid) => [storeUid, pick(random, STORE_ROLES)]),
    tokens:
      accountType === 'INTEGRATION' && status === 'ACTIVE' && chance(random, 0.6) ? [`sbx-integration-${randomString(random, 20)}`] : [],
    inviteToken: status === 'PENDING_INVITE' ? `sbx-invite-${randomString(random, 20)}` : undefined,
    minute: 1440 + i * 720 + randomInt(random, 0, 600),
  };
}

// ---------------------------------------------------------------- state

export function buildState(): State {
  const random = mulberry32(SEED);
  const state: State = {
    tenants: new Map(),
    accounts: new Map(),
    tokens: new Map(),
    invites: new Map(),
    random: mulberry32(SEED ^ 0x5eed),
    seq: 0,
  };
  TENANT_SEEDS.forEach((s, index) => {
    const tenant = buildTenant(s, index, random);
    state.tenants.set(tenant.data.tenantUid, tenant);
    const inits = demoUsers(s.key, tenant);
    for (let i = 0; inits.length < s.userCount; i++) inits.push(generatedUser(s, tenant, i, random));
    for (const init of inits) addUser(state, tenant, makeUser(tenant, init, random));
  });
  state.tokens.set(FIXED.tokens.admin, { kind: 'access', accountUid: ACCOUNTS.admin });
  state.tokens.set(FIXED.tokens.regular, { kind: 'access', accountUid: ACCOUNTS.regular });
  state.tokens.set(FIXED.tokens.other, { kind: 'access', accountUid: ACCOUNTS.other });
  state.tokens.set(FIXED.tokens.auth, { kind: 'auth', accountUid: ACCOUNTS.admin });
  state.tokens.set(FIXED.tokens.device, { kind: 'device', tenantUid: FIXED.tenants.alpha });
  return state;
}

function addUser(state: State, tenant: Tenant, user: TenantUser): void {
  tenant.users.set(user.tenantUserUid, user);
  if (user.accountUid) {
    let account: Account | undefined = state.accounts.get(user.accountUid);
    if (!account) {
      account = { accountUid: user.accountUid, globalRoles: ['USER'], defaultTenantUid: user.tenantUid, tenantUsers: new Map() };
      state.accounts.set(account.accountUid, account);
    }
    account.tenantUsers.set(user.tenantUid, user.tenantUserUid);
  }
  for (const t of user.tokens) {
    state.tokens.set(t.token, {
      kind: 'integration',
      tenantUid: user.tenantUid,
      tenantUserUid: user.tenantUserUid,
      tenantUserTokenUid: t.tenantUserTokenUid,
    });
  }
  if (user.inviteToken) {
    state.invites.set(user.inviteToken, { inviteToken: user.inviteToken, tenantUid: user.tenantUid, tenantUserUid: user.tenantUserUid });
  }
}

function collectSecrets(state: State): string[] {
  const secrets = new Set<string>([...state.tokens.keys(), ...state.invites.keys()]);
  for (const tenant of state.tenants.values()) for (const u of tenant.users.values()) secrets.add(u.password);
  return [...secrets];
}

export const DEMO: {
  tenants: { alpha: string; beta: string; gamma: string };
  tokens: { admin: string; regular: string; other: string; device: string; auth: string; integration: string };
  users: {
    adminAlpha: string;
    adminBeta: string;
    regularAlpha: string;
    otherGamma: string;
    integrationAlpha: string;
    pendingAlpha: string;
  };
  login: { userCode: string; password: string };
  inviteToken: string;
  secrets: string[];
} = { ...FIXED, secrets: collectSecrets(buildState()) };

/** Human-readable summary of the demo identities (printed by `npm run sandbox`). */
export function describeDemo(baseUrl: string): string {
  const t = DEMO.tokens;
  return [
    `Flow Retail sandbox API: ${baseUrl}`,
    `Tenants: alpha=${DEMO.tenants.alpha} beta=${DEMO.tenants.beta} gamma=${DEMO.tenants.gamma}`,
    'Bearer tokens:',
    `  admin        ${t.admin}   (access token, ADMIN in alpha + beta)`,
    `  regular      ${t.regular}   (access token, ACCESS role in alpha only)`,
    `  other        ${t.other}   (access token, ADMIN in gamma only)`,
    `  auth         ${t.auth}   (auth token of the admin account)`,
    `  integration  ${t.integration}   (integration token of ${DEMO.users.integrationAlpha} in alpha)`,
    `  device       ${t.device}   (device token for alpha, only POST /account)`,
    `Device login: userCode=${DEMO.login.userCode} password=${DEMO.login.password}`,
    `Pending invitation (x-invite-token): ${DEMO.inviteToken}`,
    `Example: curl -H 'authorization: Bearer ${t.admin}' ${baseUrl}/account`,
  ].join('\n');
}
