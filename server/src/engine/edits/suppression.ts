// Inserting a `spark-dra-disable-next-line <rule>` comment above a line, where the file format has comments.
import type { FileFormat } from '../model';
import type { TextEdit } from './text-edit';

export const DISABLE_NEXT_LINE = 'spark-dra-disable-next-line';
export const DISABLE_LINE = 'spark-dra-disable-line';

/**
 * An edit that silences `ruleId` on the line starting at `lineStart`, or undefined when the format has no comments
 * (JSON), a script (see below), or a comment cannot go there (a Python line continued from the previous one with a backslash, which itself
 * ends in a backslash).
 */
export function suppressionEdit(
  text: string,
  format: FileFormat,
  lineStart: number,
  ruleId: string,
): TextEdit | undefined {
  // Shell scripts: a comment line inside a here-document would land in the JSON, and inside a command continued with
  // `\` it would end the command; no suppression edit is offered there (a comment written by hand still works).
  if (format === 'json' || format === 'shell') return undefined;
  const start = startOfLine(text, lineStart);
  const lineEnd = endOfLine(text, start);
  const line = text.slice(start, lineEnd);
  const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
  if (format === 'python' && start > 0) {
    const previous = text.slice(startOfLine(text, start - 1), start).replace(/\r?\n$/, '');
    if (/\\\s*$/.test(previous)) {
      if (/\\\s*$/.test(line)) return undefined;
      return { range: { start: lineEnd, end: lineEnd }, newText: `  # ${DISABLE_LINE} ${ruleId}` };
    }
  }
  return { range: { start, end: start }, newText: `${indent}# ${DISABLE_NEXT_LINE} ${ruleId}\n` };
}

export function startOfLine(text: string, offset: number): number {
  const clamped = Math.max(0, Math.min(offset, text.length));
  return text.lastIndexOf('\n', clamped - 1) + 1;
}

/** Offset of the line break ending the line that holds `offset` (before a `\r`), or the text's end. */
export function endOfLine(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  if (newline < 0) return text.length;
  return newline > 0 && text.charAt(newline - 1) === '\r' ? newline - 1 : newline;
}
