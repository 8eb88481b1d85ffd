/**
 * Sending the kit's documents by id. Every generated document carries its id in the manifest
 * (`sha256:<hex>`, at `__meta__.hash`); a gateway with TRUSTED_DOCUMENTS=only runs a document
 * only when it is sent as `{ documentId, variables }`, never as text.
 */
import { Kind, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import type { RequestMiddleware } from 'graphql-request';
import * as generated from './gql/graphql.ts';

type KitDocument = DocumentNode & { __meta__?: { hash?: string } };

/** The document's id in client/persisted-documents.json. */
export function documentIdOf(document: DocumentNode): string {
  const id = (document as KitDocument).__meta__?.hash;
  if (!id) throw new Error('Not a client kit document (it has no embedded id): regenerate with npm run codegen');
  return id;
}

/** Each kit operation's id by the operation's name (codegen makes names unique). */
const idsByName = new Map<string, string>();
for (const value of Object.values(generated) as unknown[]) {
  const document = value as KitDocument;
  const operation = document.definitions?.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operation?.name && document.__meta__?.hash) idsByName.set(operation.name.value, document.__meta__.hash);
}

/**
 * graphql-request middleware: a kit operation goes out as `{ documentId, variables, operationName }`
 * instead of its text. Other documents, and GET requests (their text is in the URL), are left as they are.
 */
export const sendDocumentIds: RequestMiddleware = (request) => {
  const id = request.operationName === undefined ? undefined : idsByName.get(request.operationName);
  if (id === undefined || typeof request.body !== 'string') return request;
  const body = JSON.parse(request.body) as Record<string, unknown>;
  delete body.query;
  return { ...request, body: JSON.stringify({ ...body, documentId: id }) };
};
