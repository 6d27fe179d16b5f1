// What the status bar says about the active file: its kind and the Spark version it is analysed with. Pure.
import type { FileInfoResponse } from '../../protocol/requests';

/** True when the file holds at least one Spark job (what the `sparkDra.isJobFile` context key says). */
export function isJobFile(info: FileInfoResponse | undefined): boolean {
  return info !== undefined && info.jobs > 0 && typeof info.kind === 'string';
}

/** Where the Spark version was learned, in words. `overridden`: the user chose it with "Select Spark Version". */
export function versionSourceText(from: string | undefined, overridden: boolean): string {
  if (overridden) return 'chosen with "Spark DRA: Select Spark Version" for this file';
  switch (from) {
    case 'releaseLabel':
      return 'from the EMR releaseLabel';
    case 'spec.sparkVersion':
      return 'from spec.sparkVersion';
    case 'comment':
      return 'from a "spark-dra: sparkVersion=…" comment';
    case 'setting':
      return 'from the sparkDra.defaultSparkVersion setting (the file does not say)';
    case 'fallback':
      return 'the built-in default (the file does not say)';
    default:
      return 'unknown';
  }
}

export interface StatusBarView {
  text: string;
  tooltip: string;
}

/** The status bar item for a file, or undefined when it should be hidden (no Spark job in the file). */
export function statusBarView(info: FileInfoResponse | undefined, overridden: boolean): StatusBarView | undefined {
  if (!info || !isJobFile(info) || info.kind === undefined) return undefined;
  const kind = info.kindLabel ?? info.kind;
  const version = info.sparkVersion ? `Spark ${info.sparkVersion}` : 'Spark version unknown';
  const jobs = info.jobs > 1 ? ` · ${info.jobs} jobs` : '';
  const pin = overridden ? ' $(pinned)' : '';
  const lines = [
    `${kind}${info.jobs > 1 ? ` (${info.jobs} jobs; the first one is shown)` : ''}`,
    `${version}: ${versionSourceText(info.versionFrom, overridden)}`,
    'Click for Spark DRA actions: Spark version, simulation, effective configuration.',
  ];
  return { text: `$(graph-line) ${kind} · ${version}${jobs}${pin}`, tooltip: lines.join('\n') };
}
