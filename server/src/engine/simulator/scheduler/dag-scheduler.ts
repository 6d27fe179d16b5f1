// The DAGScheduler's half of the task scheduler: which stages may run. A job's stages are submitted (in stage-id
// order) once their parents are done, a submitted stage's tasks are pending and go into its profile's launch queue
// (after the driver's launch delay, if any), and a stage whose tasks all succeeded releases its children and, as the
// job's last, ends the job. The slot side (task-scheduler.ts) launches from the queues and reports back here.
import type { ExpandedWorkload } from '../../workload/types';
import { shufflesAnnounced, type JobProgress } from './job-progress';
import type { LostOutputReruns } from './lost-output-reruns';
import type { ProfileQueues } from './profile-slots';
import type { LaunchDelay, SchedulerListener } from './scheduler-contract';
import type { SpeculationTracker } from './speculation';
import type { StageTable } from './stage-table';

/** What the DAG side works with; `offer` hands the tasks that became runnable to free slots. */
export interface DagParts {
  workload: ExpandedWorkload;
  stages: StageTable;
  jobs: JobProgress;
  /** Submitted stages with tasks not yet launched, one queue per profile. */
  active: ProfileQueues;
  listener: SchedulerListener;
  launchDelay: LaunchDelay | undefined;
  speculation: SpeculationTracker | undefined;
  /** Present when map outputs are tracked (and can be lost). */
  reruns: LostOutputReruns | undefined;
  offer: (now: number) => void;
}

export class DagScheduler {
  /** Tasks of submitted stages not running now: never launched, or waiting to run again. */
  pending = 0;

  constructor(private readonly parts: DagParts) {}

  /** Submits job `j`: announces it, then submits its stages that have no parents. */
  startJob(j: number, now: number): void {
    const { workload, jobs, stages, listener } = this.parts;
    const job = workload.jobs[j];
    jobs.submitted(j, now);
    listener.jobStart(job.id, shufflesAnnounced(job));
    const own = jobs.jobStages[j];
    if (own.length === 0) this.endJob(j, now);
    else
      this.submit(
        own.filter((s) => stages.parentsLeft[s] === 0),
        now,
      );
    jobs.scheduleReady(now);
  }

  /** A submitted stage's launch delay is over: its tasks are offered to free slots. */
  releaseStage(s: number, now: number): void {
    this.parts.active.push(s);
    this.parts.offer(now);
  }

  /** Every task of stage s succeeded: its children whose parents are all done are submitted, and its job may end. */
  completeStage(s: number, now: number): void {
    const { stages, jobs } = this.parts;
    this.parts.speculation?.stageCompleted(s);
    this.parts.listener.stageCompleted(s);
    const ready: number[] = [];
    for (const c of stages.children[s]) if (--stages.parentsLeft[c] === 0) ready.push(c);
    if (ready.length > 0) this.submit(ready, now);
    const j = stages.job[s];
    if (jobs.stageCompleted(j)) this.endJob(j, now);
  }

  /** Task `index` of stage s is pending again, first in its stage's line (its attempt was lost or failed). */
  runAgain(s: number, index: number): void {
    const stages = this.parts.stages;
    this.pending++;
    // Still in the launch queue while it has new indices or earlier re-runs; otherwise it goes back in.
    if (stages.allLaunched(s)) this.parts.active.push(s);
    stages.rerun[s].push(index);
  }

  private endJob(j: number, now: number): void {
    const { jobs, listener, workload } = this.parts;
    jobs.jobEnded(j);
    listener.jobEnd(workload.jobs[j].id);
    jobs.scheduleReady(now);
  }

  private submit(submitted: number[], now: number): void {
    const { stages, listener, launchDelay: delay, speculation, reruns } = this.parts;
    submitted.sort((a, b) => stages.ids[a] - stages.ids[b]);
    const runnable = reruns ? submitted.filter((s) => !this.waitForLostOutputs(reruns, s, now)) : submitted;
    for (const s of runnable) {
      listener.stageSubmitted(s);
      this.pending += stages.tasks[s];
      if (stages.tasks[s] === 0) continue;
      speculation?.stageSubmitted(s, stages.tasks[s]);
      // The tasks are pending (the allocation manager sees them) from submission; they launch after the delay.
      if (delay !== undefined && delay.ms > 0) delay.timer(now + delay.ms, s);
      else this.parts.active.push(s);
    }
    for (const s of runnable) if (stages.tasks[s] === 0) this.completeStage(s, now);
    this.parts.offer(now);
  }

  /** Lost map outputs that stage s reads are run again first; s waits for them as for parents. True: it waits. */
  private waitForLostOutputs(reruns: LostOutputReruns, s: number, now: number): boolean {
    const added = reruns.rerunsBefore(s);
    if (added.length === 0) return false;
    this.parts.stages.parentsLeft[s] += added.length;
    this.submit(added, now);
    return true;
  }
}
