import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { defaultResource, detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { TRACER_NAME, type TracingSettings } from './tracing.ts';

/**
 * The OpenTelemetry SDK, loaded only by startTracing. Registers, for this process, a tracer
 * provider that batches spans to an OTLP/HTTP exporter, the AsyncLocalStorage context manager
 * (so an upstream call made deep in a resolver finds its operation's span) and the W3C
 * trace-context propagator. Returns what flushes and stops it.
 */
export async function registerTracerProvider(settings: TracingSettings, url: string): Promise<() => Promise<void>> {
  // The exporters themselves ignore OTEL_EXPORTER_OTLP_PROTOCOL: each speaks one encoding.
  // Only the chosen one is loaded.
  const { OTLPTraceExporter } =
    settings.OTEL_EXPORTER_OTLP_PROTOCOL === 'http/json'
      ? await import('@opentelemetry/exporter-trace-otlp-http')
      : await import('@opentelemetry/exporter-trace-otlp-proto');
  const provider = new BasicTracerProvider({
    // As the OpenTelemetry spec orders them: OTEL_SERVICE_NAME, else a service.name in OTEL_RESOURCE_ATTRIBUTES
    // (envDetector), else ours, never the SDK's unknown_service.
    resource: defaultResource()
      .merge(resourceFromAttributes({ 'service.name': TRACER_NAME }))
      .merge(detectResources({ detectors: [envDetector] }))
      .merge(settings.OTEL_SERVICE_NAME ? resourceFromAttributes({ 'service.name': settings.OTEL_SERVICE_NAME }) : null),
    // Headers, timeout, compression, the sampler and the other OTEL_BSP_* settings are read from the environment by the SDK.
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url }), { scheduledDelayMillis: settings.OTEL_BSP_SCHEDULE_DELAY })],
  });
  trace.setGlobalTracerProvider(provider);
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  return () => provider.shutdown();
}
