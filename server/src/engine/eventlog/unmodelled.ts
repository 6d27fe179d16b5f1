// What the log shows that the replay does not model, each with its size, for the replay's notes: work under other
// resource profiles, executors lost. (Speculative copies, failed attempts and slot waits are replayed: see
// history-notes.ts.)
import type { EventLogReplay } from './types';
import { wasLost } from './executor-losses';

const share = (part: number, whole: number): string => (whole > 0 ? `${Math.round((part / whole) * 100)}%` : '0%');

function profileText(p: EventLogReplay['profiles'][number]): string {
  const asked: string[] = [];
  if (p.executorCores !== undefined) asked.push(`${p.executorCores} cores per executor`);
  if (p.taskCpus !== undefined) asked.push(`${p.taskCpus} CPU(s) per task`);
  return `profile ${p.id}${asked.length > 0 ? ` (${asked.join(', ')})` : ''}`;
}

export interface UnmodelledOptions {
  /** The replay lost the log's lost executors at their logged times (the logged configuration's replay). */
  lossesReplayed?: boolean;
}

export function unmodelledNotes(log: EventLogReplay, options: UnmodelledOptions = {}): string[] {
  const notes: string[] = [];
  const total = log.stats.successfulTaskSeconds;
  const others = log.profiles.filter((p) => p.id !== 0 && p.stages > 0);
  if (others.length > 0) {
    const seconds = others.reduce((n, p) => n + p.taskSeconds, 0);
    const tasks = others.reduce((n, p) => n + p.tasks, 0);
    notes.push(
      `The log used stage-level scheduling: ${others.map(profileText).join('; ')} ran ` +
        `${others.reduce((n, p) => n + p.stages, 0)} stage(s), ${tasks} task(s), ${share(seconds, total)} of the task time. ` +
        'The simulation runs every stage on executors of the configured (default) profile, so executor counts and peaks ' +
        'for those stages can be far off.',
    );
  }
  const lost = log.observed.executors.filter(wasLost);
  if (lost.length > 0) {
    const reasons = [...new Set(lost.map((e) => e.reason as string))].slice(0, 3).join('; ');
    notes.push(
      options.lossesReplayed
        ? `${lost.length} executor(s) were lost (${reasons}); the replay loses them at the logged times and re-runs ` +
            'their running tasks, but recomputes no shuffle output they held.'
        : `${lost.length} executor(s) were lost (${reasons}); this simulation loses none and recomputes nothing ` +
            '(only the replay of the logged configuration loses them).',
    );
  }
  return notes;
}
