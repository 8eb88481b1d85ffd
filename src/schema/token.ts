import { builder } from './builder.ts';
import { tenantUserArgs } from './args.ts';
import { DOCS, restDoc } from './descriptions.ts';
import { ONE_CALL } from './cost.ts';
import { TenantUser } from './tenant-user.ts';
import type { RestToken } from '../spec/schemas.ts';
import { createIntegrationToken, deleteIntegrationToken, tokens } from '../resolvers/token.ts';

const Token = builder.objectRef<RestToken>('Token').implement({
  description:
    'An integration token of a tenant user (REST TenantUserTokenResponseSchema). GET /tenants/{tenantUid}/users/{tenantUserUid}/tokens, POST .../tokens.',
  fields: (t) => ({
    tenantUserTokenUid: t.exposeID('tenantUserTokenUid', { description: DOCS.tenantUserTokenUid }),
    token: t.exposeString('token', { description: 'The token, used as bearer by the integration.' }),
  }),
});

builder.objectField(TenantUser, 'tokens', (t) =>
  t.field({
    type: [Token],
    nullable: true,
    complexity: ONE_CALL,
    description: restDoc('get-tenants-users-tokens', "The user's integration tokens (one call per user per request)."),
    resolve: tokens,
  }),
);

builder.mutationFields((t) => ({
  createIntegrationToken: t.field({
    type: [Token],
    complexity: ONE_CALL,
    description: restDoc('post-tenants-users-tokens', "Creates an integration token for the user; answers with the user's tokens."),
    args: {
      ...tenantUserArgs,
    },
    resolve: (_root, args, ctx) => createIntegrationToken(ctx, args),
  }),
  deleteIntegrationToken: t.id({
    complexity: ONE_CALL,
    description: restDoc('delete-tenants-users-tokens-details', "Deletes an integration token; answers with the deleted token's uid."),
    args: {
      ...tenantUserArgs,
      tenantUserTokenUid: t.arg.id({ required: true, description: DOCS.tenantUserTokenUid }),
    },
    resolve: (_root, args, ctx) => deleteIntegrationToken(ctx, args),
  }),
}));
