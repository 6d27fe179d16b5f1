// From event-log text (one or more parts, in order) to the replay result.
import { EventCollector } from './collect';
import { readLines } from './lines';
import type { TextSource } from './lines';
import { buildObserved } from './observed';
import { buildWorkload } from './to-workload';
import type { EventLogResult } from './types';

/** Reads the parts in order as one log. `name` names the log in messages and is the fallback workload name. */
export function replaySources(sources: readonly TextSource[], name: string): EventLogResult {
  const collector = new EventCollector();
  const warnings: string[] = [];
  let events = 0;
  for (let i = 0; i < sources.length; i++) {
    const res = readLines(sources[i], i === sources.length - 1, events, (e, n) => collector.handle(e, n));
    if (!res.ok) return { ok: false, error: res.error };
    events += res.events;
    warnings.push(...res.warnings);
  }
  if (events === 0) {
    const what = name ? `${name}: ` : '';
    return { ok: false, error: `${what}no Spark events found (the log is empty)` };
  }
  collector.finishWarnings();
  const built = buildWorkload(collector, name || 'event log');
  if (!built.ok) return { ok: false, error: name ? `${name}: ${built.error}` : built.error };
  warnings.push(...collector.warnings);
  const c = collector;
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
    },
    warnings,
  };
  if (c.appId !== undefined) result.appId = c.appId;
  if (c.appName !== undefined) result.appName = c.appName;
  return result;
}
