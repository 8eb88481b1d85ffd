import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { GraphQLError } from 'graphql';
import { createYoga, maskError as defaultMaskError, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import { createCounter, createHistogram, usePrometheus } from '@graphql-yoga/plugin-prometheus';
import { schema } from './schema/index.ts';
import { graphiqlOptions, renderGraphiQL, type FlowExamples } from './graphiql.ts';
import { ConfigError, type Config } from './config.ts';
import { createContext, type ContextDeps, type GatewayContext } from './context.ts';
import { toGraphQLError } from './resolvers/errors.ts';
import type { TenantCache } from './upstream/tenant-cache.ts';
import type { FlowUpstream } from './upstream/client.ts';
import type { Logger } from './observability/logger.ts';
import { GatewayMetrics } from './observability/metrics.ts';
import { OperationNames } from './observability/operation-names.ts';
import { DriftRecorder } from './observability/drift.ts';
import type { UpstreamSpans } from './observability/upstream-spans.ts';
import { useRequestLog } from './plugins/request-log.ts';
import { useDebugUpstream } from './plugins/debug-upstream.ts';
import { useBodyLimit, useQueryLimits } from './plugins/limits.ts';
import { useUpstreamReadiness } from './plugins/readiness.ts';
import { createDocumentCache } from './plugins/document-cache.ts';
import { useOutputOnlyEnums } from './plugins/output-only-enums.ts';
import { useQueryCost } from './plugins/query-cost.ts';
import { useDriftErrors } from './plugins/drift-errors.ts';
import { useIncrementalDelivery } from './plugins/incremental-delivery.ts';
import { createSessionCookies } from './plugins/session-cookies.ts';
import { loadTrustedDocuments, useTrustedDocuments, type TrustedDocuments } from './plugins/trusted-documents.ts';
import { useTracing } from './plugins/tracing.ts';

export interface GatewayDeps {
  config: Config;
  upstream: FlowUpstream;
  /** Absent when caching is off (the benchmark's baseline). */
  tenantCache?: TenantCache;
  logger: Logger;
  /** Present only when tracing is on (the SDK started); off, no tracing hook is installed. */
  upstreamSpans?: UpstreamSpans;
  /** Only on the embedded sandbox: GraphiQL's tabs then carry demo tokens and variables (see graphiql.ts). */
  graphiqlExamples?: FlowExamples;
}

export type Gateway = YogaServerInstance<Record<string, never>, GatewayContext>;

const GRAPHQL_ENDPOINT = '/graphql';

/**
 * yoga puts the parser's own message in `extensions.originalError` (for a malformed
 * body, it quotes the body): a debugging aid, kept out of responses unless in development.
 */
function withoutOriginalError(error: Error, isDev: boolean): Error {
  if (isDev || !(error instanceof GraphQLError) || error.extensions.originalError === undefined) return error;
  const extensions = { ...error.extensions };
  delete extensions.originalError;
  return new GraphQLError(error.message, { nodes: error.nodes, path: error.path, extensions });
}

/**
 * The manifest, read once at start-up. With trusted documents on (`allow`, `only`) a missing or
 * broken manifest stops start-up; with `off` it only means that no id resolves (a broken one is logged).
 */
function trustedDocumentsOf(config: Config, logger: Logger): TrustedDocuments {
  const path = resolve(config.TRUSTED_DOCUMENTS_MANIFEST);
  const off = config.TRUSTED_DOCUMENTS === 'off';
  if (off && !existsSync(path)) return new Map();
  try {
    return loadTrustedDocuments(path, schema);
  } catch (error) {
    const problem = (error as Error).message;
    if (off) {
      logger.warn({ problem }, 'trusted documents: manifest not loaded, no document id resolves');
      return new Map();
    }
    throw new ConfigError(
      `Invalid configuration:\n  TRUSTED_DOCUMENTS_MANIFEST: ${problem} (TRUSTED_DOCUMENTS=${config.TRUSTED_DOCUMENTS} needs it; npm run codegen builds it)`,
    );
  }
}

/** Builds the gateway (no listen): schema, per-request context, plugins, health and metrics routes. */
export function createGateway({ config, upstream, tenantCache, logger, upstreamSpans, graphiqlExamples }: GatewayDeps): Gateway {
  const metrics = new GatewayMetrics(upstream);
  if (tenantCache) metrics.watchTenantCache(tenantCache);
  const operationNames = new OperationNames(config.METRICS_MAX_OPERATION_NAMES);
  const drift = new DriftRecorder(metrics.registry, logger);

  const plugins: Plugin[] = [
    useBodyLimit(config.MAX_BODY_BYTES),
    useRequestLog(logger, GRAPHQL_ENDPOINT),
    useUpstreamReadiness(upstream, config.READY_CACHE_MS),
    useCSRFPrevention({ requestHeaders: ['x-graphql-csrf', 'x-graphql-yoga-csrf'] }),
    useTrustedDocuments(config.TRUSTED_DOCUMENTS, trustedDocumentsOf(config, logger)),
    useQueryLimits({
      maxDepth: config.MAX_DEPTH,
      maxAliases: config.MAX_ALIASES,
      maxTokens: config.MAX_TOKENS,
      maxDirectives: config.MAX_DIRECTIVES,
      blockFieldSuggestions: !config.INTROSPECTION,
    }),
    usePrometheus({
      registry: metrics.registry,
      endpoint: '/metrics',
      // The plugin turns every metric on by default; each costs work per request (the
      // deprecated-field one walks the whole document). Keep what the dashboards need.
      metrics: {
        // Labels are bounded: operation names only of executed operations, capped (OperationNames);
        // no error path label (aliases would make it unbounded).
        graphql_envelop_request_duration: createHistogram({
          registry: metrics.registry,
          histogram: {
            name: 'graphql_envelop_request_duration',
            help: 'Time spent on running the GraphQL operation from parse to execute',
            labelNames: ['operationName', 'operationType'],
          },
          fillLabelsFn: (params) => ({
            operationName: operationNames.admit(params.operationName, params.document),
            operationType: params.operationType ?? 'unknown',
          }),
        }),
        graphql_envelop_error_result: createCounter({
          registry: metrics.registry,
          counter: {
            name: 'graphql_envelop_error_result',
            help: 'Counts the amount of errors reported from all phases',
            labelNames: ['operationName', 'operationType', 'phase'],
          },
          fillLabelsFn: (params) => ({
            operationName: operationNames.label(params.operationName),
            operationType: params.operationType ?? 'unknown',
            phase: params.errorPhase ?? 'unknown',
          }),
        }),
        graphql_envelop_deprecated_field: false,
        graphql_envelop_request: false,
        graphql_envelop_request_time_summary: false,
        graphql_envelop_phase_parse: false,
        graphql_envelop_phase_validate: false,
        graphql_envelop_phase_context: false,
        graphql_envelop_phase_execute: false,
        graphql_envelop_phase_subscribe: false,
        graphql_envelop_schema_change: false,
        graphql_yoga_http_duration: false,
      },
    }),
  ];
  const documentCache = createDocumentCache({
    max: config.DOCUMENT_CACHE_MAX,
    maxBytes: config.DOCUMENT_CACHE_MAX_BYTES,
    isVerified: (context) => (context as GatewayContext).callerVerified(),
  });
  metrics.watchDocumentCache(documentCache);
  // @defer/@stream run on yoga's own executor (multipart/mixed); every other operation keeps the compiled path.
  plugins.push(
    ...useIncrementalDelivery(),
    useOutputOnlyEnums(),
    useQueryCost(config.MAX_COST),
    useDriftErrors(),
    ...documentCache.plugins,
  );
  const sessions = config.SESSION_COOKIES
    ? createSessionCookies({ name: config.SESSION_COOKIE_NAME, secure: config.SESSION_COOKIE_SECURE, path: GRAPHQL_ENDPOINT })
    : undefined;
  if (sessions) plugins.push(...sessions.plugins);
  if (!config.INTROSPECTION) plugins.push(useDisableIntrospection());
  if (config.DEBUG_UPSTREAM_HEADER) plugins.push(useDebugUpstream());
  if (upstreamSpans) plugins.push(useTracing());

  const contextDeps: ContextDeps = {
    upstream,
    tenantCache,
    deadlineMs: config.REQUEST_DEADLINE_MS,
    loadersEnabled: !config.DISABLE_LOADERS,
    maxPageSize: config.MAX_PAGE_SIZE,
    maxUpstreamCalls: config.MAX_UPSTREAM_CALLS_PER_REQUEST,
    onCall: (info) => {
      metrics.observeCall(info);
      // The client traces the REST calls it makes; a tenant-cache hit made none, so it is traced here.
      if (info.cached) upstreamSpans?.cacheHit(info);
    },
    onDrift: (events) => drift.record(events),
  };
  return createYoga<Record<string, never>, GatewayContext>({
    schema,
    graphqlEndpoint: GRAPHQL_ENDPOINT,
    healthCheckEndpoint: '/health',
    landingPage: false,
    batching: false,
    // A trusted document's id (plugins/trusted-documents.ts).
    extraParamNames: ['documentId'],
    // useDocumentCache is the one per-document cache: bounded, and filled only for verified callers.
    parserAndValidationCache: false,
    // useBodyLimit checks the declared length up front; yoga's own limit would pipe every body through a stream.
    maxRequestBodySize: false,
    logging: false,
    cors: config.CORS_ORIGINS.length > 0 ? { origin: config.CORS_ORIGINS, credentials: true } : false,
    // With cookie sessions, a request without Authorization is made with the cookie's token.
    context: ({ request }) =>
      sessions
        ? sessions
            .authorization(request)
            .then((authorization) => createContext(contextDeps, request, { authorization, session: sessions.session(request) }))
        : createContext(contextDeps, request, { authorization: request.headers.get('authorization') ?? undefined }),
    graphiql: config.GRAPHIQL ? graphiqlOptions(graphiqlExamples) : false,
    renderGraphiQL,
    plugins,
    maskedErrors: {
      isDev: config.NODE_ENV === 'development',
      // Upstream failures keep their meaning (code, status, logId); anything else is masked.
      maskError: (error, message, isDev) =>
        toGraphQLError(error, { upstreamServerMessages: config.NODE_ENV !== 'production' }) ??
        withoutOriginalError(defaultMaskError(error, message, isDev), isDev === true),
    },
  });
}
