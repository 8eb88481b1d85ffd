import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * The client kit (`npm run codegen`, scripts/codegen.ts): typed documents in client/gql/ from the
 * operations in client/operations/, and their manifest (document id → text), from the committed
 * schema.graphql (no network). test/client-kit.test.ts fails when the committed output is stale.
 */
const config: CodegenConfig = {
  schema: './schema.graphql',
  documents: ['client/operations/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    './client/gql/': {
      preset: 'client',
      presetConfig: {
        // Plain result types: a screen reads its fragments' fields directly.
        fragmentMasking: false,
        // Each document carries its id ("sha256:<hex>") at `__meta__.hash`; the manifest maps ids to texts.
        persistedDocuments: { mode: 'embedHashInDocument', hashPropertyName: 'hash', hashAlgorithm: 'sha256' },
      },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        // Relative imports with an extension, as Node's ESM resolution (and this repo's tsconfig) wants.
        importExtension: '.ts',
      },
    },
  },
};

export default config;
