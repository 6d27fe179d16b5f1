// What the log shows that the replay does not model, each with its size, for the replay's notes: resources other than
// CPUs that a profile's slots depend on, and executors lost. Several resource profiles are modelled (targets, pods,
// executors and slots per profile; see simulator/profiles.ts; a fixed-count run notes itself that it has
// default-profile executors only); speculative copies, failed attempts and slot waits are replayed (history-notes.ts).
import type { EventLogReplay } from './types';
import { wasLost } from './executor-losses';

const share = (part: number, whole: number): string => (whole > 0 ? `${Math.round((part / whole) * 100)}%` : '0%');

export interface UnmodelledOptions {
  /** The replay lost the log's lost executors at their logged times (the logged configuration's replay). */
  lossesReplayed?: boolean;
}

export function unmodelledNotes(log: EventLogReplay, options: UnmodelledOptions = {}): string[] {
  const notes: string[] = [];
  const total = log.stats.successfulTaskSeconds;
  const custom = log.profiles.filter((p) => p.stages > 0 && (p.customResources?.length ?? 0) > 0);
  if (custom.length > 0) {
    const seconds = custom.reduce((n, p) => n + p.taskSeconds, 0);
    notes.push(
      `${custom.map((p) => `Profile ${p.id} also asked for ${(p.customResources ?? []).join(', ')}`).join('; ')} ` +
        `(${share(seconds, total)} of the task time): the simulation sizes task slots by CPUs only, so where those ` +
        'resources allow fewer tasks per executor it packs more tasks onto each.',
    );
  }
  const lost = log.observed.executors.filter(wasLost);
  if (lost.length > 0) {
    const reasons = lossReasons(lost.map((e) => e.reason ?? 'no reason given'));
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

/** Longest a loss reason is quoted (its first line only: YARN's carry a stack trace). */
const REASON_CHARS = 120;

/**
 * The distinct loss reasons, most frequent first, at most three: each its first line, with YARN's container ids and
 * host names put aside so that the same failure on several containers reads once, counted.
 */
export function lossReasons(reasons: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const reason of reasons) {
    let line = (reason.split('\n')[0] ?? '').trim();
    line = line.replace(/container_[A-Za-z0-9_]+/g, 'container_…').replace(/host: \S+/g, 'host: …');
    if (line.length > REASON_CHARS) line = `${line.slice(0, REASON_CHARS - 1)}…`;
    counts.set(line, (counts.get(line) ?? 0) + 1);
  }
  const sorted = [...counts].sort((a, b) => b[1] - a[1]);
  const shown = sorted.slice(0, 3).map(([line, n]) => (n > 1 ? `${n} × ${line}` : line));
  if (sorted.length > 3) shown.push(`${sorted.length - 3} other reason(s)`);
  return shown.join('; ');
}
