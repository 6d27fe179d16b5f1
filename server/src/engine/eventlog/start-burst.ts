// Executors the cluster started beyond anything the application's tasks could ask for. Spark's allocation manager
// never targets more executors than it has tasks pending or running (one task per executor at the very least), so
// when more executors register, before any leaves, than the most tasks the log had pending or running up to then,
// something outside the logged configuration asked for them: a platform default for the initial executor count, say.
// A replay that asked only for what the configuration says would start that many fewer (calibrate.ts and
// replay-simulation.ts use the count as the initial executors instead). Pure: the collector is already filled.
import { PENDING_BUCKET_MS, type EventCollector } from './collect';
import type { ObservedExecutor, StartBurst } from './types';

/** Tasks pending or running, as steps: from `fromMs` (epoch) on, `tasks` of them (100 ms buckets). */
function demandSteps(c: EventCollector): { fromMs: number; tasks: number }[] {
  const buckets = [...new Set([...c.pendingDelta.keys(), ...c.busyDelta.keys()])].sort((a, b) => a - b);
  const steps: { fromMs: number; tasks: number }[] = [];
  let pending = 0;
  let busy = 0;
  for (const b of buckets) {
    // A retried task is launched again without a new submission: never count below zero.
    pending = Math.max(0, pending + (c.pendingDelta.get(b) ?? 0));
    busy = Math.max(0, busy + (c.busyDelta.get(b) ?? 0));
    steps.push({ fromMs: b * PENDING_BUCKET_MS, tasks: pending + busy });
  }
  return steps;
}

/**
 * The most executors that had registered, before the first removal, while the log had never had as many tasks
 * pending or running (counting the 100 ms bucket of the registration itself); undefined when every registration is
 * covered by the tasks.
 */
export function startBurst(
  c: EventCollector,
  executors: readonly ObservedExecutor[],
  originMs: number,
): StartBurst | undefined {
  const steps = demandSteps(c);
  let firstRemoval = Infinity;
  for (const e of executors) if (e.removedAt !== undefined && e.removedAt < firstRemoval) firstRemoval = e.removedAt;
  const byArrival = [...executors].sort((a, b) => a.addedAt - b.addedAt);
  let burst: StartBurst | undefined;
  let mostTasks = 0;
  let step = 0;
  for (const [i, e] of byArrival.entries()) {
    if (e.addedAt >= firstRemoval) break;
    const addedMs = originMs + e.addedAt * 1000;
    const bucketEndMs = (Math.floor(addedMs / PENDING_BUCKET_MS) + 1) * PENDING_BUCKET_MS;
    while (step < steps.length && steps[step].fromMs < bucketEndMs)
      mostTasks = Math.max(mostTasks, steps[step++].tasks);
    if (i + 1 > mostTasks) burst = { executors: i + 1, at: e.addedAt, mostTasks };
  }
  return burst;
}
