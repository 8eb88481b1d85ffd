import { builder } from './builder.ts';
import { tenantArgs } from './args.ts';
import { DOCS, restDoc } from './descriptions.ts';
import { MEMBERSHIPS_ESTIMATE, ONE_CALL } from './cost.ts';
import { Tenant } from './tenant.ts';
import { TenantUser } from './tenant-user.ts';
import {
  accessToken,
  defaultTenant,
  exchangeAuthToken,
  exchangeAuthTokenForAccessToken,
  login,
  logout,
  loginTenantUser,
  me,
  memberships,
  updateAccount,
  type RestAccount,
  type RestLoginResult,
} from '../resolvers/account.ts';

const Account = builder.objectRef<RestAccount>('Account').implement({
  description: "The caller's account with every tenant they can access. GET /account.",
  fields: (t) => ({
    globalRoles: t.exposeStringList('globalRoles', { description: 'Roles the account has across all tenants.' }),
    defaultTenantUid: t.exposeID('defaultTenantUid', { description: "Reference to the account's default tenant." }),
    defaultTenant: t.field({
      type: Tenant,
      complexity: ONE_CALL,
      nullable: true,
      description: restDoc('get-tenants-details', "The default tenant's details (tenant details loader, cached)."),
      resolve: defaultTenant,
    }),
    memberships: t.field({
      type: [TenantUser],
      complexity: { field: 0, multiplier: MEMBERSHIPS_ESTIMATE },
      description: 'One TenantUser per tenant the caller can access (REST field: tenants).',
      resolve: memberships,
    }),
  }),
});

const LoginResult = builder.objectRef<RestLoginResult>('LoginResult').implement({
  description: 'What a login answers: an access token and the user it belongs to.',
  fields: (t) => ({
    accessToken: t.string({
      description:
        'Bearer token for the logged-in tenant user. Empty when the gateway keeps it in the session cookie (SESSION_COOKIES; see inSessionCookie), so that no script can read it.',
      resolve: accessToken,
    }),
    inSessionCookie: t.boolean({
      description:
        'True when the gateway put the access token in its HttpOnly session cookie (SESSION_COOKIES on): the browser sends it with every request to the GraphQL endpoint, and `logout` clears it.',
      resolve: (_result, _args, ctx) => ctx.session !== undefined,
    }),
    tenantUser: t.field({
      type: TenantUser,
      nullable: true,
      description:
        "The tenant user that logged in; null only if the upstream's record of it could not be read (the access token is returned anyway).",
      resolve: loginTenantUser,
    }),
  }),
});

const UpdateAccountInput = builder.inputType('UpdateAccountInput', {
  description: 'Changes to the global account (REST AccountUpdateSchema).',
  fields: (t) => ({
    defaultTenantUid: t.id({ required: true, description: 'Reference to the tenant to use by default.' }),
  }),
});

builder.queryField('me', (t) =>
  t.field({
    type: Account,
    nullable: true,
    complexity: ONE_CALL,
    description: restDoc('get-account', "The caller's account."),
    resolve: (_root, _args, ctx) => me(ctx),
  }),
);

builder.mutationFields((t) => ({
  login: t.field({
    type: LoginResult,
    complexity: ONE_CALL,
    description: restDoc(
      'post-account',
      'Logs a tenant user in on the device whose device token is the bearer; answers with an access token.',
    ),
    args: {
      userCode: t.arg.string({ required: true, description: DOCS.userCode }),
      password: t.arg.string({ required: true, description: DOCS.password }),
    },
    resolve: (_root, args, ctx) => login(ctx, args),
  }),
  exchangeAuthTokenForAccessToken: t.field({
    type: LoginResult,
    complexity: ONE_CALL,
    description: restDoc(
      'post-tenants-account',
      "Exchanges the caller's auth token (the bearer) for an access token to one tenant, answering with the token (or, with SESSION_COOKIES, keeping it in the session cookie) and the caller's tenant user there. The REST answer carries the token in a response header (UPSTREAM_ACCESS_TOKEN_HEADER, x-access-token by default).",
    ),
    args: tenantArgs,
    resolve: (_root, args, ctx) => exchangeAuthTokenForAccessToken(ctx, args),
  }),
  logout: t.boolean({
    description:
      'Ends the cookie session: clears the session cookie (SESSION_COOKIES on; false otherwise). Makes no upstream call: the REST API has no logout, so the token itself stays valid upstream until it expires.',
    resolve: (_root, _args, ctx) => logout(ctx),
  }),
  exchangeAuthToken: t.field({
    type: TenantUser,
    complexity: ONE_CALL,
    description: restDoc(
      'post-tenants-account',
      "Exchanges the caller's auth token (the bearer) for an access token to one tenant; answers with the caller's tenant user there, whose fields resolve with the new token. With SESSION_COOKIES the token goes into the session cookie; otherwise use exchangeAuthTokenForAccessToken to receive it.",
    ),
    args: tenantArgs,
    resolve: (_root, args, ctx) => exchangeAuthToken(ctx, args),
  }),
  updateAccount: t.field({
    type: Account,
    complexity: ONE_CALL,
    description: restDoc('put-account', "Changes the caller's global account."),
    args: { input: t.arg({ type: UpdateAccountInput, required: true, description: DOCS.changes }) },
    resolve: (_root, args, ctx) => updateAccount(ctx, args),
  }),
}));
