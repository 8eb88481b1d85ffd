/**
 * CPU-profiles the gateway under load on one scenario:
 *
 *   npx tsx bench/profile.ts --scenario a [--duration 10] [--connections 10] [--latency 0] [--dir /tmp/prof] [--env K=V,...]
 *
 * Starts the sandbox and `node --cpu-prof --cpu-prof-dir=<dir> --import tsx src/main.ts`, checks the
 * scenario, warms up for 1 s, loads it with autocannon, stops the gateway with SIGTERM (it exits 0
 * and writes the profile) and prints bench/profile-summary.ts's summary of the load window.
 */
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runLoad } from './lib/load.ts';
import { buildGateway, killAllChildren, startGatewayProcess, startSandboxProcess, type Child } from './lib/processes.ts';
import { checkRequest, graphqlRequest, SCENARIO_IDS, SCENARIOS, type ScenarioId } from './lib/scenarios.ts';
import { formatSummary, summarize, type CpuProfile } from './profile-summary.ts';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

async function main(): Promise<number> {
  const id = option('--scenario', 'a') as ScenarioId;
  if (!SCENARIO_IDS.includes(id)) throw new Error(`--scenario: one of ${SCENARIO_IDS.join(', ')}`);
  const durationSec = Number(option('--duration', '10'));
  const connections = Number(option('--connections', '10'));
  const latencyMs = Number(option('--latency', '0'));
  const dir = resolve(option('--dir', '/tmp/prof'));
  const env = Object.fromEntries(
    option('--env', '')
      .split(',')
      .filter(Boolean)
      .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
  );
  mkdirSync(dir, { recursive: true });
  const before = new Set(readdirSync(dir));

  const scenario = SCENARIOS[id];
  const request = graphqlRequest(scenario.file, scenario.variables);
  buildGateway();
  const sandbox = await startSandboxProcess(latencyMs);
  let gateway: Child | undefined;
  try {
    gateway = await startGatewayProcess({
      role: 'gateway (profiled)',
      sandboxUrl: sandbox.baseUrl,
      env,
      nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`],
    });
    await checkRequest(gateway.origin, request, scenario.label, true);
    await runLoad({ origin: gateway.origin, requests: [request], connections, durationSec: 1, graphql: true });
    const loadStart = performance.now();
    const load = await runLoad({ origin: gateway.origin, requests: [request], connections, durationSec, graphql: true });
    console.log(
      `${scenario.label}: ${load.rps.toFixed(0)} rps, p50 ${load.latencyMs.p50.toFixed(2)} ms, p99 ${load.latencyMs.p99.toFixed(2)} ms, ` +
        `errors ${load.errors + load.non2xx + load.graphqlErrors} (under --cpu-prof: slower than unprofiled)`,
    );
    const code = await gateway.stop();
    const windowMs = performance.now() - loadStart;
    if (code !== 0) throw new Error(`the gateway exited with ${code} after SIGTERM:\n${gateway.output()}`);
    // One profile per thread (tsx's loader hooks run on their own): the main thread's is <pid>.0.
    const written = readdirSync(dir).filter(
      (name) => name.endsWith('.cpuprofile') && !before.has(name) && name.includes(`.${gateway!.pid}.0.`),
    );
    if (written.length === 0) throw new Error(`no new main-thread .cpuprofile of pid ${gateway.pid} in ${dir}`);
    const file = written.map((name) => join(dir, name)).sort((x, y) => statSync(y).mtimeMs - statSync(x).mtimeMs)[0];
    console.log(`profile: ${file} (summary of the last ${(windowMs / 1000).toFixed(1)} s: the load and the shutdown)\n`);
    const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
    console.log(formatSummary(summarize(profile, windowMs), Number(option('--top', '25'))));
    return 0;
  } finally {
    await gateway?.stop();
    await sandbox.stop();
  }
}

process.on('exit', killAllChildren);
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('[profile] FAILED:', error instanceof Error ? error.message : error);
    killAllChildren();
    process.exit(1);
  },
);
