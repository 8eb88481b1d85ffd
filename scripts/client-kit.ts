import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import config from '../codegen.ts';

export const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
/** The folder codegen writes the typed documents to (nothing else lives there). */
export const GENERATED_DIR = 'client/gql';
/** The persisted-documents manifest (document id → text) the gateway loads for TRUSTED_DOCUMENTS. */
export const MANIFEST = 'client/persisted-documents.json';

/**
 * Every file of the client kit, generated in memory: repo-relative path → content. The client
 * preset writes the manifest into its output folder; it is moved beside the kit, where the
 * gateway's TRUSTED_DOCUMENTS_MANIFEST points by default.
 */
export async function generateClientKit(): Promise<Map<string, string>> {
  // Without saving, generate() answers the files it would write (typed `any` by the CLI).
  const outputs = (await generate({ ...config, cwd: ROOT, silent: true }, false)) as { filename: string; content: string }[];
  const files = new Map<string, string>();
  for (const { filename, content } of outputs) {
    const path = relative(ROOT, join(ROOT, filename));
    files.set(basename(path) === 'persisted-documents.json' ? MANIFEST : path, content);
  }
  return files;
}
