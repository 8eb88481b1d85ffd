import type { GatewayContext } from '../context.ts';
import type { RestCustomerRequiredField, RestTenant, RestTenantUpdate } from '../spec/schemas.ts';
import { nullIfNotFound } from './errors.ts';
import { definedOnly, knownOnly, type GraphQLInputOf } from './mapping.ts';
import { UNKNOWN } from './enums.ts';
import { pageQuery, sortQuery, type Page, type PageArgs, type SortArgs } from './paging.ts';
import { offsetConnection, type Connection, type ConnectionArgs } from './connection.ts';

/** The graph's CustomerRequiredField values (REST spells them in lower camel case). */
export type CustomerRequiredField = 'EMAIL' | 'MOBILE' | 'VAT_NUMBER' | 'POSTAL_CODE' | 'CITY' | 'ADDRESS';

const TO_GRAPH_FIELD: Readonly<Record<string, CustomerRequiredField>> = {
  email: 'EMAIL',
  mobile: 'MOBILE',
  vatNumber: 'VAT_NUMBER',
  postalCode: 'POSTAL_CODE',
  city: 'CITY',
  address: 'ADDRESS',
};

const TO_REST_FIELD = Object.fromEntries(Object.entries(TO_GRAPH_FIELD).map(([rest, graph]) => [graph, rest])) as Record<
  CustomerRequiredField,
  RestCustomerRequiredField
>;

/** REST `email` -> `EMAIL` etc.; a value the gateway does not know is UNKNOWN (the raw list keeps it). */
export function toGraphCustomerField(field: string): CustomerRequiredField | typeof UNKNOWN {
  return Object.hasOwn(TO_GRAPH_FIELD, field) ? TO_GRAPH_FIELD[field] : UNKNOWN;
}

/** `EMAIL` -> REST `email` etc. */
export function toRestCustomerField(field: CustomerRequiredField): RestCustomerRequiredField {
  return TO_REST_FIELD[field];
}

/** UpdateTenantInput as GraphQL hands it to the resolver: REST's fields, customer fields in the graph's spelling. */
export type UpdateTenantInput = GraphQLInputOf<
  Omit<RestTenantUpdate, 'requiredCustomerFields'> & { requiredCustomerFields?: CustomerRequiredField[] }
>;

/** The PUT /tenants/{tenantUid} body: only the fields the client set, customer fields in REST spelling. */
export function toRestTenantUpdate(input: UpdateTenantInput): RestTenantUpdate {
  const { requiredCustomerFields, ...rest } = knownOnly(input);
  const body: RestTenantUpdate = definedOnly(rest);
  if (requiredCustomerFields) body.requiredCustomerFields = requiredCustomerFields.map(toRestCustomerField);
  return body;
}

/** Query.tenants: GET /tenants; the listed tenants are then served from the loader and the shared cache. */
export function tenants(ctx: GatewayContext, args: SortArgs & PageArgs): Promise<Page<RestTenant>> {
  return ctx.api.tenants({ ...pageQuery(args, ctx.maxPageSize), ...sortQuery(args) });
}

/** Query.tenantsConnection: the same list as a Relay connection. */
export function tenantsConnection(ctx: GatewayContext, args: SortArgs & ConnectionArgs): Promise<Connection<RestTenant>> {
  return offsetConnection(args, ctx.maxPageSize, (page) => ctx.api.tenants({ ...page, ...sortQuery(args) }));
}

/** Query.tenant: the tenant's details (shared cache aware); null when the upstream says 404. */
export function tenant(ctx: GatewayContext, args: { tenantUid: string }): Promise<RestTenant | null> {
  return nullIfNotFound(ctx.api.tenant(args.tenantUid));
}

/** Mutation.updateTenant: PUT; every copy of the tenant is then forgotten. */
export function updateTenant(ctx: GatewayContext, args: { tenantUid: string; input: UpdateTenantInput }): Promise<RestTenant> {
  return ctx.api.updateTenant(args.tenantUid, toRestTenantUpdate(args.input));
}
