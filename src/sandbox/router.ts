/**
 * Method + path -> operation, without regexes: templates are grouped by segment count and
 * compared segment by segment; literal segments beat parameters (`users/search` before `users/{id}`).
 */
import type { OperationSpec } from './spec.ts';

interface Template {
  segments: (string | { param: string })[];
  literals: number;
  byMethod: Map<string, OperationSpec>;
}

export type RouteMatch =
  | { kind: 'op'; op: OperationSpec; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allow: string[] }
  | { kind: 'not-found' }
  | { kind: 'bad-encoding'; segment: string };

export class Router {
  private bySize = new Map<number, Template[]>();

  constructor(ops: readonly OperationSpec[]) {
    const byPath = new Map<string, Template>();
    for (const op of ops) {
      let t = byPath.get(op.path);
      if (!t) {
        const segments = op.path
          .split('/')
          .slice(1)
          .map((s) => (s.startsWith('{') ? { param: s.slice(1, -1) } : s));
        t = { segments, literals: segments.filter((s) => typeof s === 'string').length, byMethod: new Map() };
        byPath.set(op.path, t);
        const group = this.bySize.get(segments.length) ?? [];
        group.push(t);
        group.sort((a, b) => b.literals - a.literals);
        this.bySize.set(segments.length, group);
      }
      t.byMethod.set(op.method, op);
    }
  }

  /** `path` is the raw path below the base path, e.g. `/tenants/tenant-alpha/users`. */
  match(method: string, path: string): RouteMatch {
    const raw = path.split('/').slice(1);
    const group = this.bySize.get(raw.length);
    if (!group) return { kind: 'not-found' };
    const allow = new Set<string>();
    for (const t of group) {
      if (!t.segments.every((s, i) => typeof s !== 'string' || s === raw[i])) continue;
      const op = t.byMethod.get(method);
      if (!op) {
        for (const m of t.byMethod.keys()) allow.add(m);
        continue;
      }
      const params: Record<string, string> = {};
      for (let i = 0; i < t.segments.length; i++) {
        const s = t.segments[i];
        if (typeof s === 'string') continue;
        try {
          params[s.param] = decodeURIComponent(raw[i]);
        } catch {
          return { kind: 'bad-encoding', segment: raw[i] };
        }
      }
      return { kind: 'op', op, params };
    }
    return allow.size ? { kind: 'method-not-allowed', allow: [...allow] } : { kind: 'not-found' };
  }
}
