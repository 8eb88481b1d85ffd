import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OPERATIONS } from '../src/spec/operations.ts';
import * as account from '../src/upstream/account.ts';
import * as invite from '../src/upstream/invite.ts';
import * as tenants from '../src/upstream/tenants.ts';
import * as tenantUsers from '../src/upstream/tenant-users.ts';
import * as tokens from '../src/upstream/tokens.ts';

const spec = JSON.parse(readFileSync(new URL('../openapi/flowretail-v2.json', import.meta.url), 'utf8')) as {
  paths: Record<string, Record<string, { operationId?: string }>>;
};
const specOperations = Object.entries(spec.paths).flatMap(([path, item]) =>
  Object.entries(item)
    .filter(([method]) => ['get', 'post', 'put', 'delete', 'patch'].includes(method))
    .map(([method, operation]) => ({ operationId: operation.operationId!, method: method.toUpperCase(), path })),
);
const camel = (operationId: string) => operationId.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

describe('the typed REST client covers the spec', () => {
  it('has the method and path of every operation in the spec, and no others', () => {
    expect(specOperations).toHaveLength(20);
    const table = Object.values(OPERATIONS).map(({ operationId, method, path }) => ({ operationId, method, path }));
    expect(table.sort((a, b) => a.operationId.localeCompare(b.operationId))).toEqual(
      specOperations.sort((a, b) => a.operationId.localeCompare(b.operationId)),
    );
  });

  it('exports one function per operation, named after its operationId', () => {
    const exported = { ...account, ...invite, ...tenants, ...tenantUsers, ...tokens } as Record<string, unknown>;
    const expected = specOperations.map((op) => camel(op.operationId)).sort();
    expect(Object.keys(exported).sort()).toEqual(expected);
    for (const name of expected) expect(typeof exported[name]).toBe('function');
  });
});
