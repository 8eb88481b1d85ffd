import { Counter, type Registry } from 'prom-client';
import type { Logger } from './logger.ts';
import type { DriftEvent } from '../upstream/conformance.ts';

/** The label every field beyond the bounded set gets (extra properties are named by the upstream, not the spec). */
const OTHER_FIELD = 'other';

/**
 * Makes upstream drift visible without flooding: a counter per (operation,
 * field, kind) and one warning line per distinct (operation, field, kind,
 * value), never one per request. Neither holds user data: fields are paths
 * with list indices as `*`, and only unknown enum values are shown.
 */
export class DriftRecorder {
  private readonly counter: Counter<'operation' | 'field' | 'kind'>;
  private readonly series = new Set<string>();
  private readonly logged = new Set<string>();

  constructor(
    registry: Registry,
    private readonly logger: Logger,
    private readonly maxSeries = 500,
    private readonly maxLogged = 1_000,
  ) {
    this.counter = new Counter({
      name: 'gateway_upstream_drift_total',
      help: 'Values in upstream answers that depart from the spec (unknown enum values, nulls, missing or extra fields), by REST operation, field and kind.',
      labelNames: ['operation', 'field', 'kind'],
      registers: [registry],
    });
  }

  record(events: readonly DriftEvent[]): void {
    for (const event of events) {
      const series = `${event.operationId} ${event.field} ${event.kind}`;
      if (!this.series.has(series) && this.series.size < this.maxSeries) this.series.add(series);
      const field = this.series.has(series) ? event.field : OTHER_FIELD;
      this.counter.inc({ operation: event.operationId, field, kind: event.kind });
      const line = `${series} ${event.value ?? ''}`;
      if (this.logged.has(line) || this.logged.size >= this.maxLogged) continue;
      this.logged.add(line);
      this.logger.warn({ operation: event.operationId, field, kind: event.kind, value: event.value }, 'upstream drift');
    }
  }
}
