import type { GatewayContext } from '../context.ts';
import { isStandIn } from '../upstream/conformance.ts';
import { UpstreamError } from '../upstream/errors.ts';
import type { RestPermissions } from '../spec/schemas.ts';
import { hasPermissions, type AnyTenantUser } from './tenant-user.ts';

/** What a UI may offer a tenant user, and what it was worked out from. */
export interface Capabilities {
  canManageUsers: boolean;
  canManageTokens: boolean;
  canEditTenant: boolean;
  derivedFrom: 'PERMISSIONS' | 'ROLE';
}

/** The tenant-wide permission each capability stands for: the one the REST docs name for those operations. */
const PERMISSION = { canManageUsers: 'TENANT_USER', canManageTokens: 'USER_TOKEN', canEditTenant: 'TENANT' } as const;

/**
 * TenantUser.capabilities. A user who is not ACTIVE, or is BLOCKED, may do none of it. Otherwise the
 * tenant-wide permissions decide (from the REST object, or the user's details when it lacks them);
 * when those cannot be read (the caller may not read them, or the upstream sent none), the role does:
 * ADMIN may do all three ("full access to tenant and can add users"), any other role none.
 */
export async function capabilities(user: AnyTenantUser, _args: unknown, ctx: GatewayContext): Promise<Capabilities> {
  if (user.status !== 'ACTIVE' || user.tenantRole === 'BLOCKED') return fromRole(false);
  const permissions = await readablePermissions(user, ctx);
  if (!permissions) return fromRole(user.tenantRole === 'ADMIN');
  const has = (name: string) => permissions.tenant.includes(name);
  return {
    canManageUsers: has(PERMISSION.canManageUsers),
    canManageTokens: has(PERMISSION.canManageTokens),
    canEditTenant: has(PERMISSION.canEditTenant),
    derivedFrom: 'PERMISSIONS',
  };
}

function fromRole(allowed: boolean): Capabilities {
  return { canManageUsers: allowed, canManageTokens: allowed, canEditTenant: allowed, derivedFrom: 'ROLE' };
}

/** The user's permissions, or undefined when the caller may not read them or the upstream sent none usable. */
async function readablePermissions(user: AnyTenantUser, ctx: GatewayContext): Promise<RestPermissions | undefined> {
  if (hasPermissions(user)) return user.permissions;
  try {
    const full = await ctx.api.for(user).user(user.tenantUid, user.tenantUserUid);
    return isStandIn(full, 'permissions') ? undefined : full.permissions;
  } catch (error) {
    // Not allowed to read them (or gone): the role decides. Anything else (the upstream down) is an error.
    if (error instanceof UpstreamError && (error.kind === 'unauthenticated' || [401, 403, 404].includes(error.status ?? 0)))
      return undefined;
    throw error;
  }
}
