import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Dependencies point one way: server → schema → resolvers → upstream → spec.
 * This scans every import of src/ and names each one that runs against it.
 */
const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../src');

type Layer = 'spec' | 'upstream' | 'resolvers' | 'schema' | 'plugins' | 'observability' | 'sandbox' | 'server';

/** What each layer may import at run time (besides itself). Type-only imports of the request context are fine anywhere. */
const ALLOWED: Record<Layer, Layer[]> = {
  spec: [],
  sandbox: ['spec'],
  upstream: ['spec'],
  observability: ['upstream', 'spec'],
  resolvers: ['upstream', 'spec'],
  schema: ['resolvers', 'spec'],
  plugins: ['resolvers', 'upstream', 'observability', 'spec'],
  // The process and the server wiring (main, server, context, compose, config, http-server) sit on top.
  server: ['schema', 'resolvers', 'upstream', 'observability', 'plugins', 'spec', 'sandbox'],
};

function layerOf(file: string): Layer {
  const top = relative(SRC, file).split('/')[0];
  return top.endsWith('.ts') ? 'server' : (top as Layer);
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

interface Import {
  from: string;
  to: string;
  typeOnly: boolean;
}

function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  const found: Import[] = [];
  for (const match of text.matchAll(/^(import|export)(\s+type)?\s[^;]*?from\s+'(\.[^']+)';/gms)) {
    found.push({ from: file, to: resolve(dirname(file), match[3]), typeOnly: match[2] !== undefined });
  }
  for (const match of text.matchAll(/import\(\s*'(\.[^']+)'\s*\)/g))
    found.push({ from: file, to: resolve(dirname(file), match[1]), typeOnly: false });
  return found;
}

const all = sources(SRC).flatMap(importsOf);

describe('the layers of src/', () => {
  it('finds the imports it checks', () => {
    expect(all.length).toBeGreaterThan(100);
    expect(all.some((i) => layerOf(i.from) === 'schema' && layerOf(i.to) === 'resolvers')).toBe(true);
  });

  it('has no import against the direction server → schema → resolvers → upstream → spec', () => {
    const wrong = all
      .filter((i) => {
        const [from, to] = [layerOf(i.from), layerOf(i.to)];
        if (from === to || ALLOWED[from].includes(to)) return false;
        return !(i.typeOnly && relative(SRC, i.to) === 'context.ts');
      })
      .map((i) => `${relative(SRC, i.from)} imports ${relative(SRC, i.to)}`);
    expect(wrong).toEqual([]);
  });

  it('keeps the sandbox apart: it imports only src/spec, and only main.ts loads it', () => {
    const intoSandbox = all.filter((i) => layerOf(i.to) === 'sandbox' && layerOf(i.from) !== 'sandbox').map((i) => relative(SRC, i.from));
    expect([...new Set(intoSandbox)]).toEqual(['main.ts']);
    const outOfSandbox = all.filter((i) => layerOf(i.from) === 'sandbox' && !['sandbox', 'spec'].includes(layerOf(i.to)));
    expect(outOfSandbox).toEqual([]);
  });

  it('keeps observability free of the graph: it imports neither schema nor resolvers', () => {
    const graph = all.filter((i) => layerOf(i.from) === 'observability' && ['schema', 'resolvers'].includes(layerOf(i.to)));
    expect(graph).toEqual([]);
  });
});
