/** What route handlers receive and return. */
import type { Principal } from './auth.ts';
import { notFound } from './errors.ts';
import type { Tenant, TenantUser } from './model.ts';
import type { SandboxStore } from './store.ts';
import type { BodyOf, OperationId, QueryOf } from '../spec/operations.ts';

export interface Ctx {
  store: SandboxStore;
  /** Undefined only for public operations (GET /account/invite). */
  principal?: Principal;
  params: Record<string, string>;
  /** Validated and type-coerced query parameters (read them with validQuery). */
  query: Record<string, unknown>;
  /** Validated declared header parameters (lower-case names). */
  headers: Record<string, string>;
  /** Validated JSON body, {} when the operation takes a body and none was sent (read it with validBody). */
  body: Record<string, unknown>;
}

/** The request body as the operation's schema types it: ajv has validated it before any handler runs. */
export function validBody<O extends OperationId>(ctx: Ctx): BodyOf<O> {
  return ctx.body as unknown as BodyOf<O>;
}

/** The query parameters as the operation's schema types them (validated and coerced by ajv). */
export function validQuery<O extends OperationId>(ctx: Ctx): QueryOf<O> {
  return ctx.query;
}

export interface TenantCtx extends Ctx {
  principal: Principal;
  tenant: Tenant;
  /** The caller's own tenant user in `tenant` (active, not blocked). */
  caller: TenantUser;
}

export interface Reply {
  status: number;
  /** Serialised JSON body. */
  json?: string;
  headers?: Record<string, string>;
}

export type Access = 'member' | 'admin';

export interface Handler {
  /** Set for /tenants/{tenantUid}/... operations: tenant lookup (404) and membership/role checks (403) run first. */
  access?: Access;
  run(ctx: Ctx): Reply;
}

export const handler = (run: (ctx: Ctx) => Reply): Handler => ({ run });
export const tenantHandler = (access: Access, run: (ctx: TenantCtx) => Reply): Handler => ({
  access,
  run: (ctx) => run(ctx as TenantCtx),
});

export const ok = (json: string, headers?: Record<string, string>): Reply => ({ status: 200, json, headers });
export const noContent = (): Reply => ({ status: 204 });

/** The tenant user named by the {tenantUserUid} path parameter, or 404. */
export function pathUser(ctx: TenantCtx): TenantUser {
  const user = ctx.tenant.users.get(ctx.params.tenantUserUid);
  if (!user) throw notFound(`Tenant user ${ctx.params.tenantUserUid} not found in tenant ${ctx.tenant.data.tenantUid}`);
  return user;
}
