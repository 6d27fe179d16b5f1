// Per-resource-profile figures of a run with several profiles: executors alive and their peak, registered executor
// time, pod running time (what each profile's pod size is billed on) and task time.

/** A resource profile other than the default as the cluster simulation needs it: its id and task slots per executor. */
export interface ProfileSlots {
  id: number;
  /** floor(executor cores / task CPUs) of the profile. */
  slots: number;
}

/** One profile's share of a run (ms), by profile id. */
export interface ProfileRunFigures {
  id: number;
  /** Most executors of this profile registered at once. */
  peakExecutors: number;
  /** Executors of this profile that registered. */
  executors: number;
  executorMs: number;
  podRunningMs: number;
  /** Task time of the tasks of this profile's stages that ended. */
  busyTaskMs: number;
}

interface Counts {
  alive: number;
  peak: number;
  added: number;
  executorMs: number;
  podRunningMs: number;
}

export class ProfileTally {
  private readonly byProfile = new Map<number, Counts>();

  /** The default profile (0) and `others`. */
  constructor(others: readonly ProfileSlots[]) {
    for (const id of [0, ...others.map((p) => p.id)].sort((a, b) => a - b)) this.counts(id);
  }

  private counts(profile: number): Counts {
    let c = this.byProfile.get(profile);
    if (c === undefined) {
      c = { alive: 0, peak: 0, added: 0, executorMs: 0, podRunningMs: 0 };
      this.byProfile.set(profile, c);
    }
    return c;
  }

  executorAdded(profile: number): void {
    const c = this.counts(profile);
    c.alive++;
    c.added++;
    if (c.alive > c.peak) c.peak = c.alive;
  }

  /** An executor left (or the run ended with it alive) after `lifeMs` registered. */
  executorGone(profile: number, lifeMs: number): void {
    const c = this.counts(profile);
    c.alive--;
    c.executorMs += lifeMs;
  }

  podRan(profile: number, ms: number): void {
    this.counts(profile).podRunningMs += ms;
  }

  figures(busyMsByProfile: ReadonlyMap<number, number>): ProfileRunFigures[] {
    return [...this.byProfile]
      .sort((a, b) => a[0] - b[0])
      .map(([id, c]) => ({
        id,
        peakExecutors: c.peak,
        executors: c.added,
        executorMs: c.executorMs,
        podRunningMs: c.podRunningMs,
        busyTaskMs: busyMsByProfile.get(id) ?? 0,
      }));
  }
}
