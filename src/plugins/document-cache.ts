import type { DocumentNode, ExecutionArgs, ExecutionResult, Source } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { createGraphQLError, makeExecute, type Plugin } from 'graphql-yoga';
import { LRUCache } from 'lru-cache';
import { deliversIncrementally } from './incremental-delivery.ts';

export interface DocumentCacheOptions {
  /** Most documents kept. */
  max: number;
  /** Estimated bytes the kept documents may take (parsed AST plus compiled code). */
  maxBytes: number;
  /** Whether the upstream accepted this request's credential (read after execution). */
  isVerified(context: unknown): boolean;
}

/** One document's parse, validation and compilation, done once and reused. */
interface Entry {
  document: DocumentNode;
  /** Compiled per operation name ('' for an anonymous operation). */
  compiled: Map<string, CompiledQuery>;
  bytes: number;
}

// Measured on the bench documents: a compiled operation retains ~2.4-2.7 bytes of heap per byte of
// generated code, and an AST ~10 bytes per byte of source. Rounded up so the budget errs on the safe side.
const BYTES_PER_CODE_BYTE = 3;
const BYTES_PER_SOURCE_BYTE = 10;

/**
 * The only per-document cache of the gateway (yoga's own parse/validation
 * cache is off): parsed, validated and graphql-jit-compiled operations, in an
 * LRU bounded by count and by estimated bytes. Two rules keep it from being a
 * way to exhaust memory:
 * - it is bounded, so no stream of distinct documents can grow it;
 * - it is filled only by requests whose credential the upstream accepted, so
 *   nobody without a valid token can fill (or churn) it; their documents are
 *   parsed, validated and executed by graphql-js every time.
 * graphql-jit roughly doubles throughput on big lists (see bench/RESULTS.md).
 */
export interface DocumentCache {
  plugins: Plugin[];
  /** Documents kept, and their estimated bytes (for /metrics). */
  readonly size: number;
  readonly bytes: number;
}

export function createDocumentCache(options: DocumentCacheOptions): DocumentCache {
  const entries = new LRUCache<string, Entry>({
    max: options.max,
    maxSize: options.maxBytes,
    sizeCalculation: (entry) => Math.max(1, entry.bytes),
  });
  /** Documents served from the cache (already validated) and the source each was parsed from. */
  const cachedDocuments = new WeakSet<DocumentNode>();
  const sources = new WeakMap<DocumentNode, string>();

  const store = (source: string, document: DocumentNode, operationName: string, compiled: CompiledQuery, codeBytes: number) => {
    const entry = entries.get(source) ?? { document, compiled: new Map(), bytes: source.length * BYTES_PER_SOURCE_BYTE };
    entry.compiled.set(operationName, compiled);
    entry.bytes += codeBytes * BYTES_PER_CODE_BYTE;
    cachedDocuments.add(entry.document);
    // Set again so the LRU re-measures the entry; one larger than the whole budget is simply not kept.
    entries.set(source, entry);
  };

  const cache: Plugin = {
    onParse({ params, setParsedDocument }) {
      const given = params.source as string | Source;
      const source = typeof given === 'string' ? given : given.body;
      const entry = entries.get(source);
      if (entry) {
        setParsedDocument(entry.document);
        return;
      }
      return ({ result }) => {
        const parsed = result as DocumentNode | Error | null;
        if (parsed && !(parsed instanceof Error)) sources.set(parsed, source);
      };
    },
    onValidate({ params, setResult }) {
      if (cachedDocuments.has(params.documentAST as DocumentNode)) setResult([]);
    },
    onExecute({ args: envelopArgs, setExecuteFn }) {
      const args = envelopArgs as ExecutionArgs;
      const source = sources.get(args.document);
      if (source === undefined) return;
      const operationName = args.operationName ?? '';
      const compiled = entries.get(source)?.compiled.get(operationName);
      if (compiled) {
        setExecuteFn(
          makeExecute((execution) => {
            const { rootValue, contextValue, variableValues } = execution as ExecutionArgs;
            return compiled.query(rootValue, contextValue, variableValues);
          }),
        );
        return;
      }
      return {
        onExecuteDone({ result }) {
          // graphql-jit ignores @defer/@stream: such documents always run on yoga's executor.
          if (!('data' in result) || !options.isVerified(args.contextValue) || deliversIncrementally(args.document)) return;
          const compilation = compileQuery(args.schema, args.document, args.operationName ?? undefined, { debug: true } as never);
          if (!isCompiledQuery(compilation)) return;
          const code = (compilation as { __DO_NOT_USE_THIS_OR_YOU_WILL_BE_FIRED_compilation?: string })
            .__DO_NOT_USE_THIS_OR_YOU_WILL_BE_FIRED_compilation;
          store(source, args.document, operationName, compilation, code?.length ?? 0);
        },
      };
    },
  };
  return {
    plugins: [cache, useRequestErrorStatus()],
    get size() {
      return entries.size;
    },
    get bytes() {
      return entries.calculatedSize;
    },
  };
}

/**
 * An execution that yields no `data` at all failed as a request (bad variable
 * values): GraphQL over HTTP answers it 400. graphql-js's executor marks such
 * errors for yoga; graphql-jit does not, so mark them here.
 */
function useRequestErrorStatus(): Plugin {
  return {
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          const single = result as ExecutionResult;
          if (!('errors' in single) || 'data' in single || !single.errors?.length) return;
          setResult({
            ...single,
            errors: single.errors.map((error) =>
              createGraphQLError(error.message, {
                nodes: error.nodes,
                extensions: { ...error.extensions, code: error.extensions?.code ?? 'BAD_USER_INPUT', http: { status: 400 } },
              }),
            ),
          });
        },
      };
    },
  };
}
