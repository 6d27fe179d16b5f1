// Notes on task attempts beyond one success per task: failed attempts a replayed log brought along, and speculative
// copies the simulated scheduler launched.
import type { ClusterRunOutput } from './cluster-sim';
import type { SpeculationSettings } from './scheduler/speculation-settings';

export function attemptNotes(
  attempts: ClusterRunOutput['attempts'],
  speculation: SpeculationSettings | undefined,
): string[] {
  const notes: string[] = [];
  if (attempts && attempts.failed > 0)
    notes.push(`${attempts.failed} task attempt(s) failed as in the log and ran again before succeeding.`);
  if (speculation) {
    const copies = attempts?.copies ?? 0;
    const won = attempts?.copiesWon ?? 0;
    notes.push(
      `Speculation is on (multiplier ${speculation.multiplier}, quantile ${speculation.quantile}): ` +
        (copies === 0
          ? 'no task ran long enough to get a speculative copy.'
          : `${copies} speculative cop${copies === 1 ? 'y' : 'ies'} launched, ${won} finished first.`),
    );
  }
  return notes;
}
