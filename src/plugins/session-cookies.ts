import { useCookies } from '@whatwg-node/server-plugin-cookies';
import type { Plugin } from 'graphql-yoga';

export interface SessionCookieOptions {
  name: string;
  /** Sent only over HTTPS (on by default in production). */
  secure: boolean;
  /** The GraphQL endpoint: the only path the browser sends the cookie to. */
  path: string;
}

/** What a resolver may do with the caller's cookie session (GatewayContext.session). */
export interface Session {
  /** Keeps an issued access token in the session cookie. */
  start(accessToken: string): Promise<void>;
  /** Clears the session cookie. */
  end(): Promise<void>;
}

/**
 * Cookie sessions, for a browser frontend that should never hold the access token: login and the
 * auth-token exchange put the issued token in an HttpOnly, SameSite=Strict cookie scoped to the
 * GraphQL endpoint, and a request without an Authorization header is made with it. Reading and
 * writing cookies is @whatwg-node/server-plugin-cookies' (yoga's cookie plugin).
 */
export function createSessionCookies(options: SessionCookieOptions) {
  const cookie = { name: options.name, path: options.path, secure: options.secure, httpOnly: true, sameSite: 'strict' } as const;
  const store = (request: Request) => {
    if (!request.cookieStore) throw new Error('session cookies need the cookies plugin');
    return request.cookieStore;
  };
  return {
    plugins: [useCookies() as Plugin],
    /** The request's credential: its Authorization header, else the session cookie's token as a bearer. */
    async authorization(request: Request): Promise<string | undefined> {
      const header = request.headers.get('authorization');
      if (header !== null) return header;
      const token = (await store(request).get(options.name))?.value;
      return token ? `Bearer ${token}` : undefined;
    },
    session(request: Request): Session {
      return {
        start: (accessToken) => store(request).set({ ...cookie, value: accessToken, expires: null, domain: null }),
        end: () => store(request).delete(cookie),
      };
    },
  };
}
