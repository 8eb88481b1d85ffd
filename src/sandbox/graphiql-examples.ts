/**
 * What GraphiQL's tabs run with on the embedded sandbox: for each flow of the client kit
 * (client/operations/<flow>.graphql), the demo bearer token and variables that work on the
 * seeded data, in the tabs' order. Only main.ts passes them on, and only with no FLOW_API_URL:
 * a real upstream never gets a demo token prefilled.
 */
import { DEMO } from './seed.ts';

const tenantUid = DEMO.tenants.alpha;
/** The user the invite flow's CreateUser makes (an id of our choosing, so that ResendInvitation can name it). */
const NEW_USER = 'alpha-user-nina';

export function graphiqlExamples(sandboxUrl: string) {
  return {
    'account-switcher': {
      token: DEMO.tokens.admin,
      variables: { tenantUid },
      note: 'As the alpha and beta admin. Run AccountSwitcher, then SetDefaultTenant with a tenantUid it lists.',
    },
    'users-table': {
      token: DEMO.tokens.admin,
      variables: {
        tenantUid,
        page: 1,
        pageSize: 10,
        query: 'a',
        sortBy: 'displayName',
        sortDirection: 'ASC',
        filter: { status: ['PENDING_INVITE'] },
      },
      note: 'UsersTable pages, searches and sorts; UsersTableSearch filters by status.',
    },
    'user-details': {
      token: DEMO.tokens.admin,
      variables: { tenantUid, tenantUserUid: DEMO.users.integrationAlpha },
    },
    'invite-flow': {
      // The admin account's auth token: creating a user takes any of the admin's tokens, accepting an invitation only an auth token.
      token: DEMO.tokens.auth,
      variables: {
        tenantUid,
        input: {
          tenantUserUid: NEW_USER,
          accountType: 'FULL',
          tenantRole: 'ACCESS',
          userCode: 'nina',
          password: 'pw-Nina-Example1',
          firstname: 'Nina',
          lastname: 'Newbie',
          email: 'nina.newbie@example.com',
          storeAccess: [{ storeUid: 'alpha-store-web', storeRole: 'REGULAR' }],
        },
        // ResendInvitation re-sends the new user's invitation (a resend replaces the token, so not the seeded one's).
        tenantUserUid: NEW_USER,
        inviteToken: DEMO.inviteToken,
      },
      note: [
        'Run the operations in order (the ▶ button lists them). CreateUser invites a new user; the real API',
        `e-mails the invite token, the sandbox lists it at ${new URL('/__sandbox/invites', sandboxUrl).href}.`,
        "The variables hold the seeded pending invitation's token, so InvitationLookup and AcceptInvitation work as they are.",
      ].join('\n'),
    },
    'tenant-settings': {
      token: DEMO.tokens.admin,
      variables: { tenantUid, input: { name: 'Alpha Retail AS', autoLogout: 15, printReceiptNumber: true } },
    },
    tokens: {
      token: DEMO.tokens.admin,
      variables: { tenantUid, tenantUserUid: DEMO.users.integrationAlpha, tenantUserTokenUid: `${DEMO.users.integrationAlpha}-token-2` },
      note: "CreateToken adds an integration token to the ERP user; DeleteToken removes the user's second seeded one.",
    },
    login: {
      token: DEMO.tokens.device,
      variables: DEMO.login,
      note: "The device token is the bearer here; the answer's accessToken is the bearer for everything else.",
    },
  };
}
