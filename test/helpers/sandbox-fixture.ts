import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/server.ts';
import { call, type ApiResponse, type CallOptions } from './sandbox-client.ts';

export interface SandboxFixture {
  /** The file's sandbox (usable inside tests and hooks, once beforeAll has started it). */
  sb: Sandbox;
  /** Calls its REST API under /v2. */
  api: (method: string, path: string, opts?: CallOptions) => Promise<ApiResponse>;
  /** Calls its test hooks under /__sandbox. */
  ctl: (method: string, path: string, body?: unknown) => Promise<ApiResponse>;
}

/**
 * One sandbox per test file on loopback port 0, closed after the file and (unless
 * `resetEachTest` is false) reseeded before each test; `defaults` go into every `api` call.
 */
export function useSandbox(options: { resetEachTest?: boolean; defaults?: CallOptions } = {}): SandboxFixture {
  let started: Sandbox | undefined;
  const current = () => {
    if (!started) throw new Error('The sandbox starts in beforeAll: use it inside tests and hooks');
    return started;
  };
  beforeAll(async () => {
    started = await startSandbox({ port: 0 });
  });
  afterAll(() => started?.close());
  if (options.resetEachTest !== false) beforeEach(() => current().reset());
  // The file reads `sb` at load time, before the sandbox exists: every member is looked up when used.
  const sb: Sandbox = {
    get url() {
      return current().url;
    },
    get port() {
      return current().port;
    },
    get counters() {
      return current().counters;
    },
    get faults() {
      return current().faults;
    },
    reset: () => current().reset(),
    close: () => current().close(),
    traceparents: () => current().traceparents(),
    revokeToken: (token) => current().revokeToken(token),
  };
  return {
    sb,
    api: (method, path, opts) => call(sb.url, method, path, { ...options.defaults, ...opts }),
    ctl: (method, path, body) => call(sb.url.replace(/\/v2$/, ''), method, `/__sandbox${path}`, { body }),
  };
}
