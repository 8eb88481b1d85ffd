import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Kind, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';

/**
 * - `off`: any document runs; ids from the manifest work too (when it is there).
 * - `allow`: the same, and the manifest must be there and valid.
 * - `only`: only the manifest's documents run; a document sent as text is refused.
 */
export type TrustedDocumentsMode = 'off' | 'allow' | 'only';

/** Trusted documents by id (`sha256:<hex>`), parsed and validated once. */
export type TrustedDocuments = ReadonlyMap<string, DocumentNode>;

const ID = /^sha256:[0-9a-f]{64}$/;
const HEX = /^[0-9a-f]{64}$/;

/**
 * Reads the persisted-documents manifest (`{ "sha256:<hex>": "<document>" }`, written by the
 * client kit's `npm run codegen`) and checks every entry: the id is the SHA-256 of the text
 * (so no entry can run another document than its id names), the text parses, holds one
 * operation and validates against the schema. Any failure throws, naming the entry.
 */
export function loadTrustedDocuments(path: string, schema: GraphQLSchema): TrustedDocuments {
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read the manifest ${path}: ${(error as Error).message}`);
  }
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest))
    throw new Error(`the manifest ${path} is not a JSON object of document id → document`);
  const documents = new Map<string, DocumentNode>();
  for (const [id, text] of Object.entries(manifest as Record<string, unknown>)) {
    const problem = (what: string) => new Error(`the manifest ${path}: entry ${id} ${what}`);
    if (!ID.test(id) || typeof text !== 'string') throw problem('is not "sha256:<64 hex digits>": "<document>"');
    if (`sha256:${createHash('sha256').update(text).digest('hex')}` !== id) throw problem('is not the SHA-256 of its document');
    let document: DocumentNode;
    try {
      document = parse(text);
    } catch (error) {
      throw problem(`does not parse: ${(error as Error).message}`);
    }
    if (document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION).length !== 1)
      throw problem('does not hold exactly one operation');
    const errors = validate(schema, document);
    if (errors.length > 0) throw problem(`does not validate against the schema: ${errors.map((error) => error.message).join('; ')}`);
    documents.set(id, document);
  }
  return documents;
}

/** The manifest's form of an id: documentId is `sha256:<hex>`, an APQ hash is the bare hex. */
function canonicalId(id: unknown): string | null {
  if (typeof id !== 'string') return null;
  return HEX.test(id) ? `sha256:${id}` : id;
}

const refusal = (message: string, code: string) => ({ message, extensions: { code, http: { status: 400 } } });

/**
 * Trusted documents (@graphql-yoga/plugin-persisted-operations): a request names a manifest
 * document by `documentId` (body, or the query string of a GET) or by the APQ-style
 * `extensions.persistedQuery.sha256Hash`; the pre-parsed document then runs like any other
 * (limits, cost, the document cache). Refusals are HTTP 400 before any upstream call.
 */
export function useTrustedDocuments(mode: TrustedDocumentsMode, documents: TrustedDocuments): Plugin {
  const only = mode === 'only';
  return usePersistedOperations({
    allowArbitraryOperations: !only,
    extractPersistedOperationId: (params, request) => {
      const apq = (params.extensions as { persistedQuery?: { version?: unknown; sha256Hash?: unknown } } | undefined)?.persistedQuery;
      if (apq?.version === 1 && typeof apq.sha256Hash === 'string') return canonicalId(apq.sha256Hash);
      // yoga's GET parser keeps only the standard parameters: documentId is read from the URL itself.
      const id = (params as { documentId?: unknown }).documentId ?? new URL(request.url).searchParams.get('documentId');
      return canonicalId(id);
    },
    getPersistedOperation: (id) => documents.get(id) ?? null,
    customErrors: {
      notFound: refusal(
        'Unknown document id: this gateway has no trusted document with that id (the manifest comes from the client kit, npm run codegen).',
        'PERSISTED_QUERY_NOT_FOUND',
      ),
      persistedQueryOnly: refusal(
        "This gateway runs only the client kit's trusted documents (TRUSTED_DOCUMENTS=only): send the document's id as documentId, not its text.",
        'PERSISTED_QUERY_ONLY',
      ),
      keyNotFound: refusal(
        only
          ? "No document id: this gateway runs only the client kit's trusted documents; send the document's id as documentId."
          : 'No document: send a GraphQL document as query, or a trusted document id as documentId.',
        'PERSISTED_QUERY_ID_REQUIRED',
      ),
    },
  });
}
