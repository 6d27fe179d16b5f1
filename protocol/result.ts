// One result shape for everything that can fail in a way the user should hear about, and a closed vocabulary of
// why. Faces decide the wording around a problem; tests assert on codes.

export type ProblemCode =
  /** The request's parameters are malformed or out of range. */
  | 'invalid-params'
  /** The document named is not open in the editor. */
  | 'not-open'
  /** The workspace is not trusted, so nothing is read from disk. */
  | 'untrusted'
  /** The file holds no Spark job (or not the one asked for). */
  | 'no-job'
  /** Spark would refuse these settings at start-up. */
  | 'spark-would-not-start'
  /** A file or input could not be read or understood (event log, workload, trace). */
  | 'unreadable-input'
  /** The file has no place to write what was asked. */
  | 'cannot-edit'
  /** The work asked for is beyond a limit (simulation budget, file size). */
  | 'over-budget'
  /** The request was cancelled. */
  | 'cancelled'
  /** Something failed that should not have: a bug. */
  | 'internal';

export interface Problem {
  code: ProblemCode;
  /** What went wrong, in words a Spark user understands; never quotes file contents. */
  message: string;
  /** Where in the document it is, as UTF-16 offsets, when it points at text. */
  range?: { start: number; end: number };
  /** For `over-budget`: which limit, the figure that went over it, what it allows, and whether the run had started. */
  limit?: { name: string; figure: number; allowed: number; stage: 'before' | 'during' };
}

export type Result<T> = { ok: true; value: T } | { ok: false; problem: Problem };

export function success<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function failure(code: ProblemCode, message: string, range?: Problem['range']): { ok: false; problem: Problem } {
  return { ok: false, problem: range ? { code, message, range } : { code, message } };
}

const HEADINGS: Readonly<Record<ProblemCode, string>> = {
  'invalid-params': 'Invalid request',
  'not-open': 'Not open',
  untrusted: 'Workspace not trusted',
  'no-job': 'No Spark job',
  'spark-would-not-start': 'Spark would not start',
  'unreadable-input': 'Cannot read the input',
  'cannot-edit': 'Cannot edit the file',
  'over-budget': 'Too large to simulate',
  cancelled: 'Cancelled',
  internal: 'Internal error',
};

/** One line for a person: the problem's heading and message ("Spark would not start: …"). */
export function problemText(problem: Problem): string {
  return `${HEADINGS[problem.code]}: ${problem.message}`;
}

/** A short heading for the problem's kind, for titles. */
export function problemHeading(code: ProblemCode): string {
  return HEADINGS[code];
}
