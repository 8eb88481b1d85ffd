import type { GatewayContext } from '../context.ts';
import { putTenantsDetails } from '../upstream/tenants.ts';
import type { RestCustomerRequiredField, RestSortDirection, RestTenant, RestTenantUpdate } from '../spec/schemas.ts';
import { nullIfNotFound } from './errors.ts';
import { definedOnly, type GraphQLInputOf } from './mapping.ts';
import { pageQuery, toPage, type Page, type PageArgs } from './paging.ts';

/** The graph's CustomerRequiredField values (REST spells them in lower camel case). */
export type CustomerRequiredField = 'EMAIL' | 'MOBILE' | 'VAT_NUMBER' | 'POSTAL_CODE' | 'CITY' | 'ADDRESS';

const TO_GRAPH_FIELD: Record<RestCustomerRequiredField, CustomerRequiredField> = {
  email: 'EMAIL',
  mobile: 'MOBILE',
  vatNumber: 'VAT_NUMBER',
  postalCode: 'POSTAL_CODE',
  city: 'CITY',
  address: 'ADDRESS',
};

const TO_REST_FIELD = Object.fromEntries(
  Object.entries(TO_GRAPH_FIELD).map(([rest, graph]) => [graph, rest]),
) as Record<CustomerRequiredField, RestCustomerRequiredField>;

/**
 * REST `email` -> `EMAIL` etc. A value we do not know is passed through
 * unchanged so that GraphQL reports a field error for it instead of us
 * silently dropping it.
 */
export function toGraphCustomerField(field: RestCustomerRequiredField): CustomerRequiredField {
  return TO_GRAPH_FIELD[field] ?? (field as unknown as CustomerRequiredField);
}

/** `EMAIL` -> REST `email` etc. */
export function toRestCustomerField(field: CustomerRequiredField): RestCustomerRequiredField {
  return TO_REST_FIELD[field];
}

/** UpdateTenantInput as GraphQL hands it to the resolver: REST's fields, customer fields in the graph's spelling. */
export type UpdateTenantInput = GraphQLInputOf<Omit<RestTenantUpdate, 'requiredCustomerFields'>> & {
  requiredCustomerFields?: CustomerRequiredField[] | null;
};

/** The PUT /tenants/{tenantUid} body: only the fields the client set, customer fields in REST spelling. */
export function toRestTenantUpdate(input: UpdateTenantInput): RestTenantUpdate {
  const { requiredCustomerFields, ...rest } = input;
  const body: RestTenantUpdate = definedOnly(rest);
  if (requiredCustomerFields) body.requiredCustomerFields = requiredCustomerFields.map(toRestCustomerField);
  return body;
}

export interface TenantsArgs extends PageArgs {
  sortBy?: string | null;
  sortDirection?: RestSortDirection | null;
}

/** Query.tenants: GET /tenants; the listed tenants are primed into the loader and the shared cache. */
export async function tenants(ctx: GatewayContext, args: TenantsArgs): Promise<Page<RestTenant>> {
  ctx.client();
  const list = await ctx.loaders.listTenants({
    ...pageQuery(args, ctx.maxPageSize),
    ...definedOnly({ sortBy: args.sortBy, sortDirection: args.sortDirection }),
  });
  return toPage(list);
}

/** Query.tenant: the tenant details loader (shared cache aware); null when the upstream says 404. */
export function tenant(ctx: GatewayContext, args: { tenantUid: string }): Promise<RestTenant | null> {
  ctx.client(); // UNAUTHENTICATED before anything else, cache included
  return nullIfNotFound(ctx.loaders.tenantById.load(args.tenantUid));
}

/** Mutation.updateTenant: PUT, then the shared cache forgets the tenant and this request sees the answer. */
export async function updateTenant(
  ctx: GatewayContext,
  args: { tenantUid: string; input: UpdateTenantInput },
): Promise<RestTenant> {
  const updated = await putTenantsDetails(ctx.client(), args.tenantUid, toRestTenantUpdate(args.input));
  ctx.tenantCache?.drop(args.tenantUid);
  ctx.loaders.tenantById.clear(args.tenantUid).prime(args.tenantUid, updated);
  return updated;
}
