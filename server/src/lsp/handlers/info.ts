// Custom requests: what a file is, and a job's effective configuration.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { effectiveRows } from '../../engine/features/effective-table';
import type { EffectiveConfigResponse, FileInfoResponse } from '../../protocol';
import type { Analysis } from '../documents';

export function fileInfoFor(analysis: Analysis): FileInfoResponse {
  const job = analysis.parsed.jobs[0];
  if (!job) return { jobs: 0, kind: analysis.parsed.storageClasses.length > 0 ? 'storage-class' : undefined };
  const version = analysis.versionOf(job);
  return {
    kind: job.kind,
    sparkVersion: version.version,
    versionFrom: version.from,
    jobs: analysis.parsed.jobs.length,
  };
}

export function effectiveConfigFor(
  doc: TextDocument,
  analysis: Analysis,
  jobIndex: number,
): EffectiveConfigResponse | null {
  const job = analysis.parsed.jobs[jobIndex];
  if (!job) return null;
  const version = analysis.versionOf(job);
  return {
    sparkVersion: version.version,
    versionFrom: version.from,
    kind: job.kind,
    rows: effectiveRows(job, version.version).map((row) => ({
      key: row.key,
      value: row.value,
      source: row.source,
      defaultValue: row.defaultValue,
      line: row.offset === undefined ? undefined : doc.positionAt(row.offset).line,
    })),
  };
}
