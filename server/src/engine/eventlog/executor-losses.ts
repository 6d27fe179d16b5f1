// Executors the log shows lost (any removal the driver did not ask for: process lost, killed by the cluster,
// decommissioned, failed), as losses the simulator replays: at the logged time, or, when the executor's own process
// failed (removal-reasons.ts), as long after its registration as in the log, since such a failure comes with the
// executor's work and not with the clock. The simulation's executors have their own ids, so an executor is named by its
// registration order: the k-th to register in the log is the k-th to register in the simulation.
import type { ExecutorLoss } from '../simulator/cluster-sim';
import { isDriverRemoval, isOwnFailure } from './removal-reasons';
import type { ObservedExecutor } from './types';

/** True when the log shows the executor removed for a reason other than the driver's own kill. */
export function wasLost(e: ObservedExecutor): boolean {
  return e.removedAt !== undefined && e.reason !== undefined && !isDriverRemoval(e.reason);
}

export function executorLosses(executors: readonly ObservedExecutor[]): ExecutorLoss[] {
  const byRegistration = executors
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.addedAt - b.e.addedAt || a.i - b.i)
    .map((x) => x.e);
  const losses: ExecutorLoss[] = [];
  byRegistration.forEach((e, k) => {
    if (!wasLost(e)) return;
    const removedAt = e.removedAt as number;
    const loss: ExecutorLoss = { atMs: Math.round(removedAt * 1000), ordinal: k + 1 };
    if (isOwnFailure(e.reason as string)) loss.afterRegistrationMs = Math.round((removedAt - e.addedAt) * 1000);
    losses.push(loss);
  });
  return losses.sort((a, b) => a.atMs - b.atMs || a.ordinal - b.ordinal);
}
