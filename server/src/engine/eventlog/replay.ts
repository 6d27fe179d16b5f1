// From event-log text (one or more parts, in order) to the replay result.
import { EventCollector } from './collect';
import { LineReader } from './lines';
import type { TextSource } from './lines';
import type { LimitBreach } from './limits';
import { buildObserved } from './observed';
import { profileUsage } from './profiles';
import { waitingWithFreeSlots } from './slot-waits';
import { buildWorkload } from './to-workload';
import { buildTaskHistory } from './task-history';
import type { EventLogResult } from './types';

/**
 * One log replayed from text that arrives part by part, each part in pieces: `beginPart`, `push` (any number of
 * times), `endPart`, for every part in order, then `finish`. After the first error, further text is ignored.
 */
export class LogReplay {
  private readonly collector = new EventCollector();
  private readonly warnings: string[] = [];
  private events = 0;
  private error: string | undefined;
  private breach: LimitBreach | undefined;
  private reader: LineReader | undefined;

  /** `name` names the log in messages and is the fallback workload name. */
  constructor(private readonly name: string) {}

  /** True once an error means further text would be ignored (readers may stop early). */
  get failed(): boolean {
    return this.error !== undefined || (this.reader?.failed ?? false);
  }

  beginPart(partName: string, isLast: boolean): void {
    if (this.error !== undefined) return;
    const c = this.collector;
    this.reader = new LineReader({ name: partName }, isLast, this.events, (e, n) => c.handle(e, n));
  }

  push(text: string): void {
    this.reader?.push(text);
  }

  endPart(): void {
    const reader = this.reader;
    this.reader = undefined;
    if (!reader || this.error !== undefined) return;
    const res = reader.end();
    if (!res.ok) {
      this.error = res.error;
      this.breach = res.limit;
      return;
    }
    this.events += res.events;
    this.warnings.push(...res.warnings);
  }

  finish(): EventLogResult {
    if (this.error !== undefined) {
      return this.breach ? { ok: false, error: this.error, limit: this.breach } : { ok: false, error: this.error };
    }
    return finishReplay(this.collector, this.events, this.warnings, this.name);
  }
}

/** Reads the parts in order as one log. `name` names the log in messages and is the fallback workload name. */
export function replaySources(sources: readonly TextSource[], name: string): EventLogResult {
  const replay = new LogReplay(name);
  for (let i = 0; i < sources.length; i++) {
    replay.beginPart(sources[i].name, i === sources.length - 1);
    replay.push(sources[i].text);
    replay.endPart();
  }
  return replay.finish();
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

function finishReplay(collector: EventCollector, events: number, warnings: string[], name: string): EventLogResult {
  if (events === 0) {
    const what = name ? `${name}: ` : '';
    return { ok: false, error: `${what}no Spark events found (the log is empty)` };
  }
  collector.finish();
  const built = buildWorkload(collector, name || 'event log');
  if (!built.ok) return { ok: false, error: name ? `${name}: ${built.error}` : built.error };
  warnings.push(...collector.warnings);
  const c = collector;
  c.slotWaits.measure(Number.parseInt(c.conf['spark.task.cpus'] ?? '1', 10));
  const result: EventLogResult = {
    ok: true,
    workload: built.workload,
    sparkVersion: c.sparkVersion ?? 'unknown',
    conf: c.conf,
    observed: buildObserved(c),
    stats: {
      events,
      tasks: c.taskEnds,
      successfulTasks: c.successfulTasks,
      taskEndReasons: c.taskEndReasons,
      speculativeTasks: c.speculativeTasks,
      stages: c.stageSubmissions,
      skippedStages: built.skippedStages,
      jobs: built.workload.jobs.length,
      jobStarts: c.jobStarts,
      jobEnds: c.jobEnds,
      jobEndsWithoutStart: c.jobEndsWithoutStart,
      executorsAdded: c.executorsAdded,
      executorsRemoved: c.executorsRemoved,
      successfulTaskSeconds: round3(c.successSeconds),
      speculativeTaskSeconds: round3(c.speculativeSeconds),
      failedTaskAttempts: c.failedAttempts,
      failedTaskSeconds: round3(c.failedSeconds),
      waitingWithFreeSlotSeconds: waitingWithFreeSlots(c),
    },
    profiles: profileUsage(c),
    warnings,
    taskHistory: buildTaskHistory(c),
  };
  if (c.appId !== undefined) result.appId = c.appId;
  if (c.appName !== undefined) result.appName = c.appName;
  return result;
}
