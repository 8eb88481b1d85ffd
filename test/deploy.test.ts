import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { loadConfig } from '../src/config.ts';
import { startTestGateway, type TestGateway } from './helpers/gateway.ts';

/**
 * No cluster and no Docker engine here: this keeps the Dockerfile and deploy/kubernetes/ honest
 * against the code instead (the environment, the routes, the port, the shutdown timing, the bench).
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MANIFESTS = join(ROOT, 'deploy/kubernetes');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const { scripts } = JSON.parse(read('package.json')) as { scripts: Record<string, string> };

type Labels = Record<string, string>;
interface Probe {
  httpGet: { path: string; port: string };
}
interface Container {
  name: string;
  ports: { name: string; containerPort: number }[];
  env?: { name: string; value?: string }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  readinessProbe: Probe;
  livenessProbe: Probe;
  lifecycle: { preStop: { exec: { command: string[] } } };
  resources: { requests: { cpu: string; memory: string }; limits: { memory: string } };
  securityContext: { allowPrivilegeEscalation: boolean; readOnlyRootFilesystem: boolean };
}
interface Manifest {
  kind: string;
  metadata: { name: string };
  data?: Record<string, string>;
  stringData?: Record<string, string>;
  spec: {
    selector: Labels | { matchLabels: Labels };
    ports: { port: number; targetPort: string }[];
    scaleTargetRef: { kind: string; name: string };
    minReplicas: number;
    template: {
      metadata: { labels: Labels };
      spec: { terminationGracePeriodSeconds: number; securityContext: { runAsNonRoot: boolean }; containers: Container[] };
    };
  };
}

function parseYaml(file: string): unknown[] {
  return parseAllDocuments(readFileSync(join(MANIFESTS, file), 'utf8')).map((document) => {
    if (document.errors.length > 0) throw new Error(`${file}: ${document.errors.map((error) => error.message).join('; ')}`);
    return document.toJS() as unknown;
  });
}

const kustomization = parseYaml('kustomization.yaml')[0] as { resources: string[] };
const manifests = kustomization.resources.flatMap(parseYaml) as Manifest[];
/** Created by hand from this example, never applied with the rest (it would overwrite the real key). */
const SECRET_EXAMPLE = 'secret.example.yaml';
const secret = parseYaml(SECRET_EXAMPLE)[0] as Manifest;

function find(kind: string, name: string): Manifest {
  const found = manifests.find((manifest) => manifest.kind === kind && manifest.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name} in deploy/kubernetes`);
  return found;
}

const GATEWAY = 'flowretail-graphql-gateway';
const REDIS = 'flowretail-graphql-gateway-redis';
const deployment = find('Deployment', GATEWAY);
const pod = deployment.spec.template;
const [container] = pod.spec.containers;

/** Kubernetes memory quantities as MiB (only the binary suffixes are used here). */
function mebibytes(quantity: string): number {
  const match = /^(\d+)(Mi|Gi)$/.exec(quantity);
  if (!match) throw new Error(`unexpected memory quantity ${quantity}`);
  return Number(match[1]) * (match[2] === 'Gi' ? 1024 : 1);
}

const matches = (selector: Labels, labels: Labels) => Object.entries(selector).every(([key, value]) => labels[key] === value);

/** The Dockerfile's instructions by stage, comments dropped and continuation lines joined. */
function dockerStages(): { from: string; instructions: { keyword: string; args: string }[] }[] {
  const lines = read('Dockerfile')
    .replace(/\\\n\s*/g, '')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'));
  const stages: ReturnType<typeof dockerStages> = [];
  for (const line of lines) {
    const [, keyword, args] = /^(\w+)\s+(.*)$/.exec(line)!;
    if (keyword === 'FROM') stages.push({ from: args, instructions: [] });
    else stages.at(-1)!.instructions.push({ keyword, args });
  }
  return stages;
}

const stages = dockerStages();
const [build, runtime] = stages;
const runtimeArgs = (keyword: string) => runtime.instructions.filter((i) => i.keyword === keyword).map((i) => i.args);
const imageEnv = Object.fromEntries(runtimeArgs('ENV').map((args) => args.split('=') as [string, string]));

/** The container's environment as the pod sees it: the image's ENV, then envFrom, then env. */
function containerEnv(): Record<string, string> {
  const fromRefs = (container.envFrom ?? []).map((source) => {
    if (source.configMapRef) return find('ConfigMap', source.configMapRef.name).data ?? {};
    if (source.secretRef?.name !== secret.metadata.name) throw new Error(`the pod reads a Secret that ${SECRET_EXAMPLE} does not describe`);
    return secret.stringData ?? {};
  });
  const literal = Object.fromEntries((container.env ?? []).map(({ name, value }) => [name, value ?? '']));
  return Object.assign({}, imageEnv, ...fromRefs, literal) as Record<string, string>;
}

const env = containerEnv();
const config = loadConfig(env);

describe('deploy/kubernetes', () => {
  it('lists every manifest of the folder in kustomization.yaml, but the Secret, which is created by hand', () => {
    const files = readdirSync(MANIFESTS).filter((file) => file.endsWith('.yaml') && !['kustomization.yaml', SECRET_EXAMPLE].includes(file));
    expect([...kustomization.resources].sort()).toEqual(files.sort());
    expect(manifests.map((manifest) => manifest.kind).sort()).toEqual(
      ['ConfigMap', 'Deployment', 'Deployment', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'Service', 'Service'].sort(),
    );
    expect(secret.kind).toBe('Secret');
  });

  it('gives the gateway an environment src/config.ts knows and accepts, for production on a real upstream', () => {
    // loadConfig keeps only the variables its schema has, so a misspelt one would be missing from its result.
    expect(Object.keys(env).filter((name) => !(name in config))).toEqual([]);
    expect(Object.entries(env).filter(([, value]) => value === '')).toEqual([]);
    expect(config).toMatchObject({ NODE_ENV: 'production', WEB_CONCURRENCY: 1, GRAPHIQL: false, INTROSPECTION: false });
    // A FLOW_API_URL means the embedded sandbox never starts in the cluster.
    expect(config.FLOW_API_URL).toMatch(/^https:\/\//);
    expect(config.CACHE_KEY_SECRET).toBeDefined();
  });

  it('points REDIS_URL at the reference Redis Service, which selects the Redis pods', () => {
    const url = new URL(config.REDIS_URL!);
    const service = find('Service', REDIS);
    const redis = find('Deployment', REDIS);
    expect(url.hostname).toBe(REDIS);
    expect(service.spec.ports.map((port) => port.port)).toEqual([Number(url.port)]);
    expect(matches(service.spec.selector as Labels, redis.spec.template.metadata.labels)).toBe(true);
    const portNames = redis.spec.template.spec.containers[0].ports.map((port) => port.name);
    expect(portNames).toContain(service.spec.ports[0].targetPort);
  });

  it('routes the Service, the autoscaler and the disruption budget to the gateway pods', () => {
    const service = find('Service', GATEWAY);
    expect(matches(service.spec.selector as Labels, pod.metadata.labels)).toBe(true);
    expect(service.spec.ports).toEqual([{ name: 'http', port: 80, targetPort: 'http' }]);
    const selectors = [find('PodDisruptionBudget', GATEWAY), deployment].map(
      (m) => (m.spec.selector as { matchLabels: Labels }).matchLabels,
    );
    for (const selector of selectors) expect(matches(selector, pod.metadata.labels)).toBe(true);
    const hpa = find('HorizontalPodAutoscaler', GATEWAY);
    expect(hpa.spec.scaleTargetRef).toMatchObject({ kind: 'Deployment', name: GATEWAY });
    // One pod may be drained (PodDisruptionBudget maxUnavailable 1) while another serves.
    expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
  });

  it('listens on the port the container declares, the Dockerfile exposes and the probes use', () => {
    expect(container.ports).toEqual([{ name: 'http', containerPort: config.PORT }]);
    expect(runtimeArgs('EXPOSE')).toEqual([String(config.PORT)]);
    expect([container.readinessProbe.httpGet.port, container.livenessProbe.httpGet.port]).toEqual(['http', 'http']);
  });

  it('lets the drain finish before the grace period ends: preStop sleep + SHUTDOWN_TIMEOUT_MS < terminationGracePeriodSeconds', () => {
    const [command, seconds] = container.lifecycle.preStop.exec.command;
    expect(command).toBe('sleep');
    const preStopMs = Number(seconds) * 1000;
    expect(preStopMs).toBeGreaterThan(0);
    expect(pod.spec.terminationGracePeriodSeconds * 1000).toBeGreaterThan(preStopMs + config.SHUTDOWN_TIMEOUT_MS);
  });

  it('sizes the memory limit from the benchmark: at least 1.5 × the peak RSS of one gateway process', () => {
    const bench = JSON.parse(read('bench/results.json')) as { runs: { kind: string; peakProcessRssMb: number }[] };
    // The shipped gateway's runs (the same rows as the RESULTS.md target "Peak RSS of a gateway process"), in MiB.
    const peak = Math.max(...bench.runs.filter((run) => run.kind === 'gateway').map((run) => run.peakProcessRssMb));
    expect(peak).toBeGreaterThan(100);
    const { requests, limits } = container.resources;
    expect(mebibytes(limits.memory)).toBeGreaterThanOrEqual(1.5 * peak);
    expect(mebibytes(requests.memory)).toBeGreaterThanOrEqual(peak);
    expect(mebibytes(requests.memory)).toBeLessThanOrEqual(mebibytes(limits.memory));
  });

  it('runs every pod as non-root on a read-only root filesystem', () => {
    for (const name of [GATEWAY, REDIS]) {
      const spec = find('Deployment', name).spec.template.spec;
      expect(spec.securityContext.runAsNonRoot).toBe(true);
      for (const { securityContext } of spec.containers)
        expect(securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true });
    }
  });
});

describe('the probes and the image healthcheck', () => {
  let gw: TestGateway;
  let down: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway();
    // Nothing listens on port 1: the upstream is down.
    down = await startTestGateway({ upstreamUrl: 'http://127.0.0.1:1/v2', env: { READY_CACHE_MS: '0' } });
  });
  afterAll(async () => {
    await gw.close();
    await down.close();
  });

  const healthcheckPath = /'(\/[\w-]+)'\)/.exec(runtimeArgs('HEALTHCHECK')[0])?.[1];

  it('are real routes: the liveness probe and the healthcheck answer 200, the readiness probe JSON', async () => {
    expect(healthcheckPath).toBe(container.livenessProbe.httpGet.path);
    expect((await fetch(gw.origin + container.livenessProbe.httpGet.path)).status).toBe(200);
    const ready = await fetch(gw.origin + container.readinessProbe.httpGet.path);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true });
  });

  it('keep an upstream outage from restarting pods: not ready, still alive', async () => {
    expect((await fetch(down.origin + container.readinessProbe.httpGet.path)).status).toBe(503);
    expect((await fetch(down.origin + container.livenessProbe.httpGet.path)).status).toBe(200);
  });
});

describe('Dockerfile', () => {
  it('builds in a stage with the dev dependencies and runs from a second one on the same base image', () => {
    expect(stages.map((stage) => stage.from)).toEqual(['node:20-bookworm-slim AS build', 'node:20-bookworm-slim AS runtime']);
    const runs = build.instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args);
    expect(runs.some((run) => / npm ci( |$)/.test(run) && !run.includes('--omit=dev'))).toBe(true);
    expect(runs).toContain('npm run build');
  });

  it('copies from the build context only what .dockerignore lets in', () => {
    const [first, ...allowed] = read('.dockerignore')
      .split('\n')
      .filter((line) => line && !line.startsWith('#'));
    expect(first).toBe('*');
    const copied = stages.flatMap((stage) =>
      stage.instructions
        .filter((i) => i.keyword === 'COPY' && !i.args.startsWith('--from'))
        .flatMap((i) => i.args.split(/\s+/).slice(0, -1)),
    );
    expect([...new Set(copied)].sort()).toEqual(allowed.map((line) => line.replace(/^!/, '').replace(/\/$/, '')).sort());
  });

  it('runs with production dependencies only, the compiled dist/ and the spec inside it, the trusted-documents manifest, as a non-root user', () => {
    expect(imageEnv).toEqual({ NODE_ENV: 'production' });
    expect(runtimeArgs('RUN')).toEqual([expect.stringMatching(/ npm ci --omit=dev /)]);
    expect(runtimeArgs('COPY')).toEqual([
      'package.json package-lock.json ./',
      '--from=build /app/dist ./dist',
      `${config.TRUSTED_DOCUMENTS_MANIFEST} ./${config.TRUSTED_DOCUMENTS_MANIFEST}`,
    ]);
    // `npm run build` copies openapi/ into dist/, where the compiled src/spec/openapi.js resolves the spec.
    expect(scripts.build).toContain("cpSync('openapi', 'dist/openapi'");
    const specUrl = /new URL\('([^']+)', import\.meta\.url\)/.exec(read('src/spec/openapi.ts'))![1];
    const compiled = pathToFileURL(join(ROOT, 'dist/src/spec/openapi.js'));
    expect(fileURLToPath(new URL(specUrl, compiled))).toBe(join(ROOT, 'dist/openapi/flowretail-v2.json'));
    const [user] = runtimeArgs('USER');
    expect(user).toMatch(/^[1-9]\d*(:\d+)?$/);
  });

  it('starts node itself in exec form, with the command `npm start` runs after building', () => {
    const [cmd] = runtimeArgs('CMD');
    const argv = JSON.parse(cmd) as string[];
    expect(argv).toEqual(scripts.start.split('&&').at(-1)!.trim().split(/\s+/));
    expect(argv[0]).toBe('node');
  });
});
