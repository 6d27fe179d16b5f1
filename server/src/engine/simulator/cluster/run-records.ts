// When each job and stage was submitted and ended, in the order they started: the run's record of its jobs and stages.
import type { SimulatedJobTimes, SimulatedStageTimes } from './run-spec';

export class RunRecords {
  readonly jobs: SimulatedJobTimes[] = [];
  readonly stages: SimulatedStageTimes[] = [];
  private readonly jobById = new Map<number, SimulatedJobTimes>();
  private readonly stageById = new Map<number, SimulatedStageTimes>();

  jobStarted(id: number, now: number): void {
    const times: SimulatedJobTimes = { id, startMs: now };
    this.jobs.push(times);
    this.jobById.set(id, times);
  }

  jobEnded(id: number, now: number): void {
    const times = this.jobById.get(id);
    if (times) times.endMs = now;
  }

  stageStarted(id: number, now: number): void {
    const times: SimulatedStageTimes = { id, startMs: now };
    this.stages.push(times);
    this.stageById.set(id, times);
  }

  stageEnded(id: number, now: number): void {
    const times = this.stageById.get(id);
    if (times) times.endMs = now;
  }
}
