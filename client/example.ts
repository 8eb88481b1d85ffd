/**
 * The client kit in use: a typed script that logs in on the sandbox, lists what the account
 * switcher and the users table show, and walks the invite flow (create → look up → accept).
 *
 *   npx tsx client/example.ts [gatewayUrl] [sandboxUrl]
 *
 * gatewayUrl: argv or GATEWAY_URL (default http://localhost:4000/graphql). sandboxUrl: argv or
 * SANDBOX_URL, the "Flow Retail sandbox API" URL `npm start` prints; the script reads the invite
 * token there, where the real API would e-mail it. The identities are the sandbox's demo ones.
 * Every document goes out by id (sendDocumentIds), so it also runs with TRUSTED_DOCUMENTS=only.
 */
import { GraphQLClient } from 'graphql-request';
import { DEMO } from '../src/sandbox/seed.ts';
import { sendDocumentIds } from './document-ids.ts';
import {
  AcceptInvitationDocument,
  AccountSwitcherDocument,
  CreateUserDocument,
  InvitationLookupDocument,
  LoginDocument,
  UserDetailsDocument,
  UsersTableDocument,
} from './gql/graphql.ts';

const gatewayUrl = process.argv[2] ?? process.env.GATEWAY_URL ?? 'http://localhost:4000/graphql';
const sandboxUrl = process.argv[3] ?? process.env.SANDBOX_URL;
if (!sandboxUrl) {
  console.error('Usage: npx tsx client/example.ts [gatewayUrl] <sandboxUrl> (or SANDBOX_URL): the sandbox API URL npm start prints');
  process.exit(2);
}

/** A typed client for one bearer token (none for the public invitation lookup). */
const clientFor = (token?: string) =>
  new GraphQLClient(gatewayUrl, { headers: token ? { authorization: `Bearer ${token}` } : {}, requestMiddleware: sendDocumentIds });

/** The invite token the upstream e-mails to the invitee: the sandbox keeps it for us to read. */
async function inviteTokenFor(email: string): Promise<string> {
  const response = await fetch(new URL('/__sandbox/invites', sandboxUrl));
  const invites = (await response.json()) as { email: string; inviteToken: string }[];
  const invite = invites.find((candidate) => candidate.email === email);
  if (!invite) throw new Error(`No pending invitation for ${email}`);
  return invite.inviteToken;
}

// 1. Login on a device (the device token is the bearer); the access token it answers is the user's bearer.
const { login } = await clientFor(DEMO.tokens.device).request(LoginDocument, DEMO.login);
const user = clientFor(login.accessToken);
console.log(`Logged in as ${login.tenantUser?.displayName} (${login.tenantUser?.tenantRole}) in ${login.tenantUser?.tenantName}`);

// 2. The account switcher: the user's tenants.
const { me } = await user.request(AccountSwitcherDocument);
const tenantNames = (me?.memberships ?? []).map((m) => (m.tenantUid === me?.defaultTenantUid ? `${m.tenantName} (default)` : m.tenantName));
console.log(`Tenants: ${tenantNames.join(', ')}`);

// 3. A tenant admin's users table: the first page.
const admin = clientFor(DEMO.tokens.admin);
const tenantUid = DEMO.tenants.alpha;
const { tenant } = await admin.request(UsersTableDocument, { tenantUid, pageSize: 5, sortBy: 'displayName' });
const paging = tenant?.users?.paging;
console.log(`Users in ${tenant?.name}: ${paging?.totalCount} (page ${paging?.pageNumber} of ${paging?.totalPages})`);
for (const row of tenant?.users?.items ?? []) console.log(`  ${row.displayName} <${row.email}> ${row.tenantRole} ${row.status}`);

// 4. The invite flow. The admin creates a user with an email: PENDING_INVITE, and an invitation goes out.
const suffix = Date.now().toString(36);
const email = `nina.${suffix}@example.com`;
const { createTenantUser: invited } = await admin.request(CreateUserDocument, {
  tenantUid,
  input: {
    accountType: 'FULL',
    tenantRole: 'ACCESS',
    userCode: `nina-${suffix}`,
    password: `pw-${suffix}-Example1`,
    firstname: 'Nina',
    lastname: 'Newbie',
    email,
    storeAccess: [{ storeUid: 'alpha-store-web', storeRole: 'REGULAR' }],
  },
});
console.log(`Invited ${invited.email} as ${invited.tenantUserUid} (${invited.status})`);

// The invitee opens the link: the invitation, with no sign-in.
const inviteToken = await inviteTokenFor(email);
const { invitation } = await clientFor().request(InvitationLookupDocument, { inviteToken });
console.log(`Invitation to ${invitation?.tenant.name} for ${invitation?.user.displayName} (${invitation?.user.status})`);

// ... and accepts it with their auth token (the sandbox's demo auth token stands in for theirs).
const { acceptInvitation } = await clientFor(DEMO.tokens.auth).request(AcceptInvitationDocument, { inviteToken });
console.log(`Accepted: ${acceptInvitation.tenantUserUid} is ${acceptInvitation.status} in ${acceptInvitation.tenantName}`);

// 5. The admin's user details page now shows the user active, with their store access and permissions.
const details = await admin.request(UserDetailsDocument, { tenantUid, tenantUserUid: invited.tenantUserUid });
const member = details.tenant?.user;
const stores = (member?.permissions?.stores ?? []).map((s) => `${s.store.name}: ${s.permissions.join(' ')}`);
console.log(`Summary: ${member?.displayName} <${member?.email}> ${member?.status} in ${details.tenant?.name}; stores ${stores.join('; ')}`);
