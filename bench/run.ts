/**
 * `npm run bench`: the gateway under load against its baselines, on loopback, every run bounded.
 *
 * Per sandbox latency (default 0 and 5 ms): start the sandbox, the gateway and bare yoga as separate
 * processes, check each scenario's first response, then per run: warm up, reset the sandbox's call
 * counters, load with autocannon while sampling RSS and CPU, read the counters. At 0 ms also the
 * DISABLE_LOADERS and WEB_CONCURRENCY=2 gateways. Writes bench/RESULTS.md and bench/results.json.
 * `--help` lists the options.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import os from 'node:os';
import { runLoad, type LoadResult } from './lib/load.ts';
import { parseOptions, USAGE, type Options } from './lib/options.ts';
import {
  cpuSeconds,
  killAllChildren,
  REPO_ROOT,
  sampleRss,
  startBareYogaProcess,
  buildGateway,
  startGatewayProcess,
  startRedisServer,
  startSandboxProcess,
  type Child,
  type SandboxChild,
} from './lib/processes.ts';
import {
  computeRatios,
  evaluateTargets,
  SERVER_NAMES,
  writeResults,
  type Results,
  type RunRecord,
  type ServerKind,
  type Tier,
} from './lib/report.ts';
import {
  checkRequest,
  graphqlRequest,
  REST_BASELINES,
  restRequests,
  SCENARIOS,
  type RestBaseline,
  type ScenarioId,
} from './lib/scenarios.ts';
import type { Request } from 'autocannon';

const started = Date.now();
const records: RunRecord[] = [];
const spawned: Child[] = [];

// ---------------------------------------------------------------- sandbox counters over HTTP

async function resetCounters(sandbox: SandboxChild): Promise<void> {
  const response = await fetch(`${sandbox.origin}/__sandbox/counters/reset`, { method: 'POST' });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`POST /__sandbox/counters/reset: HTTP ${response.status}`);
}

async function readCounters(sandbox: SandboxChild): Promise<Record<string, number>> {
  const response = await fetch(`${sandbox.origin}/__sandbox/counters`);
  if (!response.ok) throw new Error(`GET /__sandbox/counters: HTTP ${response.status}`);
  return (await response.json()) as Record<string, number>;
}

const total = (counters: Record<string, number>) => Object.values(counters).reduce((sum, n) => sum + n, 0);

// ---------------------------------------------------------------- one measured run

interface Target {
  kind: ServerKind;
  scenario: ScenarioId | 'typename';
  label: string;
  server: Child;
  requests: Request[];
  graphql: boolean;
  coldUpstreamCalls?: number | null;
}

async function measure(
  target: Target,
  sandbox: SandboxChild | undefined,
  latencyMs: number,
  connections: number,
  tier: Tier,
  opts: Options,
) {
  const durationSec = { headline: opts.durationSec, secondary: opts.secondarySec, baseline: opts.baselineSec, latency: opts.latencyRunSec }[
    tier
  ];
  const spec = { origin: target.server.origin, requests: target.requests, connections, graphql: target.graphql };
  if (opts.warmupSec > 0) await runLoad({ ...spec, durationSec: opts.warmupSec });
  if (sandbox) await resetCounters(sandbox);

  const serverPids = target.server.tree();
  const sandboxPids = sandbox && sandbox !== target.server ? sandbox.tree() : [];
  const cpu0 = { server: cpuSeconds(serverPids), sandbox: cpuSeconds(sandboxPids), bench: process.cpuUsage() };
  const rss = sampleRss(target.server);
  let load: LoadResult;
  try {
    load = await runLoad({ ...spec, durationSec });
  } catch (error) {
    rss.stop();
    throw error;
  }
  const sample = rss.stop();
  const benchCpu = process.cpuUsage(cpu0.bench);
  const cpu = {
    server: ((cpuSeconds(serverPids) - cpu0.server) / load.durationSec) * 100,
    sandbox: sandboxPids.length ? ((cpuSeconds(sandboxPids) - cpu0.sandbox) / load.durationSec) * 100 : null,
    bench: ((benchCpu.user + benchCpu.system) / 1e6 / load.durationSec) * 100,
  };
  // Requests cut off at the end of the run may still be calling the sandbox: let them settle first.
  if (sandbox) await new Promise((r) => setTimeout(r, 100));
  const counters = sandbox ? await readCounters(sandbox) : null;
  const calls = counters ? total(counters) : null;
  // The exact count for one request (warm), without the in-flight noise at the end of a run.
  let warmCalls: number | null = null;
  if (sandbox && target.kind !== 'bare') {
    await resetCounters(sandbox);
    for (const request of target.requests) await checkRequest(target.server.origin, request, target.label, target.graphql);
    warmCalls = total(await readCounters(sandbox));
  }

  const record: RunRecord = {
    latencyMs,
    kind: target.kind,
    scenario: target.scenario,
    label: target.label,
    connections,
    tier,
    durationSec: load.durationSec,
    operations: load.operations,
    sent: load.sent,
    rps: load.rps,
    latency: load.latencyMs,
    errors: load.errors,
    non2xx: load.non2xx,
    graphqlErrors: load.graphqlErrors,
    upstreamCalls: calls,
    upstreamCallsPerRequest: calls === null || load.operations === 0 ? null : calls / load.operations,
    upstreamByOperation: counters,
    warmUpstreamCalls: warmCalls,
    coldUpstreamCalls: target.coldUpstreamCalls ?? null,
    peakRssMb: sample.peakRssMb,
    peakProcessRssMb: sample.peakProcessRssMb,
    processes: sample.processes,
    cpu,
    ratios: { rpsPctOfBare: null, restP50Ms: null, p50DeltaVsRestMs: null, restRps: null },
  };
  records.push(record);
  printRow(record);
  return record;
}

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const num = (n: number, width: number, digits: number) => n.toFixed(digits).padStart(width);

function printRow(r: RunRecord): void {
  const errors = r.errors + r.non2xx + r.graphqlErrors;
  console.log(
    `[${r.latencyMs} ms, ${String(r.connections).padStart(2)} conn] ${pad(SERVER_NAMES[r.kind], 27)} ${pad(r.label, 36)} ` +
      `rps=${num(r.rps, 8, 1)}  p50=${num(r.latency.p50, 6, 2)} p90=${num(r.latency.p90, 6, 2)} p99=${num(r.latency.p99, 6, 2)} ms  ` +
      `errors=${errors}  calls/req=${r.upstreamCallsPerRequest === null ? '–' : `${r.upstreamCallsPerRequest.toFixed(2)} (${r.warmUpstreamCalls})`}  ` +
      `rss=${num(r.peakRssMb, 6, 1)} MB  cpu=${r.cpu.server.toFixed(0)}%` +
      (r.cpu.sandbox === null ? '' : ` sandbox=${r.cpu.sandbox.toFixed(0)}%`) +
      ` bench=${r.cpu.bench.toFixed(0)}%`,
  );
}

// ---------------------------------------------------------------- processes

async function track<T extends Child>(start: Promise<T>): Promise<T> {
  const t0 = Date.now();
  const child = await start;
  spawned.push(child);
  console.log(`[bench] started ${child.role} in ${Date.now() - t0} ms: pid ${child.pid}, ${child.origin}`);
  return child;
}

const exitCodes = new Map<Child, number | null>();
async function stop(child: Child | undefined): Promise<void> {
  if (!child || exitCodes.has(child)) return;
  const t0 = Date.now();
  const code = await child.stop();
  exitCodes.set(child, code);
  console.log(`[bench] stopped ${child.role} in ${Date.now() - t0} ms (exit code ${code})`);
  if (code !== 0)
    console.warn(`[bench] ${child.role} (pid ${child.pid}) exited with ${code} after SIGTERM:\n${child.output().slice(-2_000)}`);
}

/**
 * Checks each scenario's first response on a fresh gateway (fails loudly on errors) and
 * counts the upstream calls of that first, cold request. (a′) goes first, so that its count
 * is the cold-cache one (1 + distinct tenants).
 */
async function checkScenarios(gateway: Child, sandbox: SandboxChild, ids: ScenarioId[]): Promise<Map<ScenarioId, number>> {
  const cold = new Map<ScenarioId, number>();
  const ordered = [...ids].sort((x, y) => Number(y === 'a2') - Number(x === 'a2'));
  for (const id of ordered) {
    const scenario = SCENARIOS[id];
    await resetCounters(sandbox);
    await checkRequest(gateway.origin, graphqlRequest(scenario.file, scenario.variables), `${gateway.role}: ${scenario.label}`, true);
    cold.set(id, total(await readCounters(sandbox)));
  }
  return cold;
}

/** Right after start: all the process's scenarios in turn on every connection, so that the JIT is warm before any run. */
async function warmProcess(gateway: Child, ids: ScenarioId[], opts: Options): Promise<void> {
  const requests = ids.map((id) => graphqlRequest(SCENARIOS[id].file, SCENARIOS[id].variables));
  await runLoad({ origin: gateway.origin, requests, connections: opts.connections, durationSec: opts.processWarmupSec, graphql: true });
}

async function checkRest(sandbox: SandboxChild, baseline: RestBaseline): Promise<void> {
  for (const request of restRequests(baseline)) await checkRequest(sandbox.origin, request, `REST baseline ${baseline.label}`, false);
}

function gatewayTarget(kind: ServerKind, server: Child, id: ScenarioId, cold?: Map<ScenarioId, number>): Target {
  const scenario = SCENARIOS[id];
  return {
    kind,
    scenario: id,
    label: scenario.label,
    server,
    requests: [graphqlRequest(scenario.file, scenario.variables)],
    graphql: true,
    coldUpstreamCalls: cold?.get(id) ?? null,
  };
}

// ---------------------------------------------------------------- the matrix

const THROUGHPUT_HEADLINE: ScenarioId[] = ['a', 'a2', 'b', 'c'];
const THROUGHPUT_SECONDARY: ScenarioId[] = ['d', 'b2'];
const LATENCY_SCENARIOS: ScenarioId[] = ['a', 'a2', 'b', 'c'];

async function phase(latencyMs: number, opts: Options, withProcessBaselines: boolean): Promise<void> {
  const throughput = latencyMs === 0;
  const connectionCounts = throughput ? [opts.connections] : opts.latencyConnections;
  const selected =
    opts.scenarios ?? (throughput ? [...THROUGHPUT_HEADLINE, ...(opts.quick ? [] : THROUGHPUT_SECONDARY)] : LATENCY_SCENARIOS);
  const tierOf = (id: ScenarioId): Tier => (!throughput ? 'latency' : THROUGHPUT_HEADLINE.includes(id) ? 'headline' : 'secondary');
  const restIds = [...new Set(selected.map((id) => SCENARIOS[id].rest))] as (keyof typeof REST_BASELINES)[];

  console.log(`\n[bench] === sandbox latency ${latencyMs} ms, connections ${connectionCounts.join('/')} ===`);
  const sandbox = await track(startSandboxProcess(latencyMs));
  try {
    const [gateway, bare] = await Promise.all([
      track(startGatewayProcess({ role: `gateway (${latencyMs} ms)`, sandboxUrl: sandbox.baseUrl })),
      opts.baselines.has('bare') ? track(startBareYogaProcess()) : Promise.resolve(undefined),
    ]);
    try {
      const cold = await checkScenarios(gateway, sandbox, selected);
      await warmProcess(gateway, selected, opts);
      if (bare) {
        const typename = graphqlRequest('typename.graphql', {}, false);
        await checkRequest(bare.origin, typename, 'bare yoga', true);
        await runLoad({
          origin: bare.origin,
          requests: [typename],
          connections: opts.connections,
          durationSec: Math.min(1, opts.processWarmupSec),
          graphql: true,
        });
      }
      if (opts.baselines.has('rest')) for (const id of restIds) await checkRest(sandbox, REST_BASELINES[id]);

      for (const connections of connectionCounts) {
        if (bare) {
          const target: Target = {
            kind: 'bare',
            scenario: 'typename',
            label: '{ __typename }',
            server: bare,
            requests: [graphqlRequest('typename.graphql', {}, false)],
            graphql: true,
          };
          await measure(target, undefined, latencyMs, connections, throughput ? 'headline' : 'latency', opts);
        }
        for (const id of selected)
          await measure(gatewayTarget('gateway', gateway, id, cold), sandbox, latencyMs, connections, tierOf(id), opts);
        if (opts.baselines.has('rest')) {
          for (const id of restIds) {
            const baseline = REST_BASELINES[id];
            const target: Target = {
              kind: 'rest',
              scenario: id,
              label: baseline.label,
              server: sandbox,
              requests: restRequests(baseline),
              graphql: false,
            };
            await measure(target, sandbox, latencyMs, connections, throughput ? 'baseline' : 'latency', opts);
          }
        }
      }
    } finally {
      await stop(bare);
      await stop(gateway);
    }

    if (throughput && withProcessBaselines) {
      // With --scenarios, every process baseline runs the selected scenarios.
      const noLoaderIds: ScenarioId[] = opts.scenarios ?? (opts.quick ? ['a2'] : ['a2', 'b2']);
      if (opts.baselines.has('noloaders') && noLoaderIds.length) {
        const noLoaders = await track(
          startGatewayProcess({ role: 'gateway DISABLE_LOADERS', sandboxUrl: sandbox.baseUrl, env: { DISABLE_LOADERS: 'true' } }),
        );
        try {
          const cold = await checkScenarios(noLoaders, sandbox, noLoaderIds);
          await warmProcess(noLoaders, noLoaderIds, opts);
          for (const id of noLoaderIds)
            await measure(gatewayTarget('gateway-noloaders', noLoaders, id, cold), sandbox, latencyMs, opts.connections, 'secondary', opts);
        } finally {
          await stop(noLoaders);
        }
      }
      const clusterIds: ScenarioId[] = opts.scenarios ?? ['a', 'b'];
      if (opts.baselines.has('wc2') && clusterIds.length) {
        const cluster = await track(
          startGatewayProcess({ role: 'gateway WEB_CONCURRENCY=2', sandboxUrl: sandbox.baseUrl, env: { WEB_CONCURRENCY: '2' } }),
        );
        try {
          await checkScenarios(cluster, sandbox, clusterIds);
          await warmProcess(cluster, clusterIds, opts);
          for (const id of clusterIds)
            await measure(gatewayTarget('gateway-wc2', cluster, id), sandbox, latencyMs, opts.connections, 'secondary', opts);
        } finally {
          await stop(cluster);
        }
      }
      if (opts.baselines.has('wc2redis') && clusterIds.length) {
        // Two workers sharing the tenant cache through Redis, as replicas would: compare with the one-process rows.
        const redis = await startRedisServer();
        const replicas = await track(
          startGatewayProcess({
            role: 'gateway WEB_CONCURRENCY=2 + Redis',
            sandboxUrl: sandbox.baseUrl,
            env: { WEB_CONCURRENCY: '2', REDIS_URL: redis.url },
          }),
        );
        try {
          await checkScenarios(replicas, sandbox, clusterIds);
          await warmProcess(replicas, clusterIds, opts);
          for (const id of clusterIds)
            await measure(gatewayTarget('gateway-wc2-redis', replicas, id), sandbox, latencyMs, opts.connections, 'secondary', opts);
        } finally {
          await stop(replicas);
          await redis.stop();
        }
      }
    }
  } finally {
    await stop(sandbox);
  }
}

// ---------------------------------------------------------------- main

function gitCommit(): string {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    return dirty ? `${sha} + uncommitted changes in src/` : sha;
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<number> {
  let opts: Options | 'help';
  try {
    opts = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  if (opts === 'help') {
    console.log(USAGE);
    return 0;
  }
  console.log(
    `[bench] latencies ${opts.latencies.join(',')} ms; ${opts.durationSec} s headline / ${opts.secondarySec} s other / ${opts.baselineSec} s REST / ${opts.latencyRunSec} s latency runs; ` +
      `warm-up ${opts.warmupSec} s per run, ${opts.processWarmupSec} s per gateway process; ${opts.connections} conns at 0 ms, ${opts.latencyConnections.join('/')} at > 0 ms`,
  );

  buildGateway();
  const processBaselineLatency = opts.latencies.find((l) => l === 0);
  for (const latency of opts.latencies) await phase(latency, opts, latency === processBaselineLatency);

  computeRatios(records);
  const autocannonVersion = (createRequire(import.meta.url)('autocannon/package.json') as { version: string }).version;
  const results: Results = {
    meta: {
      date: new Date().toISOString(),
      node: process.version,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
      platform: `${os.type()} ${os.release()} ${os.arch()}`,
      memoryGb: os.totalmem() / 2 ** 30,
      gitCommit: gitCommit(),
      autocannon: autocannonVersion,
      options: {
        duration: opts.durationSec,
        secondary: opts.secondarySec,
        restBaselines: opts.baselineSec,
        latencyRuns: opts.latencyRunSec,
        warmup: opts.warmupSec,
        processWarmup: opts.processWarmupSec,
        connections: opts.connections,
        latencyConnections: opts.latencyConnections,
        latencies: opts.latencies,
        scenarios: opts.scenarios ?? 'default',
        baselines: [...opts.baselines],
        quick: opts.quick,
      },
      wallTimeSec: (Date.now() - started) / 1000,
    },
    runs: records,
    targets: evaluateTargets(records),
    processes: spawned.map((child) => ({ role: child.role, pid: child.pid, port: child.port, exitCode: exitCodes.get(child) ?? null })),
  };

  console.log('\n[bench] targets:');
  for (const t of results.targets)
    console.log(`  ${t.met === null ? '–' : t.met ? 'MET  ' : 'MISSED'} ${t.name}: ${t.actual} (wanted ${t.target})`);
  if (opts.write) {
    const { markdown, json } = writeResults(opts.outDir, results);
    console.log(`[bench] wrote ${markdown} and ${json}`);
  }
  console.log(`[bench] done in ${results.meta.wallTimeSec.toFixed(1)} s`);
  return 0;
}

process.on('exit', killAllChildren);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`[bench] ${signal}: stopping the child processes`);
    killAllChildren();
    process.exit(130);
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('[bench] FAILED:', error instanceof Error ? error.message : error);
    killAllChildren();
    process.exit(1);
  },
);
