// The effective configuration of a job as a Markdown table and as Quick Pick items. Pure.
import type { EffectiveConfig, EffectiveConfigRow } from '../../protocol/requests';
import { versionSourceText } from './file-status';

export interface EffectiveViewOptions {
  /** The job file's name, for the title. */
  fileName: string;
  /** The job file's URI; written keys link to their line (`<uri>#L<n>`, one-based). */
  documentUri: string;
  jobIndex: number;
  jobs: number;
  /** The Spark version was chosen with "Select Spark Version". */
  overridden: boolean;
  /** The job file's path relative to the workspace: line links then read `path:line` (else the line number alone). */
  relativePath?: string;
}

/** A table cell: one line, pipes and backticks that would break the table escaped. */
export function cell(text: string | undefined): string {
  if (text === undefined || text === '') return '—';
  return text
    .replace(/\r?\n/g, ' ')
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/`/g, '\\`')
    .replace(/</g, '&lt;');
}

/** A value shown as code; empty and unset values get a dash. */
function codeCell(text: string | undefined): string {
  if (text === undefined || text === '') return '—';
  const clean = text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
  const fence = clean.includes('`') ? '``' : '`';
  return `${fence}${clean.includes('`') ? ` ${clean} ` : clean}${fence}`;
}

export function isWritten(row: EffectiveConfigRow): boolean {
  return row.line !== undefined;
}

/** One-based line link into the job file. */
export function lineLink(documentUri: string, line: number): string {
  return `${documentUri.split('#')[0]}#L${line + 1}`;
}

export function renderEffectiveMarkdown(config: EffectiveConfig, options: EffectiveViewOptions): string {
  const written = config.rows.filter(isWritten);
  const others = config.rows.filter((row) => !isWritten(row));
  const job = options.jobs > 1 ? ` (job ${options.jobIndex + 1} of ${options.jobs})` : '';
  const out: string[] = [
    `# Effective configuration: ${cell(options.fileName)}${job}`,
    '',
    `${config.kindLabel} · Spark ${config.sparkVersion} (${versionSourceText(config.versionFrom, options.overridden)})`,
    '',
    'What Spark uses for each key: the entry that wins where the file writes the key more than once, else a fallback key, else the default for this Spark version. Read-only; it follows the file when you run the command again.',
    '',
    `## Written in the file (${written.length})`,
    '',
  ];
  if (written.length === 0) out.push('_The job writes no Spark keys._', '');
  else out.push(...table(written, options, true), '');
  out.push(`## Not written: fallbacks and defaults (${others.length})`, '');
  if (others.length === 0) out.push('_None._', '');
  else out.push(...table(others, options, false), '');
  return out.join('\n');
}

function table(rows: readonly EffectiveConfigRow[], options: EffectiveViewOptions, withLines: boolean): string[] {
  const { documentUri, relativePath } = options;
  const label = (line: number): string =>
    relativePath !== undefined ? `${cell(relativePath).replace(/[[\]]/g, '\\$&')}:${line + 1}` : String(line + 1);
  const lines = [
    `| Key | Value | Source | Default in this version${withLines ? ' | Line' : ''} |`,
    `| --- | --- | --- | ---${withLines ? ' | ---:' : ''} |`,
  ];
  for (const row of rows) {
    const at =
      row.line !== undefined ? ` | [${label(row.line)}](${lineLink(documentUri, row.line)})` : withLines ? ' | —' : '';
    lines.push(
      `| ${codeCell(row.key)} | ${codeCell(row.value)} | ${cell(row.source)} | ${codeCell(row.defaultValue)}${at} |`,
    );
  }
  return lines;
}

export interface EffectivePickItem {
  label: string;
  description?: string;
  detail?: string;
  /** Zero-based line of the winning entry; undefined for keys the file does not write. */
  line?: number;
  /** A separator row between written keys and the rest. */
  separator?: boolean;
}

/** Quick Pick items: written keys first (choosing one reveals its line), then the rest under a separator. */
export function effectivePickItems(config: EffectiveConfig): EffectivePickItem[] {
  const items: EffectivePickItem[] = [];
  const written = config.rows.filter(isWritten);
  const others = config.rows.filter((row) => !isWritten(row));
  const add = (row: EffectiveConfigRow): void => {
    const differs = row.defaultValue !== undefined && row.value !== row.defaultValue;
    items.push({
      label: row.key,
      description: row.value === undefined || row.value === '' ? '(unset)' : row.value,
      detail: `${row.source}${row.line !== undefined ? ` · line ${row.line + 1}` : ''} · default ${row.defaultValue ?? 'none'}${differs ? ' (differs)' : ''}`,
      line: row.line,
    });
  };
  if (written.length > 0) items.push({ label: 'Written in the file', separator: true });
  written.forEach(add);
  if (others.length > 0) items.push({ label: 'Fallbacks and defaults', separator: true });
  others.forEach(add);
  return items;
}
