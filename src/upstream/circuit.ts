import CircuitBreaker from 'opossum';
import { isUpstreamFailure, UpstreamError } from './errors.ts';
import type { OperationId } from '../spec/operations.ts';

export interface CircuitOptions {
  /** Failure percentage over the rolling window that opens the circuit. */
  errorThresholdPercentage?: number;
  /** Calls in the window before the percentage counts. */
  volumeThreshold?: number;
  /** How long the circuit stays open before one trial call (half-open). */
  resetTimeoutMs?: number;
  /** Length of the rolling window. */
  windowMs?: number;
}

export type CircuitState = 'closed' | 'open' | 'half-open';

/**
 * One breaker per upstream (opossum): when most recent calls fail, further
 * calls fail fast as `unavailable` instead of piling up sockets; after
 * `resetTimeoutMs` one trial call decides whether to close it again.
 */
export class UpstreamCircuit {
  private readonly breaker: CircuitBreaker<[() => Promise<unknown>], unknown>;

  constructor(options: CircuitOptions = {}) {
    this.breaker = new CircuitBreaker((action: () => Promise<unknown>) => action(), {
      timeout: false, // the client's own timeouts apply
      errorThresholdPercentage: options.errorThresholdPercentage ?? 50,
      volumeThreshold: options.volumeThreshold ?? 10,
      resetTimeout: options.resetTimeoutMs ?? 5_000,
      rollingCountTimeout: options.windowMs ?? 10_000,
      errorFilter: (error: unknown) => !isUpstreamFailure(error),
    });
  }

  get state(): CircuitState {
    if (this.breaker.opened) return 'open';
    if (this.breaker.halfOpen) return 'half-open';
    return 'closed';
  }

  async run<T>(operationId: OperationId, action: () => Promise<T>): Promise<T> {
    try {
      return (await this.breaker.fire(action)) as T;
    } catch (error) {
      if ((error as { code?: string }).code === 'EOPENBREAKER') {
        throw new UpstreamError('Upstream unavailable: circuit open after repeated failures', {
          kind: 'unavailable',
          operationId,
          code: 'CIRCUIT_OPEN',
        });
      }
      throw error;
    }
  }

  shutdown(): void {
    this.breaker.shutdown();
  }
}
