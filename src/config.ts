import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');
const int = (min: number) => z.coerce.number().int().min(min);
// RFC 9110's `token`: what a header or cookie name may be made of.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const list = z.string().transform((value) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean),
);

/** Every setting the gateway reads from the environment, with its default. The README's table mirrors it. */
const schema = z.object({
  PORT: int(0).max(65535).default(4000),
  HOST: z.string().min(1).default('0.0.0.0'),
  FLOW_API_URL: z.url({ protocol: /^https?$/ }).optional(),
  // Unset: production behaviour on a real upstream, development on the embedded sandbox (see loadConfig).
  NODE_ENV: z.enum(['development', 'production', 'test']).optional(),
  WEB_CONCURRENCY: int(1).max(64).default(1),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Upstream
  UPSTREAM_TIMEOUT_MS: int(1).default(10_000),
  UPSTREAM_CONNECTIONS: int(1).default(64),
  // The largest legitimate page (MAX_PAGE_SIZE users with permissions) is well under 1 MB.
  MAX_UPSTREAM_BODY_BYTES: int(1).default(10_000_000),
  UPSTREAM_RETRIES: int(0).max(5).default(2),
  REQUEST_DEADLINE_MS: int(1).default(25_000),
  CIRCUIT_ERROR_PERCENT: int(1).max(100).default(50),
  CIRCUIT_VOLUME_THRESHOLD: int(1).default(10),
  CIRCUIT_RESET_MS: int(1).default(5_000),
  // Where POST /tenants/{tenantUid}/account puts the access token it issues (the spec has no body field for it).
  UPSTREAM_ACCESS_TOKEN_HEADER: z.string().regex(TOKEN).default('x-access-token'),
  TENANT_CACHE_TTL_MS: int(0).default(60_000),
  TENANT_CACHE_MAX: int(1).default(1_000),
  // The shared cache tier for replicas; unset = each process keeps its own cache only.
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  // Longest wait for Redis before a request goes on without it.
  REDIS_TIMEOUT_MS: int(1).default(50),
  // Key for the HMAC of bearer tokens in shared cache keys (without it: a plain SHA-256).
  CACHE_KEY_SECRET: z.string().min(16).optional(),
  // OpenTelemetry, by the SDK's standard variables: tracing is off unless an endpoint is set.
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  OTEL_EXPORTER_OTLP_PROTOCOL: z.enum(['http/protobuf', 'http/json']).default('http/protobuf'),
  OTEL_SERVICE_NAME: z.string().min(1).optional(),
  OTEL_BSP_SCHEDULE_DELAY: int(0).default(5_000),
  OTEL_SDK_DISABLED: bool.default(false),
  // Client-facing limits and switches
  MAX_DEPTH: int(1).default(10),
  MAX_ALIASES: int(0).default(15),
  MAX_TOKENS: int(1).default(2_000),
  // Upstream calls one operation may make, counted before it runs (each list's pageSize multiplies what is below it).
  MAX_COST: int(1).default(500),
  MAX_DIRECTIVES: int(0).default(20),
  MAX_BODY_BYTES: int(1).default(100_000),
  MAX_PAGE_SIZE: int(1).default(200),
  MAX_UPSTREAM_CALLS_PER_REQUEST: int(1).default(100),
  MAX_IN_FLIGHT: int(1).default(256),
  DOCUMENT_CACHE_MAX: int(1).default(500),
  DOCUMENT_CACHE_MAX_BYTES: int(1).default(32 * 1024 * 1024),
  METRICS_MAX_OPERATION_NAMES: int(0).default(100),
  READY_CACHE_MS: int(0).default(2_000),
  CORS_ORIGINS: list.default([]),
  // Cookie sessions for browser frontends: login keeps the access token in an HttpOnly cookie.
  SESSION_COOKIES: bool.default(false),
  SESSION_COOKIE_NAME: z.string().regex(TOKEN).default('flow_session'),
  // Unset: Secure in production only (browsers treat http://localhost as secure anyway).
  SESSION_COOKIE_SECURE: bool.optional(),
  GRAPHIQL: bool.optional(),
  INTROSPECTION: bool.optional(),
  DEBUG_UPSTREAM_HEADER: bool.optional(),
  SHUTDOWN_TIMEOUT_MS: int(0).default(10_000),
  // Trusted documents: off = any document; allow = manifest ids and any document; only = manifest ids only.
  TRUSTED_DOCUMENTS: z.enum(['off', 'allow', 'only']).default('off'),
  // The client kit's persisted-documents manifest (npm run codegen), relative to the working directory.
  TRUSTED_DOCUMENTS_MANIFEST: z.string().min(1).default('client/persisted-documents.json'),
  // Benchmark baseline only: turns loaders and the tenant cache off.
  DISABLE_LOADERS: bool.default(false),
});

/** Every variable the gateway reads (the benchmark keeps them from leaking into its children). */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(schema.shape);

type Parsed = z.infer<typeof schema>;
export type Config = Omit<Parsed, 'NODE_ENV' | 'GRAPHIQL' | 'INTROSPECTION' | 'DEBUG_UPSTREAM_HEADER' | 'SESSION_COOKIE_SECURE'> & {
  NODE_ENV: NonNullable<Parsed['NODE_ENV']>;
  GRAPHIQL: boolean;
  INTROSPECTION: boolean;
  DEBUG_UPSTREAM_HEADER: boolean;
  SESSION_COOKIE_SECURE: boolean;
};

export class ConfigError extends Error {}

/** Parses the environment once; a bad value fails start-up with a message naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable means "not set", as in most shells' `VAR= cmd`.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const result = schema.safeParse(present);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const config = result.data;
  // Why production by default: stack traces and explorer aids must be asked for. The embedded
  // sandbox is a local demo, so it keeps the development behaviour.
  const mode = config.NODE_ENV ?? (config.FLOW_API_URL ? 'production' : 'development');
  const development = mode !== 'production';
  return {
    ...config,
    NODE_ENV: mode,
    // Production turns the explorer aids off unless asked for.
    GRAPHIQL: config.GRAPHIQL ?? development,
    INTROSPECTION: config.INTROSPECTION ?? development,
    DEBUG_UPSTREAM_HEADER: config.DEBUG_UPSTREAM_HEADER ?? development,
    SESSION_COOKIE_SECURE: config.SESSION_COOKIE_SECURE ?? !development,
  };
}
