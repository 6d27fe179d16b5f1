// Command code actions on a job: "Suggest DRA settings…" opens the DRA advisor for the job the cursor is in. The
// engine says which job and how prominent the action is; the face adds the file's URI to the command's arguments.
import type { JobConfig, Range } from '../model';
import { SUGGEST_SETTINGS_COMMAND } from '../../../../protocol/commands';

export interface JobCommandAction {
  title: string;
  /**
   * `refactor` when the range touches one of the job's dynamic-allocation entries (editors offer refactors with the
   * light bulb there); `source` anywhere else in the job (offered in the Source Action menu only, no light bulb).
   */
  kind: 'refactor' | 'source';
  /** The editor command to run, with the file's URI and `jobIndex` as its arguments. */
  command: string;
  jobIndex: number;
}

const DRA_PREFIX = 'spark.dynamicAllocation.';

function touches(a: Range, b: Range): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** The advisor action of every job `range` touches. */
export function jobCommandActions(jobs: readonly JobConfig[], range: Range): JobCommandAction[] {
  const actions: JobCommandAction[] = [];
  jobs.forEach((job, jobIndex) => {
    if (!touches(job.range, range)) return;
    const onDraEntry = job.entries.some(
      (e) => !e.implied && e.key.startsWith(DRA_PREFIX) && (touches(e.keyRange, range) || touches(e.valueRange, range)),
    );
    actions.push({
      title: jobs.length > 1 ? `Suggest DRA settings for job ${jobIndex + 1}…` : 'Suggest DRA settings…',
      kind: onDraEntry ? 'refactor' : 'source',
      command: SUGGEST_SETTINGS_COMMAND,
      jobIndex,
    });
  });
  return actions;
}
