// What the shell locator found for one job, kept together with what completion needs to read that job again.
import type { JobConfig, Range, SyntaxProblem } from '../../model';

export interface ShellJobView {
  job: JobConfig;
  /** How the job is written: EMR request JSON, or the options of a spark-submit command line. */
  kind: 'json' | 'spark-submit';
  /**
   * For JSON: the script with everything but that JSON blanked, at the script's offsets; what the JSON reader and
   * completion read. For spark-submit: the script itself.
   */
  text: string;
  /** Where completion looks for this job (for spark-submit, up to the application, so a new option can be typed). */
  completionRange: Range;
  problems: SyntaxProblem[];
}
