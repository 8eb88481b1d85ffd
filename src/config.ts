import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');
const int = (min: number) => z.coerce.number().int().min(min);

/** Every setting the gateway reads from the environment, with its default. The README's table mirrors it. */
const schema = z.object({
  PORT: int(0).max(65535).default(4000),
  HOST: z.string().min(1).default('0.0.0.0'),
  FLOW_API_URL: z.url({ protocol: /^https?$/ }).optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  UPSTREAM_TIMEOUT_MS: int(1).default(10_000),
  UPSTREAM_CONNECTIONS: int(1).default(64),
  TENANT_CACHE_TTL_MS: int(0).default(60_000),
  TENANT_CACHE_MAX: int(1).default(1_000),
  GRAPHIQL: bool.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof schema> & { GRAPHIQL: boolean };

export class ConfigError extends Error {}

/** Parses the environment once; a bad value fails start-up with a message naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = schema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const config = result.data;
  return { ...config, GRAPHIQL: config.GRAPHIQL ?? config.NODE_ENV !== 'production' };
}
