// `spark-dra check`: analyses files as the editor would and reports findings as text, JSON or SARIF.
import { readFileSync } from 'node:fs';
import { LineIndex } from '../engine/line-index';
import { detectFormat, parseFile } from '../engine/locators';
import type { ParsedFile, StorageClassInfo } from '../engine/model';
import { analyze } from '../engine/rules';
import type { Finding } from '../engine/rules/types';

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
  sparkVersion?: string;
  severities?: Record<string, 'off' | 'info' | 'warning' | 'error'>;
}

export function checkFiles(paths: string[], options: CheckOptions): CheckRun {
  const run: CheckRun = { files: [], unreadable: [], skipped: [] };
  const loaded: { path: string; text: string; parsed: ParsedFile }[] = [];
  for (const path of paths) {
    if (!detectFormat({ fileName: path })) {
      run.skipped.push(path);
      continue;
    }
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      run.unreadable.push({ path, reason: error instanceof Error ? error.message : String(error) });
      continue;
    }
    loaded.push({ path, text, parsed: parseFile({ fileName: path, text }) });
  }
  // StorageClasses anywhere among the checked files count, as they do across an editor workspace.
  const classesByFile = loaded.map((f) => f.parsed.storageClasses);
  const claimsByFile = loaded.map((f) => f.parsed.claims ?? []);
  for (const [index, file] of loaded.entries()) {
    const others: StorageClassInfo[] = classesByFile.filter((_, i) => i !== index).flat();
    const findings = analyze({
      text: file.text,
      parsed: file.parsed,
      settings: {
        defaultSparkVersion: options.sparkVersion,
        versionOverride: options.sparkVersion,
        severities: options.severities,
      },
      workspaceStorageClasses: others,
      workspaceClaims: claimsByFile.filter((_, i) => i !== index).flat(),
    });
    const lines = new LineIndex(file.text);
    run.files.push({
      path: file.path,
      findings: findings
        .map((f) => {
          const start = lines.positionAt(f.range.start);
          const end = lines.positionAt(f.range.end);
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
