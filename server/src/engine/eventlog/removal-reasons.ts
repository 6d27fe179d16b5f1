// Removal reasons Spark logs when the driver itself let an executor go: "Executor killed by driver." (YARN,
// standalone), Kubernetes' "deleted by a user or the framework", YARN's "exited from explicit termination request".
const DRIVER_REMOVAL = /killed by driver|deleted by a user or the framework|exited from explicit termination request/i;

export function isDriverRemoval(reason: string): boolean {
  return DRIVER_REMOVAL.test(reason);
}
