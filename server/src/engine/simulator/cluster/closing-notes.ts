// The notes a cluster run adds about limits it met: a fixed executor count running other profiles' stages, the pod
// creation cap, YARN's room for containers, and pods held back by wait-to-reuse.
import type { ProfileSlots } from '../profile-tally';

/** With a fixed executor count, stages of other resource profiles ran on default-profile executors. */
export function fixedCountProfilesNote(profiles: readonly ProfileSlots[]): string {
  return `With a fixed executor count there are only default-profile executors: the stages of resource profile(s) ${profiles.map((p) => p.id).join(', ')} ran on them, with the default profile's task slots. Spark itself allows that only for task-only profiles (3.4+ standalone, 3.5.1+ Kubernetes); a profile asking for other executors needs dynamic allocation.`;
}

/** What the allocator ran into by the run's end. */
export interface AllocatorLimitsMet {
  /** spark.kubernetes.allocation.maximum stopped pod creation. */
  podLimitReached: boolean;
  /** YARN's room (this many containers) held granted containers back; undefined when it did not. */
  yarnRoomHeld: number | undefined;
  /** Wait-to-reuse held pods back until a PVC was free. */
  waitedForPvc: boolean;
}

export function allocatorLimitNotes(met: AllocatorLimitsMet): string[] {
  const notes: string[] = [];
  if (met.podLimitReached) {
    notes.push(
      'The pod creation limit (spark.kubernetes.allocation.maximum) was reached: Spark refuses to create more executor pods.',
    );
  }
  if (met.yarnRoomHeld !== undefined) {
    notes.push(
      `YARN had room for ${met.yarnRoomHeld} executor containers at once: some granted containers waited for killed executors to leave.`,
    );
  }
  if (met.waitedForPvc) {
    notes.push(
      'Wait-to-reuse held back executor pods until an existing PVC was free (spark.kubernetes.driver.waitToReusePersistentVolumeClaim).',
    );
  }
  return notes;
}
