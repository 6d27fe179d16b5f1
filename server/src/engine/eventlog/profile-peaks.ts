// Most executors of each resource profile alive at once in the log (ExecutorAdded / ExecutorRemoved, grouped by
// ExecutorInfo's "Resource Profile Id"; an executor without one is the default profile's).
import type { ObservedExecutor } from './types';

export interface ProfilePeak {
  profile: number;
  peakExecutors: number;
}

/** Per profile, by id; an executor removed at the instant another is added does not overlap it. */
export function observedProfilePeaks(executors: readonly ObservedExecutor[]): ProfilePeak[] {
  const steps = new Map<number, Array<[number, number]>>();
  for (const e of executors) {
    const profile = e.profileId ?? 0;
    let list = steps.get(profile);
    if (list === undefined) {
      list = [];
      steps.set(profile, list);
    }
    list.push([e.addedAt, 1]);
    if (e.removedAt !== undefined) list.push([e.removedAt, -1]);
  }
  return [...steps]
    .sort((a, b) => a[0] - b[0])
    .map(([profile, list]) => {
      list.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      let alive = 0;
      let peak = 0;
      for (const [, d] of list) {
        alive += d;
        if (alive > peak) peak = alive;
      }
      return { profile, peakExecutors: peak };
    });
}
