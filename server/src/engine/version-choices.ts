// The Spark versions a person can pick for a file, with what sets each apart (the EMR releases that ship it and the
// allocation behaviour that starts there). The EMR part is derived from the release table in version.ts.
import { compareVersions, emrReleasesShipping, emrSparkVersions } from './version';

export interface SparkVersionChoice {
  version: string;
  /** Why a person might pick it, e.g. `EMR 7.2–7.3` or a behaviour that starts in that version. */
  note?: string;
}

/** The last release of each old line, and every release where allocation behaviour changed (EMR's are added below). */
const VERSIONS: ReadonlyArray<readonly [string, string?]> = [
  ['2.4.8'],
  ['3.0.3'],
  ['3.1.3', 'unschedulable task sets ask for executors (3.1.0+)'],
  ['3.2.4'],
  ['3.3.4'],
  ['3.4.0', 'shuffle tracking and PVC reuse on by default'],
  ['3.4.1', 'idle timeout = max of idle, cached, shuffle'],
  ['3.4.4'],
  ['3.5.0'],
  ['3.5.1'],
  ['3.5.2'],
  ['3.5.3'],
  ['3.5.4'],
  ['3.5.5'],
  ['3.5.6'],
  ['4.0.0', 'pod batch size 10'],
  ['4.0.1'],
  ['4.1.0'],
  ['4.2.0', 'unreleased; pod batch size 20'],
];

function emrNote(version: string): string | undefined {
  const releases = emrReleasesShipping(version);
  if (releases.length === 0) return undefined;
  const first = releases[0];
  const last = releases[releases.length - 1];
  return first === last ? `EMR ${first}` : `EMR ${first}–${last}`;
}

const behaviours = new Map<string, string | undefined>(VERSIONS.map(([version, behaviour]) => [version, behaviour]));
const allVersions = [...new Set([...behaviours.keys(), ...emrSparkVersions()])].sort(compareVersions);

/** Oldest first. */
export const SPARK_VERSION_CHOICES: readonly SparkVersionChoice[] = allVersions.map((version) => {
  const note = [emrNote(version), behaviours.get(version)]
    .filter((part): part is string => part !== undefined)
    .join('; ');
  return note ? { version, note } : { version };
});
