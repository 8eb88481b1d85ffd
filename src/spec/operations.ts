import { child, children, deref, spec, text, type SpecNode } from './openapi.ts';
import type { operations } from './types.ts';

export type OperationId = keyof operations;
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
/** The spec's security schemes, by the kind of token each one names. */
export type TokenKind = 'access' | 'auth' | 'integration' | 'device';

export interface SpecParam {
  /** Header names in lower case, as node:http gives them. */
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: SpecNode;
}

/** One REST operation as the spec declares it. */
export interface SpecOperation {
  operationId: OperationId;
  method: HttpMethod;
  /** Path template, e.g. /tenants/{tenantUid}. */
  path: string;
  /** Accepted token kinds; null = public (no bearer token). */
  security: ReadonlySet<TokenKind> | null;
  /** The permissions the docs say the caller needs ("Required permissions: X" in the description); often none. */
  requiredPermissions: string[];
  params: SpecParam[];
  /** Schema of the JSON request body, if the operation takes one. */
  requestBody?: SpecNode;
  /** Schema of the 200 JSON answer, if the operation has one. */
  response?: SpecNode;
}

const SCHEME_KIND: Record<string, TokenKind> = {
  accessToken: 'access',
  authToken: 'auth',
  integrationToken: 'integration',
  deviceToken: 'device',
};
const METHODS: HttpMethod[] = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'];

const jsonSchema = (node: SpecNode | undefined) => deref(child(child(child(deref(node), 'content'), 'application/json'), 'schema'));

function requiredPermissions(description: string | undefined): string[] {
  const listed = /Required permissions?:\s*([A-Z_]+(?:\s*,\s*[A-Z_]+)*)/.exec(description ?? '')?.[1];
  return listed ? listed.split(',').map((name) => name.trim()) : [];
}

function buildOperations(): Record<OperationId, SpecOperation> {
  const table: Partial<Record<OperationId, SpecOperation>> = {};
  const defaultSecurity = children(spec, 'security');
  for (const [path, value] of Object.entries(child(spec, 'paths') ?? {})) {
    const item = value as SpecNode;
    const shared = children(item, 'parameters').map((p) => deref(p)!);
    for (const method of METHODS) {
      const op = child(item, method.toLowerCase());
      if (!op) continue;
      const byKey = new Map<string, SpecNode>();
      for (const p of [...shared, ...children(op, 'parameters').map((q) => deref(q)!)]) byKey.set(`${text(p, 'in')}:${text(p, 'name')}`, p);
      const params = [...byKey.values()].map((p): SpecParam => {
        const where = text(p, 'in') as SpecParam['in'];
        const name = text(p, 'name') ?? '';
        return {
          name: where === 'header' ? name.toLowerCase() : name,
          in: where,
          required: where === 'path' || p.required === true,
          schema: child(p, 'schema') ?? {},
        };
      });
      const requirements = op.security === undefined ? defaultSecurity : children(op, 'security');
      const kinds = requirements.flatMap((requirement) =>
        Object.keys(requirement).flatMap((scheme) => (SCHEME_KIND[scheme] ? [SCHEME_KIND[scheme]] : [])),
      );
      const operationId = text(op, 'operationId') as OperationId;
      table[operationId] = {
        operationId,
        method,
        path,
        security: kinds.length > 0 ? new Set(kinds) : null,
        requiredPermissions: requiredPermissions(text(op, 'description')),
        params,
        requestBody: jsonSchema(child(op, 'requestBody')),
        response: jsonSchema(child(child(op, 'responses'), '200')),
      };
    }
  }
  return table as Record<OperationId, SpecOperation>;
}

/** Every operation of the spec, by operationId: the one table the client and the sandbox are driven by. */
export const OPERATIONS: Readonly<Record<OperationId, SpecOperation>> = buildOperations();

type JsonContent<R> = R extends { content: { 'application/json': infer B } } ? B : undefined;

/** The parsed 2xx body of an operation (undefined for 204 No Content). */
export type ResponseOf<O extends OperationId> = operations[O]['responses'] extends { 200: infer R } ? JsonContent<R> : undefined;
/** The JSON request body of an operation. */
export type BodyOf<O extends OperationId> = operations[O] extends { requestBody?: infer B } ? JsonContent<NonNullable<B>> : never;
/** The query parameters of an operation. */
export type QueryOf<O extends OperationId> = NonNullable<operations[O]['parameters']['query']>;
