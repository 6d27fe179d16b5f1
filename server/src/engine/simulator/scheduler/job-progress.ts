// When each job of the workload starts and whether it has ended. A job's start rule names a time, the previous job's
// submission or the previous job's end; a job's timer is set once its rule can be evaluated, so no step scans every
// job (which was O(jobs²) on workloads of tens of thousands of jobs). The scheduler submits and ends jobs; this keeps
// the bookkeeping between those calls.
import type { ShuffleStage } from '../executor-monitor';
import type { ExpandedJob } from '../../workload/types';
import type { JobTimer } from './scheduler-contract';

const NOT_SUBMITTED = -1;

export class JobProgress {
  /** Stages of each job still to complete (re-runs of lost outputs add to it). */
  private readonly stagesLeft: number[];
  private readonly scheduled: boolean[];
  private readonly submitAt: number[];
  private readonly ended: boolean[];
  private endedCount = 0;
  /** Jobs 0 … endedPrefix-1 have all ended (what an afterPrevious job waits for). */
  private endedPrefix = 0;
  /** Jobs whose start rule can be evaluated now but whose timer is not set yet. */
  private readonly ready: number[] = [];

  /** `jobStages[j]`: the internal stage indices of job j. */
  constructor(
    private readonly jobs: readonly ExpandedJob[],
    readonly jobStages: readonly (readonly number[])[],
    private readonly timer: JobTimer,
  ) {
    this.stagesLeft = jobStages.map((stages) => stages.length);
    this.scheduled = jobs.map(() => false);
    this.submitAt = jobs.map(() => NOT_SUBMITTED);
    this.ended = jobs.map(() => false);
    // Every job's rule is known at the start except the ones waiting for the previous job's submission or end.
    jobs.forEach((job, j) => {
      if (j === 0 || job.start.kind === 'at') this.ready.push(j);
    });
  }

  get allEnded(): boolean {
    return this.endedCount === this.jobs.length;
  }

  /** Sets the timer of every ready job, in job order (the order the timers are pushed decides ties). */
  scheduleReady(now: number): void {
    if (this.ready.length === 0) return;
    const ready = this.ready.splice(0).sort((a, b) => a - b);
    for (const j of ready) {
      if (this.scheduled[j]) continue;
      const start = this.jobs[j].start;
      let at: number;
      if (start.kind === 'at') at = toMs(start.seconds);
      else if (start.kind === 'withPrevious')
        at = j === 0 ? toMs(start.offsetSeconds) : this.submitAt[j - 1] + toMs(start.offsetSeconds);
      else at = (j === 0 ? 0 : now) + toMs(start.gapSeconds);
      this.scheduled[j] = true;
      this.timer(Math.max(at, now), j);
    }
  }

  /** Job j was submitted at `now`: a next job that starts with it is ready. */
  submitted(j: number, now: number): void {
    this.submitAt[j] = now;
    const next = j + 1;
    if (next < this.jobs.length && this.jobs[next].start.kind === 'withPrevious') this.ready.push(next);
  }

  /** A stage (a re-run of lost outputs) joined job j. */
  stageAdded(j: number): void {
    this.stagesLeft[j]++;
  }

  /** A stage of job j completed; true when it was the job's last. */
  stageCompleted(j: number): boolean {
    return --this.stagesLeft[j] === 0;
  }

  /** Job j ended. A job that starts after the previous one's end is ready once every job before it has ended. */
  jobEnded(j: number): void {
    this.ended[j] = true;
    this.endedCount++;
    const prefixBefore = this.endedPrefix;
    while (this.endedPrefix < this.ended.length && this.ended[this.endedPrefix]) this.endedPrefix++;
    const waiting = this.endedPrefix;
    if (waiting > prefixBefore && waiting < this.jobs.length) {
      if (this.jobs[waiting].start.kind === 'afterPrevious') this.ready.push(waiting);
    }
  }
}

/** The shuffles a job registers when it starts: its shuffle map stages', then the ones it reuses. */
export function shufflesAnnounced(job: ExpandedJob): ShuffleStage[] {
  const shuffles: ShuffleStage[] = [];
  for (const stage of job.stages) {
    if (stage.shuffleMap) shuffles.push({ stageId: stage.id, shuffleId: stage.shuffleId ?? stage.id });
  }
  // Reused shuffles belong to stages Spark skips; they get stage ids no real stage has.
  for (const shuffleId of job.reusesShuffles) shuffles.push({ stageId: -1 - shuffleId, shuffleId });
  return shuffles;
}

function toMs(seconds: number): number {
  return Math.max(0, Math.round(seconds * 1000));
}
