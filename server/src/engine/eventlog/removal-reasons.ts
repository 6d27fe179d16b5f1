// Removal reasons Spark logs when the driver itself let an executor go: "Executor killed by driver." (YARN,
// standalone), Kubernetes' "deleted by a user or the framework", YARN's "exited from explicit termination request";
// and the ones that say the executor's own process failed (a non-zero exit, a memory limit), as opposed to the node or
// the cluster taking it away.
const DRIVER_REMOVAL = /killed by driver|deleted by a user or the framework|exited from explicit termination request/i;

export function isDriverRemoval(reason: string): boolean {
  return DRIVER_REMOVAL.test(reason);
}

/**
 * The executor's own process failed: YARN's "Container marked as failed … Exit status: 56" and "killed by YARN for
 * exceeding … memory limits", Kubernetes' "exited with exit code 137 … OOM", a JVM out of memory. Such a failure comes
 * with the executor's work, so it recurs as long after the start as it did; a lost node or a decommission does not.
 * YARN's negative exit statuses are its own verdicts: only −103 and −104 (memory limits) are the executor's; −100
 * (released, node lost) and −102 (preempted) are not.
 */
const OWN_FAILURE =
  /exit (status|code):? *([1-9]|-10[34]\b)|exceeding [a-z ]*memory limits|\bOOM(killed)?\b|out of memory/i;

export function isOwnFailure(reason: string): boolean {
  return OWN_FAILURE.test(reason);
}
