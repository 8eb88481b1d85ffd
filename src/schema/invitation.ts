import { builder } from './builder.ts';
import { DOCS, restDoc } from './descriptions.ts';
import { ONE_CALL } from './cost.ts';
import { TenantUser } from './tenant-user.ts';
import { acceptInvitation, invitation, type RestInvitation } from '../resolvers/invitation.ts';

const InvitationTenant = builder.objectRef<RestInvitation['tenant']>('InvitationTenant').implement({
  description: 'The tenant an invitation is to.',
  fields: (t) => ({
    name: t.exposeString('name', { description: DOCS.tenantName }),
  }),
});

const InvitationUser = builder.objectRef<RestInvitation['user']>('InvitationUser').implement({
  description: 'The invited user as the tenant registered them.',
  fields: (t) => ({
    displayName: t.exposeString('displayName', { description: DOCS.displayName }),
    email: t.exposeString('email', { description: 'Email address the invitation went to.' }),
    firstname: t.exposeString('firstname', { description: DOCS.firstname }),
    lastname: t.exposeString('lastname', { description: DOCS.lastname }),
    mobile: t.exposeString('mobile', { description: DOCS.mobile }),
    status: t.exposeString('status', { description: "The invited user's status, as REST sends it (e.g. PENDING_INVITE)." }),
  }),
});

const Invitation = builder.objectRef<RestInvitation>('Invitation').implement({
  description: 'An invitation to a tenant. GET /account/invite (no bearer token; the invite token goes in x-invite-token).',
  fields: (t) => ({
    tenant: t.expose('tenant', { type: InvitationTenant, description: 'The tenant the invitation is to.' }),
    user: t.expose('user', { type: InvitationUser, description: 'The invited user.' }),
  }),
});

builder.queryField('invitation', (t) =>
  t.field({
    type: Invitation,
    complexity: ONE_CALL,
    nullable: true,
    description: restDoc(
      'get-account-invite',
      'The invitation an invite token stands for; null when the upstream knows no such invitation (404).',
    ),
    args: { inviteToken: t.arg.string({ required: true, description: DOCS.inviteToken }) },
    resolve: (_root, args, ctx) => invitation(ctx, args),
  }),
);

builder.mutationField('acceptInvitation', (t) =>
  t.field({
    type: TenantUser,
    complexity: ONE_CALL,
    description: restDoc('put-account-invite', 'Accepts an invitation for the account whose auth token is the bearer.'),
    args: { inviteToken: t.arg.string({ required: true, description: DOCS.inviteToken }) },
    resolve: (_root, args, ctx) => acceptInvitation(ctx, args),
  }),
);
