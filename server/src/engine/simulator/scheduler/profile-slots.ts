// Stage-level scheduling in the task scheduler: Spark offers a stage's tasks only to executors of the stage's resource
// profile (TaskSchedulerImpl matches the task set's profile id with the executor's), and an executor of profile p
// has floor(cores / task CPUs) of p's slots. One launch queue per profile, so an executor only ever takes tasks from
// its own profile's stages. With one profile there is one queue and nothing else changes.
import { StageQueue } from './stage-queue';

/** Task slots per executor, by resource profile id (profile 0, the default, is always present). */
export type SlotsByProfile = ReadonlyMap<number, number>;

export class ProfileQueues {
  private readonly queues = new Map<number, StageQueue>();
  /** The default profile's queue: every stage's when there is one profile. */
  readonly main: StageQueue;
  private readonly single: boolean;

  /** `stageProfile[s]` is the profile of internal stage s (read, never written), like the queue's ordering keys. */
  constructor(
    stagePriority: readonly number[],
    stageIds: readonly number[],
    private readonly stageProfile: readonly number[],
    profiles: Iterable<number>,
  ) {
    this.main = new StageQueue(stagePriority, stageIds);
    this.queues.set(0, this.main);
    for (const p of profiles) if (!this.queues.has(p)) this.queues.set(p, new StageQueue(stagePriority, stageIds));
    this.single = this.queues.size === 1;
  }

  /** Stages with tasks left to launch, over every profile. */
  get size(): number {
    if (this.single) return this.main.size;
    let n = 0;
    for (const q of this.queues.values()) n += q.size;
    return n;
  }

  /** The queue an executor of `profile` takes tasks from (the default one for a profile without its own). */
  of(profile: number): StageQueue {
    return this.single ? this.main : (this.queues.get(profile) ?? this.main);
  }

  push(stage: number): void {
    this.of(this.stageProfile[stage]).push(stage);
  }
}

/** Slots of each profile's executors; the widest decides the per-executor stride of the scheduler's slot arrays. */
export function slotStride(slots: SlotsByProfile): number {
  let most = 0;
  for (const n of slots.values()) most = Math.max(most, n);
  return most;
}
