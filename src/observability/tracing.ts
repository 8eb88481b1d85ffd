/**
 * Whether this process traces, and its start and stop. Nothing of the OpenTelemetry SDK is
 * imported here: `tracing-sdk.ts` is loaded only when an endpoint is set, so a process
 * without one loads none of it and installs no tracing hook (see createGateway).
 */

/** The OTEL_* settings tracing reads (validated in src/config.ts; the Config satisfies this). */
export interface TracingSettings {
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?: string;
  OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf' | 'http/json';
  /** Wins over a service.name in OTEL_RESOURCE_ATTRIBUTES; without either, the service is TRACER_NAME. */
  OTEL_SERVICE_NAME?: string;
  OTEL_BSP_SCHEDULE_DELAY: number;
  OTEL_SDK_DISABLED: boolean;
}

/** The instrumentation scope of the gateway's spans. */
export const TRACER_NAME = 'flowretail-graphql-gateway';

/** Where spans go: the traces endpoint as given, else `/v1/traces` under the base endpoint (as the SDK's exporters resolve them). */
export function tracesUrl(settings: TracingSettings): string | undefined {
  if (settings.OTEL_SDK_DISABLED) return undefined;
  const base = settings.OTEL_EXPORTER_OTLP_ENDPOINT;
  return settings.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? (base === undefined ? undefined : `${base.replace(/\/+$/, '')}/v1/traces`);
}

let stop: (() => Promise<void>) | undefined;

/** Starts the SDK (once per process: its globals can be set only once) when an endpoint is set. */
export async function startTracing(settings: TracingSettings): Promise<void> {
  const url = tracesUrl(settings);
  if (url === undefined || stop) return;
  const { registerTracerProvider } = await import('./tracing-sdk.ts');
  stop = await registerTracerProvider(settings, url);
}

/** True once startTracing has registered the SDK in this process. */
export function tracingStarted(): boolean {
  return stop !== undefined;
}

/** How long shutdown waits for the last export: a collector that does not answer must not hold the exit. */
const STOP_TIMEOUT_MS = 2_000;

/** Ends tracing: exports the spans still queued (on shutdown, before the process exits), for at most STOP_TIMEOUT_MS. */
export async function stopTracing(): Promise<void> {
  if (!stop) return;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, STOP_TIMEOUT_MS)));
  await Promise.race([stop().catch(() => undefined), timeout]);
  clearTimeout(timer);
}
