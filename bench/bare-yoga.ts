/**
 * The ceiling of any yoga-based server on this machine: graphql-yoga with its defaults and a
 * one-field schema, answering `{ __typename }` with no resolvers, no plugins, no upstream.
 * Env: PORT (default 0), HOST (default 127.0.0.1). Prints its URL; SIGTERM/SIGINT close it and exit 0.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSchema, createYoga } from 'graphql-yoga';

const yoga = createYoga({
  schema: createSchema({ typeDefs: 'type Query { ok: Boolean }' }),
  graphqlEndpoint: '/graphql',
  healthCheckEndpoint: '/health',
  landingPage: false,
  graphiql: false,
  logging: false,
});

// yoga answers its own errors; node:http has no use for the promise its handler returns.
const server = createServer((req, res) => void yoga(req, res));
await new Promise<void>((resolve) => server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1', resolve));
console.log(`bare yoga: http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`);

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
