/**
 * The benchmark harness end to end in its tiniest mode: one 1 s run of scenario (a) and of bare yoga
 * at 0 ms, written to a temporary directory (bench/RESULTS.md is left alone). It must exit 0, print a
 * result row with a positive rps, and leave no process or port behind.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, existsSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const outDir = mkdtempSync(join(tmpdir(), 'bench-smoke-'));

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/run.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, NODE_OPTIONS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGINT'), 40_000);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolveRun({ code, stdout, stderr });
    });
  });
}

function refuses(port: number): Promise<boolean> {
  return new Promise((resolveCheck) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolveCheck(false);
    });
    socket.once('error', () => resolveCheck(true));
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('npm run bench (smoke)', () => {
  it('runs scenario (a) for 1 s, prints a row with a positive rps, writes only where told and leaves nothing running', async () => {
    const resultsMd = join(ROOT, 'bench', 'RESULTS.md');
    const before = existsSync(resultsMd) ? statSync(resultsMd).mtimeMs : undefined;

    const { code, stdout, stderr } = await run([
      '--duration',
      '1',
      '--warmup',
      '0.2',
      '--scenarios',
      'a',
      '--latency',
      '0',
      '--connections',
      '4',
      '--baselines',
      'bare',
      '--out-dir',
      outDir,
    ]);
    expect(code, `${stdout}\n${stderr}`).toBe(0);

    const row = /gateway\s+\(a\) me \+ storeAccess\s+rps=\s*([\d.]+)/.exec(stdout);
    expect(row, stdout).not.toBeNull();
    expect(Number(row![1])).toBeGreaterThan(0);
    expect(stdout).toMatch(/bare yoga\s+\{ __typename \}\s+rps=\s*[1-9]/);

    const results = JSON.parse(readFileSync(join(outDir, 'results.json'), 'utf8')) as {
      runs: {
        kind: string;
        scenario: string;
        rps: number;
        errors: number;
        non2xx: number;
        graphqlErrors: number;
        upstreamCallsPerRequest: number | null;
      }[];
      processes: { role: string; pid: number; port: number }[];
    };
    const gateway = results.runs.find((r) => r.kind === 'gateway' && r.scenario === 'a')!;
    expect(gateway.rps).toBeGreaterThan(0);
    expect(gateway.errors + gateway.non2xx + gateway.graphqlErrors).toBe(0);
    expect(gateway.upstreamCallsPerRequest).toBeGreaterThan(0.9);
    expect(readFileSync(join(outDir, 'RESULTS.md'), 'utf8')).toContain('## Sandbox latency 0 ms');
    // bench/RESULTS.md untouched
    expect(existsSync(resultsMd) ? statSync(resultsMd).mtimeMs : undefined).toBe(before);

    // sandbox, gateway and bare yoga: all gone, their ports closed
    expect(results.processes.map((p) => p.role).sort()).toEqual(['bare yoga', 'gateway (0 ms)', 'sandbox (0 ms)']);
    for (const p of results.processes) {
      expect(alive(p.pid), `${p.role} pid ${p.pid} still running`).toBe(false);
      expect(await refuses(p.port), `${p.role} port ${p.port} still accepts connections`).toBe(true);
    }
  }, 45_000);
});
