/** RFC 6750's `b64token`: the only characters a bearer token may have (the scheme name is case-insensitive). */
const BEARER = /^bearer +([A-Za-z0-9\-._~+/]+=*)$/i;

/** What the caller's `Authorization` header amounts to, decided before anything is sent upstream. */
export type Credential =
  | { kind: 'none' }
  | { kind: 'bearer'; authorization: string }
  /** Present but unusable: another scheme, an empty token, characters a token cannot have. */
  | { kind: 'invalid'; reason: string };

export function parseAuthorization(header: string | null | undefined): Credential {
  if (header === null || header === undefined) return { kind: 'none' };
  const match = BEARER.exec(header.trim());
  if (match) return { kind: 'bearer', authorization: `Bearer ${match[1]}` };
  const reason = /^bearer\s*$/i.test(header.trim())
    ? 'the bearer token is empty'
    : /^bearer /i.test(header.trim())
      ? 'the bearer token has characters a token cannot have'
      : 'only the Bearer scheme is accepted';
  return { kind: 'invalid', reason };
}
