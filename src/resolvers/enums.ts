import { componentSchema } from '../spec/openapi.ts';
import type { components } from '../spec/types.ts';

type Schemas = components['schemas'];

/** The value every REST-fed enum has for upstream values the gateway does not know yet (output only). */
export const UNKNOWN = 'UNKNOWN';

/**
 * A REST enum value as the graph shows it: a value the spec lists passes
 * through, anything else (the upstream is ahead of its docs) is UNKNOWN.
 * The known values are read from the spec, so the two cannot drift apart.
 */
function graphEnum<V extends string>(schemaName: string): (value: unknown) => V | typeof UNKNOWN {
  const known = new Set(componentSchema(schemaName).enum as string[]);
  return (value) => (typeof value === 'string' && known.has(value) ? (value as V) : UNKNOWN);
}

export const toAccountType = graphEnum<Schemas['TenantAccountTypeENUM']>('TenantAccountTypeENUM');
export const toTenantRole = graphEnum<Schemas['TenantRoleENUM']>('TenantRoleENUM');
export const toTenantUserStatus = graphEnum<Schemas['TenantUserStatusENUM']>('TenantUserStatusENUM');
export const toStoreRole = graphEnum<Schemas['StoreRoleENUM']>('StoreRoleENUM');
export const toExtensionCode = graphEnum<Schemas['ExtensionCodeENUM']>('ExtensionCodeENUM');
