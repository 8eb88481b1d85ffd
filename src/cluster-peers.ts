import cluster, { type Worker } from 'node:cluster';
import { randomUUID } from 'node:crypto';
import type { Invalidation } from './upstream/redis-tenant-tier.ts';
import type { Peers } from './upstream/tenant-cache.ts';

/**
 * Tenant-cache invalidations between the workers of one host (WEB_CONCURRENCY > 1),
 * through the primary: a worker's change is relayed to every other worker, each
 * applies it and acknowledges, and the worker that made it hears "applied" once
 * all have; so a rename is seen by every worker before its mutation answers.
 */
type PeerMessage =
  | { peers: 'broadcast'; id: string; change: Invalidation; wait: boolean }
  | { peers: 'change'; id: string; change: Invalidation }
  | { peers: 'ack'; id: string }
  | { peers: 'applied'; id: string };

const isPeerMessage = (message: unknown): message is PeerMessage =>
  typeof message === 'object' && message !== null && typeof (message as { peers?: unknown }).peers === 'string';

/** A worker's side; undefined outside a cluster worker. `waitMs` bounds the wait for a dead or slow worker. */
export function clusterPeers(apply: (change: Invalidation) => void, waitMs = 500): Peers | undefined {
  if (!cluster.isWorker || !process.send) return undefined;
  const send = (message: PeerMessage) => process.send?.(message);
  const waiting = new Map<string, () => void>();
  process.on('message', (message: unknown) => {
    if (!isPeerMessage(message)) return;
    if (message.peers === 'applied') waiting.get(message.id)?.();
    if (message.peers === 'change') {
      apply(message.change);
      send({ peers: 'ack', id: message.id });
    }
  });
  return {
    drop: (tenantUid) =>
      new Promise<void>((resolve) => {
        const id = randomUUID();
        const done = () => {
          clearTimeout(timer);
          waiting.delete(id);
          resolve();
        };
        const timer = setTimeout(done, waitMs);
        waiting.set(id, done);
        send({ peers: 'broadcast', id, change: { kind: 'drop', tenantUid }, wait: true });
      }),
    forget: (caller, tenantUid) =>
      send({ peers: 'broadcast', id: randomUUID(), change: { kind: 'forget', caller, tenantUid }, wait: false }),
  };
}

/** The primary's side: relays each worker's change to the others and reports when all have applied it. */
export function relayPeerChanges(): void {
  const pending = new Map<string, { origin: Worker; left: number }>();
  cluster.on('message', (origin: Worker, message: unknown) => {
    if (!isPeerMessage(message)) return;
    if (message.peers === 'broadcast') {
      const others = Object.values(cluster.workers ?? {}).filter(
        (worker): worker is Worker => !!worker && worker !== origin && worker.isConnected(),
      );
      if (message.wait) {
        if (others.length === 0) origin.send({ peers: 'applied', id: message.id });
        else pending.set(message.id, { origin, left: others.length });
      }
      for (const worker of others) worker.send({ peers: 'change', id: message.id, change: message.change });
    }
    if (message.peers === 'ack') {
      const waiting = pending.get(message.id);
      if (!waiting || --waiting.left > 0) return;
      pending.delete(message.id);
      if (waiting.origin.isConnected()) waiting.origin.send({ peers: 'applied', id: message.id });
    }
  });
}
