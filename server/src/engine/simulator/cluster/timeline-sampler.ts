// Samples the run's counts for the timeline after every step: a sample is kept only when a count changed, and within
// one 100 ms tick bucket the bucket's sample is overwritten, so the timeline holds at most one point per tick.
import type { TimelinePoint } from '../../../../../protocol/simulation';
import { TICK_MS } from '../../spark-constants';
import { TimelineRecorder, type RecordedTimeline } from '../timeline';

/** Where the sampled counts come from (read at each sample). */
export interface TimelineCounts {
  running(): number;
  target(): number;
  pendingPods(): number;
  busySlots(): number;
  pendingTasks(): number;
  livePvcs(): number;
}

export class TimelineSampler {
  private readonly recorder: TimelineRecorder;
  private lastBucket = -1;

  constructor(
    maxPoints: number,
    private readonly counts: TimelineCounts,
  ) {
    this.recorder = new TimelineRecorder(maxPoints);
  }

  /** Samples at `nowMs`; `force` keeps a new point even when nothing changed. */
  sample(nowMs: number, force: boolean): void {
    const c = this.counts;
    const running = c.running();
    const target = c.target();
    const pendingPods = c.pendingPods();
    const busySlots = c.busySlots();
    const pendingTasks = c.pendingTasks();
    const livePvcs = c.livePvcs();
    const last = this.recorder.last();
    if (
      last !== undefined &&
      !force &&
      last.running === running &&
      last.target === target &&
      last.pendingPods === pendingPods &&
      last.busySlots === busySlots &&
      last.pendingTasks === pendingTasks &&
      last.livePvcs === livePvcs
    ) {
      return;
    }
    const bucket = Math.floor(nowMs / TICK_MS);
    if (last !== undefined && bucket === this.lastBucket && !force) {
      last.running = running;
      last.target = target;
      last.pendingPods = pendingPods;
      last.busySlots = busySlots;
      last.pendingTasks = pendingTasks;
      last.livePvcs = livePvcs;
      return;
    }
    this.lastBucket = bucket;
    this.recorder.push({ t: nowMs / 1000, running, target, pendingPods, busySlots, pendingTasks, livePvcs });
  }

  last(): TimelinePoint | undefined {
    return this.recorder.last();
  }

  finish(): RecordedTimeline {
    return this.recorder.finish();
  }
}
