// `spark-dra check`: analyses files as the editor would and reports findings as text, JSON or SARIF.
import { createSparkDraService, type Finding, type SeveritySetting, type SparkDocument } from '../engine';
import { readTextFile } from './read-text';
import { CliWorkspace, type WorkspaceChoice } from './workspace';

export interface CheckedFinding extends Finding {
  /** 1-based. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface CheckedFile {
  path: string;
  findings: CheckedFinding[];
}

export interface CheckRun {
  files: CheckedFile[];
  /** Files that could not be read (path and reason). */
  unreadable: { path: string; reason: string }[];
  /** Files skipped because they are of no format we read. */
  skipped: string[];
}

export interface CheckOptions {
  /** Largest file read, in bytes (default: DEFAULT_MAX_FILE_MB). */
  maxFileBytes?: number;
  sparkVersion?: string;
  severities?: Readonly<Record<string, SeveritySetting>>;
  /** Where StorageClasses and claims beyond the checked files come from (default: none). */
  workspace?: WorkspaceChoice;
}

export function checkFiles(paths: string[], options: CheckOptions): CheckRun {
  const service = createSparkDraService({ rules: options.severities ?? {} });
  const run: CheckRun = { files: [], unreadable: [], skipped: [] };
  const loaded: { path: string; document: SparkDocument }[] = [];
  for (const path of paths) {
    if (!service.reads(path)) {
      run.skipped.push(path);
      continue;
    }
    const read = readTextFile(path, options.maxFileBytes);
    if (!read.ok) {
      run.unreadable.push({ path, reason: read.problem.message });
      continue;
    }
    loaded.push({
      path,
      document: service.open({ fileName: path, text: read.value, versionOverride: options.sparkVersion }),
    });
  }
  // StorageClasses and claims anywhere among the checked files count, and those of each file's workspace, as they do
  // across an editor workspace.
  const workspace = new CliWorkspace(service, options.workspace ?? { kind: 'none' });
  const loadedPaths = loaded.map((f) => f.path);
  for (const [index, file] of loaded.entries()) {
    const others = loaded.filter((_, i) => i !== index);
    const around = workspace.resourcesFor(file.path, loadedPaths);
    const findings = file.document.diagnostics({
      workspaceStorageClasses: [...others.flatMap((f) => f.document.storageClasses), ...around.storageClasses],
      workspaceClaims: [...others.flatMap((f) => f.document.claims), ...around.claims],
    });
    run.files.push({
      path: file.path,
      findings: findings
        .map((f) => {
          const start = file.document.positionAt(f.range.start);
          const end = file.document.positionAt(f.range.end);
          return {
            ...f,
            line: start.line + 1,
            column: start.character + 1,
            endLine: end.line + 1,
            endColumn: end.character + 1,
          };
        })
        .sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId)),
    });
  }
  return run;
}

export function hasErrors(run: CheckRun): boolean {
  return run.files.some((f) => f.findings.some((x) => x.severity === 'error'));
}

export function formatText(run: CheckRun): string {
  const lines: string[] = [];
  for (const file of run.files) {
    for (const f of file.findings)
      lines.push(`${file.path}:${f.line}:${f.column} ${f.severity} ${f.ruleId} ${f.message}`);
  }
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const file of run.files) for (const f of file.findings) counts[f.severity]++;
  lines.push(
    `${run.files.length} file${run.files.length === 1 ? '' : 's'} checked: ${counts.error} error(s), ${counts.warning} warning(s), ${counts.info + counts.hint} note(s)`,
  );
  return lines.join('\n');
}

export function formatJson(run: CheckRun): string {
  const files = run.files.map((file) => ({
    path: file.path,
    findings: file.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
    })),
  }));
  return JSON.stringify({ files, unreadable: run.unreadable, skipped: run.skipped }, null, 2);
}
