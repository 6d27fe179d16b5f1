// The YARN allocation thread's intervals for a configuration (spark.yarn.scheduler.*; see container-allocator.ts).
import type { ConfReader } from '../k8s/conf-reader';
import type { YarnAllocatorSettings } from './container-allocator';

/** Half of YARN's default ApplicationMaster expiry interval (120 s): Spark never heartbeats less often than this. */
const MAX_HEARTBEAT_MS = 60_000;

/**
 * Request → grant: YARN's ResourceManager places containers as node managers heartbeat, every second by default
 * (yarn.resourcemanager.nodemanagers.heartbeat-interval-ms); a cluster with room grants within about one heartbeat.
 */
const CONTAINER_GRANT_MS = 1000;

/** Knob: executor containers the YARN cluster can hold at once (wins over the room a replay reads from its log; 0: no limit). */
export const YARN_ROOM_KNOB = 'yarnContainerRoom';

/** `maxContainers`: the cluster's room for executor containers, when known (a replay takes it from the log). */
export function resolveYarnAllocatorSettings(r: ConfReader, maxContainers = Infinity): YarnAllocatorSettings {
  const heartbeatMs = Math.max(
    0,
    Math.min(MAX_HEARTBEAT_MS, r.millis('spark.yarn.scheduler.heartbeat.interval-ms', 3000)),
  );
  const initialMs = r.millis('spark.yarn.scheduler.initial-allocation.interval', 200);
  return {
    heartbeatMs,
    initialAllocationMs: Math.max(0, Math.min(heartbeatMs, initialMs)),
    grantMs: CONTAINER_GRANT_MS,
    maxContainers: maxContainers > 0 ? maxContainers : Infinity,
  };
}
