// Slot-seconds during which tasks waited although executors had free slots: what Spark's locality wait (and any other
// launch delay) cost in the logged run. The simulator launches a task the moment a slot is free, so this is time the
// replay cannot show. Computed on the collector's 100 ms buckets, with slots = floor(usable cores / spark.task.cpus).
// An executor the driver killed is usable only until its idle deadline (Spark offers no task to an executor it is
// removing), not until its removal is logged.
import { resolveAllocationConfig } from '../simulator/config';
import { DEFAULT_SPARK_VERSION, normalizeVersion } from '../version';
import { PENDING_BUCKET_MS, type EventCollector } from './collect';
import { isDriverRemoval } from './removal-reasons';

function usableCores(c: EventCollector): Map<number, number> {
  const alloc = resolveAllocationConfig(c.conf, normalizeVersion(c.sparkVersion ?? '') ?? DEFAULT_SPARK_VERSION);
  const idleMs =
    alloc.enabled && Number.isFinite(alloc.executorIdleTimeoutMs) ? alloc.executorIdleTimeoutMs : undefined;
  const delta = new Map<number, number>();
  const add = (ms: number, d: number): void => {
    const b = Math.floor(ms / PENDING_BUCKET_MS);
    delta.set(b, (delta.get(b) ?? 0) + d);
  };
  for (const e of c.executors) {
    if (e.cores <= 0) continue;
    add(e.addedMs, e.cores);
    if (e.removedMs === undefined) continue;
    let until = e.removedMs;
    if (idleMs !== undefined && e.reason !== undefined && isDriverRemoval(e.reason)) {
      const deadline = Math.max(e.addedMs, e.lastTaskEndMs ?? e.addedMs) + idleMs;
      until = Math.max(e.addedMs, Math.min(until, deadline));
    }
    add(until, -e.cores);
  }
  return delta;
}

export function waitingWithFreeSlots(c: EventCollector): number {
  const taskCpus = Number.parseInt(c.conf['spark.task.cpus'] ?? '1', 10);
  const cpus = Number.isFinite(taskCpus) && taskCpus > 0 ? taskCpus : 1;
  const coresDelta = usableCores(c);
  const keys = new Set<number>([...c.pendingDelta.keys(), ...c.busyDelta.keys(), ...coresDelta.keys()]);
  const buckets = [...keys].sort((a, b) => a - b);
  let pending = 0;
  let busy = 0;
  let cores = 0;
  let slotSeconds = 0;
  for (let i = 0; i < buckets.length; i++) {
    const b = buckets[i];
    pending = Math.max(0, pending + (c.pendingDelta.get(b) ?? 0));
    busy = Math.max(0, busy + (c.busyDelta.get(b) ?? 0));
    cores = Math.max(0, cores + (coresDelta.get(b) ?? 0));
    if (i + 1 === buckets.length) break;
    const free = Math.floor(cores / cpus) - busy;
    if (pending > 0 && free > 0) slotSeconds += Math.min(pending, free) * ((buckets[i + 1] - b) * PENDING_BUCKET_MS);
  }
  return Math.round(slotSeconds) / 1000;
}
