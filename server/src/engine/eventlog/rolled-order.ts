// The parts of a rolled event log (eventlog_v2_<appId>/events_<n>_<appId>[.codec]), in order, and a check that none
// is missing. Spark numbers parts from 1 upwards; when it compacts old parts, the newest compacted one is kept with
// ".compact" appended and the ones before it are deleted, so a log may start at a number above 1 with that file.
// A gap anywhere else means events are missing: that is an error, since the replayed workload would be wrong.

const PART = /^events_(\d+)_/;

/** The numbered parts among these file names, in numeric order (appstatus_* and other files are left out). */
export function rolledParts(fileNames: readonly string[]): string[] {
  return fileNames
    .map((f) => ({ f, m: PART.exec(f) }))
    .filter((x): x is { f: string; m: RegExpExecArray } => x.m !== null)
    .sort((a, b) => Number(a.m[1]) - Number(b.m[1]) || a.f.localeCompare(b.f))
    .map((x) => x.f);
}

function indexOf(file: string): number {
  return Number(PART.exec(file)?.[1] ?? NaN);
}

/** Undefined when the ordered parts are complete; else what is wrong, in words. */
export function rolledGap(dirName: string, ordered: readonly string[]): string | undefined {
  if (ordered.length === 0) return undefined;
  const first = indexOf(ordered[0]);
  if (first !== 1 && !/\.compact$/i.test(ordered[0])) {
    const missing = first === 2 ? 'part 1 is' : `parts 1–${first - 1} are`;
    return `${dirName}: ${missing} missing (the first part is ${ordered[0]}); the events in it cannot be replayed`;
  }
  for (let i = 1; i < ordered.length; i++) {
    const before = indexOf(ordered[i - 1]);
    const n = indexOf(ordered[i]);
    if (n === before) return `${dirName}: two parts are numbered ${n} (${ordered[i - 1]} and ${ordered[i]})`;
    if (n !== before + 1) {
      const missing = n === before + 2 ? `part ${before + 1} is` : `parts ${before + 1}–${n - 1} are`;
      return (
        `${dirName}: ${missing} missing between ${ordered[i - 1]} and ${ordered[i]}; ` +
        `a replay without those events would be wrong`
      );
    }
  }
  return undefined;
}

/** A rolled log is still being written while its appstatus file carries ".inprogress". */
export function rolledInProgress(fileNames: readonly string[]): boolean {
  return fileNames.some((f) => /^appstatus_.*\.inprogress$/i.test(f));
}
