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

/**
 * EMR release (major.minor) → Apache Spark version it ships. Source: spark-facts §5.2, and for 7.13 the AWS "Spark
 * release history" page (3.5.6-amzn-2).
 */
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

/**
 * The "AWS runtime for Apache Spark" family, labelled `emr-spark-X.Y.Z` (major.minor → Spark). Source:
 * spark-facts-2026 and the EMR Serverless release page for emr-spark-8.0.0 (Spark 4.0.2-amzn-0).
 */
const EMR_SPARK_RELEASES: ReadonlyArray<readonly [string, string]> = [['8.0', '4.0.2']];

export interface EmrRelease {
  /** e.g. `6.12.0`, or `spark-8.0.0` for the emr-spark family */
  release: string;
  spark: string;
}

/** The parts of an EMR release label, as AWS spells them for EMR on EC2, EKS and Serverless. */
export interface EmrLabelParts {
  family: 'emr' | 'emr-spark';
  /** `major.minor.patch`, numbers normalised */
  release: string;
  /** The image flavour between the release and the image suffix, e.g. `spark-rapids`, `java17-al2023`. */
  variant?: string;
  /** `latest`, or the `YYYYMMDD` of a dated EMR on EKS image. */
  image?: string;
}

/** Words of the image flavours AWS publishes: Spark RAPIDS (GPU), newer Java, Amazon Linux 2023, and combinations. */
const VARIANT_WORDS = new Set(['spark', 'rapids', 'java11', 'java17', 'java21', 'al2023']);

/**
 * Splits a label: `emr-6.12.0`, `emr-7.2.0-latest`, `emr-6.15.0-20240105`, `emr-6.10.0-spark-rapids-latest`,
 * `emr-6.14.0-java17-al2023-20231005`, `notebook-spark/emr-6.10.0-latest` (EMR on EKS notebook images) and the
 * `emr-spark-8.0.0[-latest|-YYYYMMDD]` family. Undefined for anything else.
 */
export function parseEmrReleaseLabel(label: string): EmrLabelParts | undefined {
  const match =
    /^(?:notebook-(?:spark|python)\/)?emr-(spark-)?(\d+)\.(\d+)\.(\d+)((?:-(?!latest$)(?!\d{8}$)[a-z][a-z0-9]*)*)(?:-(latest|\d{8}))?$/.exec(
      label.trim(),
    );
  if (!match) return undefined;
  const parts: EmrLabelParts = {
    family: match[1] ? 'emr-spark' : 'emr',
    release: `${Number(match[2])}.${Number(match[3])}.${Number(match[4])}`,
  };
  const variant = match[5]?.slice(1);
  if (variant && !variant.split('-').every((word) => VARIANT_WORDS.has(word))) return undefined;
  if (variant) parts.variant = variant;
  if (match[6]) parts.image = match[6];
  return parts;
}

/**
 * Resolves an EMR release label (any spelling parseEmrReleaseLabel accepts) to the Spark it ships. Returns undefined
 * for labels that are malformed or not in the table.
 */
export function sparkVersionForEmrRelease(label: string): EmrRelease | undefined {
  const parts = parseEmrReleaseLabel(label);
  if (!parts) return undefined;
  const majorMinor = parts.release.split('.').slice(0, 2).join('.');
  const table = parts.family === 'emr-spark' ? EMR_SPARK_RELEASES : EMR_RELEASES;
  const row = table.find(([release]) => release === majorMinor);
  if (!row) return undefined;
  const release = parts.family === 'emr-spark' ? `spark-${parts.release}` : parts.release;
  return { release, spark: row[1] };
}

/**
 * True for an EMR 5.x label: those releases ship Spark 2.x (AWS "Spark release history"; on EMR on EKS, which starts at
 * 5.32.0, that is Spark 2.4.7-amzn-0 per the EMR on EKS 5.32.0 release notes), a line spark-dra does not model.
 */
export function isSpark2EmrRelease(label: string): boolean {
  const parts = parseEmrReleaseLabel(label);
  return parts?.family === 'emr' && parts.release.startsWith('5.');
}

/** The EMR releases (major.minor, oldest first) whose Spark is exactly `sparkVersion`. */
export function emrReleasesShipping(sparkVersion: string): string[] {
  return [
    ...EMR_RELEASES.filter(([, spark]) => spark === sparkVersion).map(([release]) => release),
    ...EMR_SPARK_RELEASES.filter(([, spark]) => spark === sparkVersion).map(([release]) => `spark-${release}`),
  ];
}

/** Every Spark version some EMR release ships, oldest first, without repeats. */
export function emrSparkVersions(): string[] {
  return [...new Set([...EMR_RELEASES, ...EMR_SPARK_RELEASES].map(([, spark]) => spark))].sort(compareVersions);
}

/** All EMR releases we know as plain labels, oldest first (for completion of `releaseLabel`). */
export function knownEmrReleases(): string[] {
  return [
    ...EMR_RELEASES.map(([release]) => `emr-${release}.0`),
    ...EMR_SPARK_RELEASES.map(([release]) => `emr-spark-${release}.0`),
  ];
}

/** Matches `spark-dra: sparkVersion=3.5.1` inside a comment line. */
export const VERSION_COMMENT = /spark-dra:\s*sparkVersion\s*=\s*([0-9][0-9A-Za-z.+-]*)/;
