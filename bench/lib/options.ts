/** Command-line options of `npm run bench` (see USAGE). */
import { resolve } from 'node:path';
import { SCENARIO_IDS, type ScenarioId } from './scenarios.ts';
import { REPO_ROOT } from './processes.ts';

export const BASELINES = ['bare', 'rest', 'noloaders', 'wc2', 'wc2redis'] as const;
export type Baseline = (typeof BASELINES)[number];

export interface Options {
  /** Seconds per headline run (0 ms latency: bare yoga and the gateway's a, a′, b, c). */
  durationSec: number;
  /** Seconds per secondary run (other baselines and scenarios at 0 ms): 40 % of the duration. */
  secondarySec: number;
  /** Seconds per REST baseline run at 0 ms: 30 % of the duration (they are steady). */
  baselineSec: number;
  /** Seconds per run at a latency > 0: 20 % of the duration. */
  latencyRunSec: number;
  /** Seconds of discarded load before each measured run. */
  warmupSec: number;
  /** Seconds of discarded load on all scenarios right after a gateway process starts (JIT). */
  processWarmupSec: number;
  /** Connections at 0 ms latency. */
  connections: number;
  /** Connection counts at latencies > 0 (latency-focused runs). */
  latencyConnections: number[];
  latencies: number[];
  /** Gateway scenarios; undefined = the default matrix. */
  scenarios?: ScenarioId[];
  baselines: Set<Baseline>;
  quick: boolean;
  outDir: string;
  write: boolean;
}

export const USAGE = `Usage: npm run bench -- [options]

  --duration <s>            seconds per headline run (default 10; 3 with --quick). Other gateway runs at
                            0 ms take 40 % of it, REST baselines at 0 ms 30 %, runs at a latency > 0 20 %
                            (each at least 1 s)
  --connections <n>         connections at 0 ms latency (default 10)
  --latency <ms,...>        sandbox latency per call, one table each (default 0,5)
  --latency-connections <n,...>  connections at latencies > 0 (default 1,4; 1 with --quick)
  --scenarios <ids>         gateway scenarios among ${SCENARIO_IDS.join(',')} (default: the full matrix)
  --baselines <list>        all | none | any of ${BASELINES.join(',')} (default all; --quick: bare,rest,noloaders)
  --warmup <s>              discarded load before each run (default 3 % of the duration, 0.2..1 s); each
                            new gateway process also gets 30 % of the duration (0.5..3 s) on all its scenarios
  --quick                   key combinations only, 3 s runs: the whole run takes under a minute
  --out-dir <dir>           where RESULTS.md and results.json go (default bench/)
  --no-write                print only, write no files
  --help
`;

function list(value: string, what: string): string[] {
  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  if (items.length === 0) throw new Error(`${what}: empty list`);
  return items;
}

function numbers(value: string, what: string, min: number): number[] {
  return list(value, what).map((item) => {
    const n = Number(item);
    if (!Number.isFinite(n) || n < min) throw new Error(`${what}: '${item}' is not a number >= ${min}`);
    return n;
  });
}

export function parseOptions(argv: string[]): Options | 'help' {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const takesValue = new Set([
    '--duration',
    '--connections',
    '--latency',
    '--latency-connections',
    '--scenarios',
    '--baselines',
    '--warmup',
    '--out-dir',
  ]);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (takesValue.has(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new Error(`${name} needs a value`);
      values.set(name, value);
    } else if (['--quick', '--no-write', '--help', '-h'].includes(name)) {
      flags.add(name);
    } else {
      throw new Error(`Unknown option '${arg}'\n\n${USAGE}`);
    }
  }
  if (flags.has('--help') || flags.has('-h')) return 'help';

  const quick = flags.has('--quick');
  const durationSec = values.has('--duration') ? numbers(values.get('--duration')!, '--duration', 0.5)[0] : quick ? 3 : 10;
  const scenarios = values.has('--scenarios')
    ? list(values.get('--scenarios')!, '--scenarios').map((id) => {
        const normalized = id === "a'" || id === 'a′' ? 'a2' : id === "b'" || id === 'b′' ? 'b2' : id;
        if (!(SCENARIO_IDS as readonly string[]).includes(normalized))
          throw new Error(`--scenarios: unknown '${id}' (known: ${SCENARIO_IDS.join(', ')})`);
        return normalized as ScenarioId;
      })
    : undefined;
  const baselineArg = values.get('--baselines') ?? (quick ? 'bare,rest,noloaders' : 'all');
  const baselines = new Set<Baseline>(
    baselineArg === 'all'
      ? BASELINES
      : baselineArg === 'none'
        ? []
        : list(baselineArg, '--baselines').map((b) => {
            if (!(BASELINES as readonly string[]).includes(b))
              throw new Error(`--baselines: unknown '${b}' (known: ${BASELINES.join(', ')}, all, none)`);
            return b as Baseline;
          }),
  );
  const warmupSec = values.has('--warmup')
    ? numbers(values.get('--warmup')!, '--warmup', 0)[0]
    : Math.min(1, Math.max(0.2, Math.round(durationSec * 0.03 * 10) / 10));
  return {
    durationSec,
    secondarySec: Math.max(1, Math.round(durationSec * 0.4 * 10) / 10),
    baselineSec: Math.max(1, Math.round(durationSec * 0.3 * 10) / 10),
    latencyRunSec: Math.max(1, Math.round(durationSec * 0.2 * 10) / 10),
    warmupSec,
    processWarmupSec: Math.min(3, Math.max(0.5, Math.round(durationSec * 0.3 * 10) / 10)),
    connections: values.has('--connections') ? numbers(values.get('--connections')!, '--connections', 1)[0] : 10,
    latencyConnections: values.has('--latency-connections')
      ? numbers(values.get('--latency-connections')!, '--latency-connections', 1)
      : quick
        ? [1]
        : [1, 4],
    latencies: values.has('--latency') ? numbers(values.get('--latency')!, '--latency', 0) : [0, 5],
    scenarios,
    baselines,
    quick,
    outDir: values.has('--out-dir') ? resolve(values.get('--out-dir')!) : resolve(REPO_ROOT, 'bench'),
    write: !flags.has('--no-write'),
  };
}
