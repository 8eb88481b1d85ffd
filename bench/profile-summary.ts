/**
 * Summarizes a V8 .cpuprofile (node --cpu-prof): the top functions by self time with file:line,
 * and the time per package (self, and "on the stack" = inclusive).
 *
 *   npx tsx bench/profile-summary.ts <file.cpuprofile> [--top 25] [--last-ms N]
 *   npx tsx bench/profile-summary.ts <file.cpuprofile> --callers <functionName> [--top 5] [--depth 8]
 *
 * --last-ms keeps only the samples of the profile's last N ms (the load window, without start-up).
 * Line numbers of project files are those of tsx's transformed code (close to, not always equal to,
 * the .ts source lines).
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface FunctionRow {
  name: string;
  location: string;
  pkg: string;
  selfMs: number;
  totalMs: number;
}

export interface PackageRow {
  pkg: string;
  selfMs: number;
  /** Time with at least one frame of the package on the stack. */
  onStackMs: number;
}

/** Named groups of packages (or `fn:<functionName>`) whose on-stack time is reported together. */
export const FAMILIES: Record<string, string[]> = {
  'prometheus metrics (@envelop/prometheus, plugin-prometheus, prom-client, tdigest)': [
    '@envelop/prometheus',
    '@graphql-yoga/plugin-prometheus',
    'prom-client',
    'tdigest',
    'bintrees',
  ],
  'graphql-armor (all its plugins)': [
    '@escape.tech/graphql-armor',
    '@escape.tech/graphql-armor-cost-limit',
    '@escape.tech/graphql-armor-max-depth',
    '@escape.tech/graphql-armor-max-aliases',
    '@escape.tech/graphql-armor-max-tokens',
    '@escape.tech/graphql-armor-max-directives',
    '@escape.tech/graphql-armor-block-field-suggestions',
  ],
  'GraphQL execution (@graphql-tools/executor)': ['@graphql-tools/executor'],
  'result JSON.stringify (yoga)': ['fn:jsonStringifyResultWithoutInternals'],
  'upstream JSON.parse (src/upstream tryParse)': ['fn:tryParse'],
  'upstream HTTP (undici + llhttp)': ['undici', '(wasm: undici llhttp)'],
  'circuit breaker (opossum)': ['opossum'],
  'per-request context (src/context.ts createContext)': ['fn:createContext'],
  'request body: yoga limitRequestBodySize + stream pipeline': ['fn:limitRequestBodySize', 'fn:pipelineImpl', 'fn:finishImpl'],
  'AbortSignal / DOMException (node)': ['node:abort_controller', 'node:domexception'],
  'loaders (dataloader)': ['dataloader'],
  'logging (pino)': ['pino'],
  'project resolvers (src/resolvers)': ['(project) src/resolvers'],
  'garbage collector': ['(garbage collector)'],
};

export interface Summary {
  /** Sampled time in the window, ms. */
  totalMs: number;
  /** Sampled time not idle, ms: the base of the percentages. */
  busyMs: number;
  functions: FunctionRow[];
  packages: PackageRow[];
  /** Time with a member of the family anywhere on the stack, ms. */
  families: { name: string; onStackMs: number }[];
}

const SPECIAL = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);

/** Which package a frame belongs to: an npm package, a project directory, node core, or a V8 pseudo-frame. */
export function packageOf(frame: CallFrame): string {
  const { url, functionName } = frame;
  if (!url) return SPECIAL.has(functionName) ? functionName : '(native)';
  if (url.startsWith('node:')) {
    // node:internal/streams/readable -> node:streams, node:_http_server -> node:http
    const parts = url.replace(/^node:(internal\/)?/, '').split('/');
    const name = (parts[0] === 'per_context' ? (parts[1] ?? parts[0]) : parts[0])
      .replace(/^_?http.*$/, 'http')
      .replace(/^_stream.*$/, 'streams');
    return `node:${name}`;
  }
  if (url.startsWith('wasm://')) return '(wasm: undici llhttp)';
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const parts = url.slice(nm + '/node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  const src = url.indexOf('/src/');
  if (src >= 0) {
    const rest = url.slice(src + 1).split('/');
    return `(project) ${rest.length > 2 ? `${rest[0]}/${rest[1]}` : rest.join('/')}`;
  }
  const bench = url.indexOf('/bench/');
  if (bench >= 0) return '(project) bench';
  return url;
}

function shortLocation(frame: CallFrame): string {
  if (!frame.url) return '';
  let url = frame.url.replace(/^file:\/\//, '');
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) url = url.slice(nm + '/node_modules/'.length);
  else {
    const src = url.indexOf('/src/');
    if (src >= 0) url = url.slice(src + 1);
  }
  return `${url}:${frame.lineNumber + 1}`;
}

export function summarize(profile: CpuProfile, lastMs?: number): Summary {
  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    byId.set(node.id, node);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  // Sample i's timestamp is startTime + sum(timeDeltas[0..i]); its weight is the gap to the next one.
  const times: number[] = [];
  let t = profile.startTime;
  for (const delta of profile.timeDeltas) times.push((t += delta));
  const from = lastMs === undefined ? -Infinity : profile.endTime - lastMs * 1000;

  const fnKey = (frame: CallFrame) => `${frame.functionName}|${frame.url}|${frame.lineNumber}|${frame.columnNumber}`;
  const functions = new Map<string, FunctionRow>();
  const packages = new Map<string, PackageRow>();
  let totalUs = 0;
  let idleUs = 0;
  const familyUs = new Map<string, number>(Object.keys(FAMILIES).map((name) => [name, 0]));
  const familyOf = (frame: CallFrame, pkg: string): string[] =>
    Object.entries(FAMILIES)
      .filter(([, members]) => members.includes(pkg) || members.includes(`fn:${frame.functionName}`))
      .map(([name]) => name);

  for (let i = 0; i < profile.samples.length; i++) {
    if (times[i] < from) continue;
    const weight = (i + 1 < times.length ? times[i + 1] : profile.endTime) - times[i];
    if (weight <= 0) continue;
    totalUs += weight;
    const leaf = byId.get(profile.samples[i])!;
    if (leaf.callFrame.functionName === '(idle)') {
      idleUs += weight;
      continue;
    }
    const seenFns = new Set<string>();
    const seenPkgs = new Set<string>();
    const seenFamilies = new Set<string>();
    for (let id: number | undefined = leaf.id, depth = 0; id !== undefined; id = parent.get(id), depth++) {
      const frame = byId.get(id)!.callFrame;
      if (frame.functionName === '(root)') break;
      const key = fnKey(frame);
      const pkg = packageOf(frame);
      let row = functions.get(key);
      if (!row)
        functions.set(
          key,
          (row = { name: frame.functionName || '(anonymous)', location: shortLocation(frame), pkg, selfMs: 0, totalMs: 0 }),
        );
      let pkgRow = packages.get(pkg);
      if (!pkgRow) packages.set(pkg, (pkgRow = { pkg, selfMs: 0, onStackMs: 0 }));
      if (depth === 0) {
        row.selfMs += weight / 1000;
        pkgRow.selfMs += weight / 1000;
      }
      if (!seenFns.has(key)) {
        seenFns.add(key);
        row.totalMs += weight / 1000;
      }
      if (!seenPkgs.has(pkg)) {
        seenPkgs.add(pkg);
        pkgRow.onStackMs += weight / 1000;
      }
      for (const family of familyOf(frame, pkg)) seenFamilies.add(family);
    }
    for (const family of seenFamilies) familyUs.set(family, familyUs.get(family)! + weight);
  }
  return {
    totalMs: totalUs / 1000,
    busyMs: (totalUs - idleUs) / 1000,
    functions: [...functions.values()].sort((x, y) => y.selfMs - x.selfMs),
    packages: [...packages.values()].sort((x, y) => y.selfMs - x.selfMs),
    families: [...familyUs.entries()].map(([name, us]) => ({ name, onStackMs: us / 1000 })).sort((x, y) => y.onStackMs - x.onStackMs),
  };
}

/** The heaviest call stacks (by self time) ending in functions whose name matches, leaf first. */
export function callers(profile: CpuProfile, name: string, top = 5, depth = 8, lastMs?: number): string {
  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    byId.set(node.id, node);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const weights = new Map<number, number>();
  let t = profile.startTime;
  const from = lastMs === undefined ? -Infinity : profile.endTime - lastMs * 1000;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    if (t < from) continue;
    const next = i + 1 < profile.timeDeltas.length ? profile.timeDeltas[i + 1] : 0;
    weights.set(profile.samples[i], (weights.get(profile.samples[i]) ?? 0) + next);
  }
  const stacks = new Map<string, number>();
  for (const [id, weight] of weights) {
    if (byId.get(id)!.callFrame.functionName !== name) continue;
    const frames: string[] = [];
    for (let p: number | undefined = id; p !== undefined && frames.length < depth; p = parent.get(p)) {
      const frame = byId.get(p)!.callFrame;
      if (frame.functionName === '(root)') break;
      frames.push(`${frame.functionName || '(anonymous)'} ${shortLocation(frame)}`);
    }
    const key = frames.join('\n    <- ');
    stacks.set(key, (stacks.get(key) ?? 0) + weight);
  }
  return [...stacks.entries()]
    .sort((x, y) => y[1] - x[1])
    .slice(0, top)
    .map(([stack, us]) => `${(us / 1000).toFixed(1)} ms:\n    ${stack}`)
    .join('\n');
}

export function formatSummary(summary: Summary, top = 25): string {
  const pct = (ms: number) => `${((ms / (summary.busyMs || 1)) * 100).toFixed(1).padStart(5)} %`;
  const lines: string[] = [];
  lines.push(
    `sampled ${(summary.totalMs / 1000).toFixed(2)} s, busy ${(summary.busyMs / 1000).toFixed(2)} s ` +
      `(${((summary.busyMs / (summary.totalMs || 1)) * 100).toFixed(0)} %); percentages are of busy time`,
    '',
    `Top ${top} functions by self time:`,
    '   self ms   self %   total %  function  (package)  file:line',
  );
  for (const row of summary.functions.slice(0, top)) {
    lines.push(`${row.selfMs.toFixed(1).padStart(10)} ${pct(row.selfMs)} ${pct(row.totalMs)}  ${row.name}  (${row.pkg})  ${row.location}`);
  }
  lines.push(
    '',
    'By package (self time; "on stack" = a frame of the package anywhere on the stack):',
    '   self ms   self %  on stack  package',
  );
  for (const row of summary.packages.filter((p) => p.selfMs >= 0.5 || p.onStackMs >= summary.busyMs * 0.01)) {
    lines.push(`${row.selfMs.toFixed(1).padStart(10)} ${pct(row.selfMs)} ${pct(row.onStackMs)}  ${row.pkg}`);
  }
  lines.push('', 'Families (time with any member on the stack; they overlap):', '  on stack  family');
  for (const row of summary.families.filter((f) => f.onStackMs > 0)) lines.push(`${pct(row.onStackMs)}  ${row.name}`);
  return lines.join('\n');
}

function main(argv: string[]): void {
  const file = argv.find((arg) => arg.endsWith('.cpuprofile'));
  const option = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? Number(argv[i + 1]) : undefined;
  };
  if (!file) {
    console.error('Usage: npx tsx bench/profile-summary.ts <file.cpuprofile> [--top 25] [--last-ms N]');
    process.exit(2);
  }
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const callersOf = argv.indexOf('--callers');
  if (callersOf >= 0) {
    console.log(callers(profile, argv[callersOf + 1], option('--top') ?? 5, option('--depth') ?? 8, option('--last-ms')));
    return;
  }
  console.log(formatSummary(summarize(profile, option('--last-ms')), option('--top') ?? 25));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv.slice(2));
