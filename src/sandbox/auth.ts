/**
 * Bearer token -> principal, and principal -> membership in a tenant.
 *
 * - access / auth tokens act as an account (all tenants it has a tenant user in);
 * - integration tokens act as exactly one tenant user, in that tenant only;
 * - device tokens are tied to a tenant and only accepted where the spec says deviceToken (login).
 */
import type { IncomingMessage } from 'node:http';
import { forbidden, unauthorized } from './errors.ts';
import type { Account, Tenant, TenantUser, TokenRecord } from './model.ts';
import type { OperationSpec, TokenKind } from './spec.ts';
import type { SandboxStore } from './store.ts';

export interface Principal {
  token: string;
  record: TokenRecord;
}

const KIND_LABEL: Record<TokenKind, string> = { access: 'an access', auth: 'an auth', integration: 'an integration', device: 'a device' };

/** 401 unless the request carries a known bearer token of a kind the operation accepts. */
export function authenticate(store: SandboxStore, op: OperationSpec, req: IncomingMessage): Principal | undefined {
  if (!op.security) return undefined;
  const header = req.headers.authorization;
  if (!header) throw unauthorized('Missing bearer token (Authorization: Bearer <token>)');
  const space = header.indexOf(' ');
  const scheme = space < 0 ? header : header.slice(0, space);
  const token = space < 0 ? '' : header.slice(space + 1).trim();
  if (scheme.toLowerCase() !== 'bearer' || !token) throw unauthorized('Authorization header must be "Bearer <token>"');
  const record = store.token(token);
  if (!record) throw unauthorized('Unknown, revoked or expired token');
  if (!op.security.has(record.kind)) throw unauthorized(`${op.operationId} does not accept ${KIND_LABEL[record.kind]} token`);
  return { token, record };
}

/** The caller's tenant user in a tenant (regardless of status / role), if any. */
export function membership(store: SandboxStore, principal: Principal, tenant: Tenant): TenantUser | undefined {
  const r = principal.record;
  const tenantUid = tenant.data.tenantUid;
  if (r.kind === 'integration') return r.tenantUid === tenantUid ? tenant.users.get(r.tenantUserUid) : undefined;
  if (r.kind === 'device') return undefined;
  const userUid = store.account(r.accountUid)?.tenantUsers.get(tenantUid);
  return userUid === undefined ? undefined : tenant.users.get(userUid);
}

export function isActiveMember(user: TenantUser | undefined): boolean {
  return !!user && user.status === 'ACTIVE' && user.tenantRole !== 'BLOCKED';
}

/** 403 unless the caller is an active (non-blocked) member, and an ADMIN when required. */
export function authorize(store: SandboxStore, principal: Principal, tenant: Tenant, admin: boolean): TenantUser {
  const user = membership(store, principal, tenant);
  const tenantUid = tenant.data.tenantUid;
  if (!user) throw forbidden(`Caller is not a member of tenant ${tenantUid}`);
  if (user.tenantRole === 'BLOCKED') throw forbidden(`Caller is blocked in tenant ${tenantUid}`);
  if (user.status !== 'ACTIVE') throw forbidden(`Caller's tenant user in ${tenantUid} is ${user.status}`);
  if (admin && user.tenantRole !== 'ADMIN')
    throw forbidden(`tenantRole ADMIN required in tenant ${tenantUid} (caller has ${user.tenantRole})`);
  return user;
}

/** The account behind an access/auth token (integration and device tokens have none). */
export function principalAccount(store: SandboxStore, principal: Principal): Account | undefined {
  const r = principal.record;
  return r.kind === 'access' || r.kind === 'auth' ? store.account(r.accountUid) : undefined;
}

/** Tenant users the caller acts as: all of the account's, or the integration token's single user. */
export function principalUsers(store: SandboxStore, principal: Principal): TenantUser[] {
  const r = principal.record;
  if (r.kind === 'integration') {
    const user = store.tenant(r.tenantUid)?.users.get(r.tenantUserUid);
    return user ? [user] : [];
  }
  const account = principalAccount(store, principal);
  return account ? store.accountUsers(account) : [];
}
