// Adding a key to a job, in the container where it belongs for the file's format.
import type { ConfigEntry, JobConfig, KeyContainer } from '../model';
import { jsonEscape } from './set-value';
import { endOfLine, startOfLine } from './suppression';
import type { TextEdit } from './text-edit';

const CONTAINER_ORDER: readonly KeyContainer['kind'][] = [
  'json-properties',
  'yaml-spark-conf',
  'conf-file',
  'pyspark-builder',
  'submit-parameters',
];

/** The container new keys of `job` go into: the Spark properties map, else sparkSubmitParameters, else the file. */
export function bestContainer(job: JobConfig): KeyContainer | undefined {
  const candidates = job.containers.filter(
    (container) =>
      container.kind !== 'json-properties' ||
      container.classification === undefined ||
      container.classification === 'spark-defaults',
  );
  for (const kind of CONTAINER_ORDER) {
    const match = candidates.find((container) => container.kind === kind);
    if (match) return match;
  }
  return undefined;
}

/** An edit adding `key = value` to the job, or undefined when the job has nowhere to put it. */
export function insertKeyEdit(text: string, job: JobConfig, key: string, value: string): TextEdit | undefined {
  const container = bestContainer(job);
  if (!container) {
    const operator = job.kind === 'spark-operator' || job.kind === 'apache-spark-operator';
    return operator ? insertSparkConfBlock(text, job, key, value) : undefined;
  }
  const inside = job.entries.filter((entry) => within(entry, container));
  switch (container.kind) {
    case 'json-properties':
      return insertJsonProperty(text, container, inside, key, value);
    case 'submit-parameters':
      return insertSubmitConf(text, container, key, value);
    case 'yaml-spark-conf':
      return insertYamlEntry(text, container, inside, key, value);
    case 'conf-file':
      return container.indent === undefined
        ? insertConfLine(text, key, value)
        : insertIndentedConfLine(text, container, key, value);
    case 'pyspark-builder':
      return insertPysparkConfig(text, container, inside, key, value);
  }
}

function within(entry: ConfigEntry, container: KeyContainer): boolean {
  return entry.keyRange.start >= container.range.start && entry.keyRange.end <= container.range.end;
}

function lastEntry(entries: readonly ConfigEntry[]): ConfigEntry | undefined {
  let last: ConfigEntry | undefined;
  for (const entry of entries) if (!last || entry.valueRange.end > last.valueRange.end) last = entry;
  return last;
}

function lineIndent(text: string, offset: number): string {
  const start = startOfLine(text, offset);
  return /^[ \t]*/.exec(text.slice(start))?.[0] ?? '';
}

/** End of a value as written, past its closing quote when quoted. */
function endOfValue(text: string, entry: ConfigEntry): number {
  const end = entry.valueRange.end;
  const next = text.charAt(end);
  const before = entry.valueRange.start > 0 ? text.charAt(entry.valueRange.start - 1) : '';
  if ((next === '"' || next === "'") && before === next) return end + 1;
  return end;
}

function insertJsonProperty(
  text: string,
  container: KeyContainer,
  entries: readonly ConfigEntry[],
  key: string,
  value: string,
): TextEdit {
  const pair = `${JSON.stringify(key)}: ${JSON.stringify(value)}`;
  const last = lastEntry(entries);
  if (!last) {
    const inner = text.slice(container.range.start, container.range.end);
    if (inner.includes('\n')) {
      const closing = lineIndent(text, container.range.end);
      const indent = container.indent ?? `${closing}  `;
      return { range: { ...container.range }, newText: `\n${indent}${pair}\n${closing}` };
    }
    return { range: { ...container.range }, newText: pair };
  }
  const at = endOfValue(text, last);
  const sameLine = startOfLine(text, last.keyRange.start) === startOfLine(text, container.range.start);
  if (sameLine) return { range: { start: at, end: at }, newText: `, ${pair}` };
  const indent = container.indent ?? lineIndent(text, last.keyRange.start);
  return { range: { start: at, end: at }, newText: `,\n${indent}${pair}` };
}

function insertSubmitConf(text: string, container: KeyContainer, key: string, value: string): TextEdit {
  const inner = text.slice(container.range.start, container.range.end);
  const pair = /\s/.test(value) ? `"${key}=${value}"` : `${key}=${value}`;
  const addition = `${inner.trim() === '' || /\s$/.test(inner) ? '' : ' '}--conf ${pair}`;
  // Inside sparkSubmitParameters the option is JSON-escaped; on a script's spark-submit line it is written as is.
  const newText = container.encoding === 'json-string' ? jsonEscape(addition) : addition;
  return { range: { start: container.range.end, end: container.range.end }, newText };
}

function yamlPair(key: string, value: string): string {
  return `${key}: ${JSON.stringify(value)}`;
}

function insertYamlEntry(
  text: string,
  container: KeyContainer,
  entries: readonly ConfigEntry[],
  key: string,
  value: string,
): TextEdit {
  const last = lastEntry(entries);
  if (last) {
    const at = endOfLine(text, endOfValue(text, last));
    const indent = container.indent ?? lineIndent(text, last.keyRange.start);
    return { range: { start: at, end: at }, newText: `\n${indent}${yamlPair(key, value)}` };
  }
  const inner = text.slice(container.range.start, container.range.end);
  const brace = inner.indexOf('{');
  if (brace >= 0) {
    const close = inner.indexOf('}', brace);
    const start = container.range.start + brace + 1;
    const end = close >= 0 ? container.range.start + close : start;
    return { range: { start, end }, newText: ` ${key}: ${JSON.stringify(value)} ` };
  }
  const keyLine = text.lastIndexOf('sparkConf', container.range.start);
  const parentIndent = keyLine >= 0 ? lineIndent(text, keyLine) : '';
  const indent = container.indent ?? `${parentIndent}  `;
  const at = keyLine >= 0 ? endOfLine(text, keyLine) : container.range.start;
  return { range: { start: at, end: at }, newText: `\n${indent}${yamlPair(key, value)}` };
}

function insertSparkConfBlock(text: string, job: JobConfig, key: string, value: string): TextEdit | undefined {
  const body = text.slice(job.range.start, job.range.end);
  const spec = /^([ \t]*)spec:[ \t]*(#.*)?$/m.exec(body);
  if (!spec) return undefined;
  const specIndent = spec[1] ?? '';
  const lineEnd = job.range.start + spec.index + spec[0].length;
  const rest = body.slice(spec.index + spec[0].length).split('\n');
  let child = `${specIndent}  `;
  for (const line of rest) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
    if (indent.length > specIndent.length) child = indent;
    break;
  }
  const step = child.slice(specIndent.length) || '  ';
  return {
    range: { start: lineEnd, end: lineEnd },
    newText: `\n${child}sparkConf:\n${child}${step}${yamlPair(key, value)}`,
  };
}

function insertConfLine(text: string, key: string, value: string): TextEdit {
  const prefix = text === '' || text.endsWith('\n') ? '' : '\n';
  return { range: { start: text.length, end: text.length }, newText: `${prefix}${key} ${value}\n` };
}

/** A line added after the last line of spark-defaults text nested in another file (a YAML block scalar). */
function insertIndentedConfLine(text: string, container: KeyContainer, key: string, value: string): TextEdit {
  const { start, end } = container.range;
  const indent = container.indent ?? '';
  if (text.slice(start, end).trim() === '') {
    return { range: { start, end: start }, newText: `${indent}${key} ${value}\n` };
  }
  return { range: { start: end, end }, newText: `\n${indent}${key} ${value}` };
}

function insertPysparkConfig(
  text: string,
  container: KeyContainer,
  entries: readonly ConfigEntry[],
  key: string,
  value: string,
): TextEdit | undefined {
  const call = `.config(${JSON.stringify(key)}, ${JSON.stringify(value)})`;
  const last = lastEntry(entries);
  if (!last) {
    const inner = text.slice(container.range.start, container.range.end);
    const builder = /\bbuilder\b/.exec(inner);
    if (!builder) return undefined;
    const at = container.range.start + builder.index + builder[0].length;
    return { range: { start: at, end: at }, newText: call };
  }
  const close = closingParen(text, endOfValue(text, last));
  if (close < 0) return undefined;
  const at = close + 1;
  const configStart = text.lastIndexOf('.config', last.keyRange.start);
  const lineStart = startOfLine(text, last.keyRange.start);
  const ownLine = configStart >= lineStart && text.slice(lineStart, configStart).trim() === '';
  if (!ownLine) return { range: { start: at, end: at }, newText: call };
  const indent = lineIndent(text, configStart);
  const restOfLine = text.slice(at, endOfLine(text, at));
  if (/^\s*\\\s*$/.test(restOfLine)) return { range: { start: at, end: at }, newText: ` \\\n${indent}${call}` };
  if (parenDepth(text, at) > 0) return { range: { start: at, end: at }, newText: `\n${indent}${call}` };
  return { range: { start: at, end: at }, newText: call };
}

/** The `)` closing the call whose last argument ends at `from`, skipping strings. */
function closingParen(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === '"' || ch === "'") {
      i = skipString(text, i);
      continue;
    }
    if (ch === '(') depth++;
    else if (ch === ')') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

function skipString(text: string, start: number): number {
  const quote = text.charAt(start);
  const triple = quote.repeat(3);
  if (text.startsWith(triple, start)) {
    const close = text.indexOf(triple, start + 3);
    return close < 0 ? text.length : close + 2;
  }
  for (let i = start + 1; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === '\\') i++;
    else if (ch === quote || ch === '\n') return i;
  }
  return text.length;
}

/** Brackets still open at `to`, counted from the start of the file. */
function parenDepth(text: string, to: number): number {
  let depth = 0;
  for (let i = 0; i < to; i++) {
    const ch = text.charAt(i);
    if (ch === '#') {
      i = endOfLine(text, i);
      continue;
    }
    if (ch === '"' || ch === "'") {
      i = skipString(text, i);
      continue;
    }
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') depth--;
  }
  return depth;
}
