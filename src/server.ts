import { createYoga, maskError as defaultMaskError, type YogaServerInstance } from 'graphql-yoga';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { schema } from './schema/index.ts';
import { createContext, type ContextDeps, type GatewayContext } from './context.ts';
import { toGraphQLError } from './resolvers/errors.ts';

export interface GatewayDeps extends ContextDeps {
  graphiql?: boolean;
}

export type Gateway = YogaServerInstance<Record<string, never>, GatewayContext>;

const EXAMPLE_QUERY = `# Set the Authorization header below (Headers tab), e.g. {"Authorization": "Bearer <token>"}
query Me {
  me {
    defaultTenantUid
    memberships {
      tenantUserUid
      displayName
      tenantRole
      tenant { name currency { code } }
    }
  }
}
`;

/** Builds the gateway (no listen): schema, per-request context, error translation, GraphiQL. */
export function createGateway(deps: GatewayDeps): Gateway {
  return createYoga<Record<string, never>, GatewayContext>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    context: ({ request }) => createContext(deps, request, request.signal),
    graphiql: deps.graphiql === false ? false : { defaultQuery: EXAMPLE_QUERY, title: 'Flow Retail GraphQL', headers: '{"Authorization": "Bearer "}' },
    renderGraphiQL,
    maskedErrors: {
      // Upstream failures keep their meaning (code, status, logId); anything else is masked.
      maskError: (error, message, isDev) => toGraphQLError(error) ?? defaultMaskError(error, message, isDev),
    },
  });
}
