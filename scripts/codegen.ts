// npm run codegen: regenerates the client kit (client/gql/ and client/persisted-documents.json) from
// client/operations/ and schema.graphql. Committed; test/client-kit.test.ts fails when it is stale.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { GENERATED_DIR, ROOT, generateClientKit } from './client-kit.ts';

const files = await generateClientKit();
// Start from an empty folder so a removed operation leaves no file behind.
rmSync(join(ROOT, GENERATED_DIR), { recursive: true, force: true });
for (const [path, content] of files) {
  mkdirSync(dirname(join(ROOT, path)), { recursive: true });
  writeFileSync(join(ROOT, path), content);
  console.log(`wrote ${path}`);
}
