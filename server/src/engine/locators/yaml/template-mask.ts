// Helm (Go template) actions in YAML: `{{ … }}`, `{{- … -}}`, `{{/* … */}}`, on one line or several. They are masked
// before parsing so that the YAML around them can still be read, with every offset unchanged:
// - an action alone on its line (control flow, includes, comments), or one running over several lines, becomes spaces,
//   so the line reads as blank;
// - an action sharing its line with YAML (a value, a key, part of a quoted string) becomes a run of underscores, a
//   neutral plain scalar of the same length, so that `key: {{ .Values.x }}` still reads as a key with a value.
// The masked spans are kept: whatever overlaps them is rendered by Helm, not written in the file.
import type { Range } from '../../model';

export interface MaskedTemplate {
  /** The text with every action masked; same length and line breaks as the original. */
  text: string;
  /** The spans of the actions, in order, not overlapping. */
  spans: Range[];
}

/** True when a YAML file is a Helm template: it sits in a chart's `templates/` folder or holds a `{{` action. */
export function isTemplateFile(fileName: string, text: string): boolean {
  return /(^|\/)templates\//.test(fileName.replace(/\\/g, '/')) || text.includes('{{');
}

/** Masks every action of `text` (see the file comment). Text without `{{` comes back as it is. */
export function maskTemplateActions(text: string): MaskedTemplate {
  const spans: Range[] = [];
  let at = text.indexOf('{{');
  while (at >= 0) {
    const end = actionEnd(text, at);
    spans.push({ start: at, end });
    at = text.indexOf('{{', end);
  }
  if (spans.length === 0) return { text, spans };
  const out: string[] = [];
  let from = 0;
  spans.forEach((span, index) => {
    out.push(text.slice(from, span.start), replacement(text, index, spans));
    from = span.end;
  });
  out.push(text.slice(from));
  return { text: out.join(''), spans };
}

/** True when `range` overlaps a masked span (`spans` sorted, as maskTemplateActions returns them). */
export function overlapsTemplate(spans: readonly Range[], range: Range): boolean {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const span = spans[middle] as Range;
    if (span.end <= range.start) low = middle + 1;
    else if (span.start >= range.end && !(range.start === range.end && span.start === range.start)) high = middle - 1;
    else return true;
  }
  return false;
}

/**
 * The offset just past the `}}` closing the action opened at `start`. Quoted strings and raw strings inside the action
 * may hold `}}`; comments end at `*\/` first. An action never closed runs to the end of its line.
 */
function actionEnd(text: string, start: number): number {
  let at = start + 2;
  const afterTrim = /^-?[ \t\r\n]*/.exec(text.slice(at, at + 32))?.[0].length ?? 0;
  if (text.startsWith('/*', at + afterTrim)) {
    const commentEnd = text.indexOf('*/', at + afterTrim + 2);
    const close = commentEnd < 0 ? -1 : text.indexOf('}}', commentEnd + 2);
    return close < 0 ? lineEnd(text, start) : close + 2;
  }
  while (at < text.length) {
    const ch = text[at];
    if (ch === '}' && text[at + 1] === '}') return at + 2;
    if (ch === '"' || ch === '`' || ch === "'") {
      at = stringEnd(text, at, ch);
      continue;
    }
    if (ch === '\n' && text.indexOf('}}', at) < 0) return at;
    at += 1;
  }
  return text.length;
}

/** The offset after the string literal opened at `start` (a raw string may span lines; the others may not). */
function stringEnd(text: string, start: number, quote: string): number {
  for (let at = start + 1; at < text.length; at++) {
    const ch = text[at];
    if (quote !== '`' && ch === '\\') {
      at += 1;
      continue;
    }
    if (ch === quote) return at + 1;
    if (ch === '\n' && quote !== '`') return at;
  }
  return text.length;
}

function lineEnd(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  return newline < 0 ? text.length : newline;
}

/** Spaces for an action that stands alone or spans lines, underscores for one sharing its line with YAML. */
function replacement(text: string, index: number, spans: readonly Range[]): string {
  const span = spans[index] as Range;
  const source = text.slice(span.start, span.end);
  if (source.includes('\n') || aloneOnLine(text, index, spans)) return source.replace(/[^\r\n]/g, ' ');
  return '_'.repeat(source.length);
}

/** True when the line holding spans[index] has nothing but actions and white space. */
function aloneOnLine(text: string, index: number, spans: readonly Range[]): boolean {
  const span = spans[index] as Range;
  const lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
  const end = lineEnd(text, span.end);
  // The actions on the same line are the neighbours of this one in the sorted list.
  let first = index;
  while (first > 0 && (spans[first - 1] as Range).end > lineStart) first -= 1;
  let rest = '';
  let from = lineStart;
  for (let at = first; at < spans.length && (spans[at] as Range).start < end; at++) {
    const other = spans[at] as Range;
    rest += text.slice(from, Math.max(from, other.start));
    from = Math.max(from, other.end);
  }
  rest += text.slice(Math.min(from, end), end);
  return rest.trim() === '';
}
