import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OPERATIONS } from '../src/spec/operations.ts';
const spec = JSON.parse(readFileSync(new URL('../openapi/flowretail-v2.json', import.meta.url), 'utf8')) as {
  paths: Record<string, Record<string, { operationId?: string }>>;
};
const specOperations = Object.entries(spec.paths).flatMap(([path, item]) =>
  Object.entries(item)
    .filter(([method]) => ['get', 'post', 'put', 'delete', 'patch'].includes(method))
    .map(([method, operation]) => ({ operationId: operation.operationId!, method: method.toUpperCase(), path })),
);

describe('the typed REST client covers the spec', () => {
  it('has the method and path of every operation in the spec, and no others', () => {
    expect(specOperations).toHaveLength(20);
    const table = Object.values(OPERATIONS).map(({ operationId, method, path }) => ({ operationId, method, path }));
    expect(table.sort((a, b) => a.operationId.localeCompare(b.operationId))).toEqual(
      specOperations.sort((a, b) => a.operationId.localeCompare(b.operationId)),
    );
  });

  it('the data source calls every operation of the spec (one method per operation the graph uses)', () => {
    const source = readFileSync(new URL('../src/upstream/flow-api.ts', import.meta.url), 'utf8');
    const called = new Set([...source.matchAll(/'((?:get|post|put|delete)-[a-z-]+)'/g)].map((match) => match[1]));
    expect([...called].filter((id) => id in OPERATIONS).sort()).toEqual(specOperations.map((op) => op.operationId).sort());
  });
});
