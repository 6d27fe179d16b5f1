// Spark versions: parsing, comparison, and the EMR release label → Spark version table.

/** The oldest and newest Spark versions the catalog describes. */
export const OLDEST_SPARK = '2.4.0';
export const NEWEST_SPARK = '4.2.0';
export const DEFAULT_SPARK_VERSION = '3.5.1';

/**
 * Parses `3.5`, `3.5.1`, `3.5.1-amzn-0` or `v3.4.1` into a normalised `major.minor.patch`.
 * Returns undefined for anything else.
 */
export function normalizeVersion(text: string): string | undefined {
  const match = /^v?(\d+)\.(\d+)(?:\.(\d+))?(?:[-.+][0-9A-Za-z.-]*)?$/.exec(text.trim());
  if (!match) return undefined;
  return `${Number(match[1])}.${Number(match[2])}.${Number(match[3] ?? 0)}`;
}

/** Numeric comparison of two normalised versions: negative, zero or positive. */
export function compareVersions(a: string, b: string): number {
  const pa = versionParts(a);
  const pb = versionParts(b);
  for (let i = 0; i < 3; i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** Split versions, remembered: rules compare the same few version strings for every entry of every job. */
const splitVersions = new Map<string, readonly number[]>();
function versionParts(version: string): readonly number[] {
  let parts = splitVersions.get(version);
  if (parts === undefined) {
    parts = version.split('.').map(Number);
    if (splitVersions.size < 1000) splitVersions.set(version, parts);
  }
  return parts;
}

export function versionAtLeast(version: string, minimum: string): boolean {
  return compareVersions(version, minimum) >= 0;
}

/** EMR release (major.minor) → Apache Spark version it ships. Source: spark-facts §5.2. */
const EMR_RELEASES: ReadonlyArray<readonly [string, string]> = [
  ['6.0', '2.4.4'],
  ['6.1', '3.0.0'],
  ['6.2', '3.0.1'],
  ['6.3', '3.1.1'],
  ['6.4', '3.1.2'],
  ['6.5', '3.1.2'],
  ['6.6', '3.2.0'],
  ['6.7', '3.2.1'],
  ['6.8', '3.3.0'],
  ['6.9', '3.3.0'],
  ['6.10', '3.3.1'],
  ['6.11', '3.3.2'],
  ['6.12', '3.4.0'],
  ['6.13', '3.4.1'],
  ['6.14', '3.4.1'],
  ['6.15', '3.4.1'],
  ['7.0', '3.5.0'],
  ['7.1', '3.5.0'],
  ['7.2', '3.5.1'],
  ['7.3', '3.5.1'],
  ['7.4', '3.5.2'],
  ['7.5', '3.5.2'],
  ['7.6', '3.5.3'],
  ['7.7', '3.5.3'],
  ['7.8', '3.5.4'],
  ['7.9', '3.5.5'],
  ['7.10', '3.5.5'],
  ['7.11', '3.5.6'],
  ['7.12', '3.5.6'],
  ['7.13', '3.5.6'],
];

export interface EmrRelease {
  /** e.g. `6.12.0` */
  release: string;
  spark: string;
}

/**
 * Resolves an EMR release label such as `emr-6.12.0`, `emr-7.2.0-latest` or `emr-6.15.0-20240105`.
 * Returns undefined for labels that are malformed or not in the table.
 */
export function sparkVersionForEmrRelease(label: string): EmrRelease | undefined {
  const match = /^emr-(\d+)\.(\d+)\.(\d+)(?:-(?:latest|\d{8}))?$/.exec(label.trim());
  if (!match) return undefined;
  const majorMinor = `${Number(match[1])}.${Number(match[2])}`;
  const row = EMR_RELEASES.find(([release]) => release === majorMinor);
  if (!row) return undefined;
  return { release: `${majorMinor}.${Number(match[3])}`, spark: row[1] };
}

/** The EMR releases (major.minor, oldest first) whose Spark is exactly `sparkVersion`. */
export function emrReleasesShipping(sparkVersion: string): string[] {
  return EMR_RELEASES.filter(([, spark]) => spark === sparkVersion).map(([release]) => release);
}

/** Every Spark version some EMR release ships, oldest first, without repeats. */
export function emrSparkVersions(): string[] {
  return [...new Set(EMR_RELEASES.map(([, spark]) => spark))].sort(compareVersions);
}

/** All EMR major.minor releases we know, newest last (for completion of `releaseLabel`). */
export function knownEmrReleases(): string[] {
  return EMR_RELEASES.map(([release]) => `emr-${release}.0`);
}

/** Matches `spark-dra: sparkVersion=3.5.1` inside a comment line. */
export const VERSION_COMMENT = /spark-dra:\s*sparkVersion\s*=\s*([0-9][0-9A-Za-z.+-]*)/;
