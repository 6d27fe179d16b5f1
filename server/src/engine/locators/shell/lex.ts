// Reads a POSIX/bash script into simple commands (their words, with where each character came from), here-documents
// (their bodies and whether the shell expands them), comments and the spans of parameter/command expansions. It is
// not a shell: it knows quoting, line continuations, comments, command separators and here-documents, which is what
// finding Spark settings in a script needs. Never throws; unclosed quotes and here-documents run to the end.
import type { Range } from '../../model';
import type { CommentSpan } from '../comment-directives';
import type { ShellWord, WordChar } from '../spark-submit/words';

export interface ScriptWord extends ShellWord {
  /** When the whole word is one single-quoted string: the span between the quotes (its text is taken literally). */
  singleQuoted?: Range;
  /** Every single-quoted part of the word, in order (between the quotes), when it has any. */
  singleQuotedParts?: Range[];
}

export interface HereDocument {
  delimiter: string;
  /** False when the delimiter was quoted (`<<'EOF'`, `<<"EOF"`, `<<\EOF`): the body is then taken literally. */
  expands: boolean;
  /** `<<-`: leading tabs of the body lines and of the closing line are removed. */
  stripTabs: boolean;
  /** The body, from the line after the command to the start of the closing delimiter line. */
  body: Range;
  /** False when the text ended before the closing delimiter. */
  closed: boolean;
  /** Index of the command whose redirection introduced it. */
  command: number;
}

export interface ScriptCommand {
  words: ScriptWord[];
  /** From the first word's start to the last word's end. */
  range: Range;
}

export interface Script {
  commands: ScriptCommand[];
  hereDocuments: HereDocument[];
  comments: CommentSpan[];
  /** `$NAME`, `${…}`, `$(…)` and backquoted commands, outside single quotes and in expanding here-documents. */
  expansions: Range[];
}

const BLANK = new Set([' ', '\t', '\r']);
const SEPARATORS = new Set([';', '&', '|', '(', ')']);
const NAME_START = /[A-Za-z_]/;
const NAME_PART = /[A-Za-z0-9_]/;
const SPECIAL_PARAMETER = /[0-9@*#?$!-]/;
/** Characters a backslash escapes inside double quotes (elsewhere in double quotes it stays). */
const DOUBLE_QUOTE_ESCAPABLE = new Set(['"', '\\', '$', '`']);

interface PendingHereDocument {
  delimiter: string;
  expands: boolean;
  stripTabs: boolean;
  command: number;
}

/** Lexes the whole script. */
export function lexScript(text: string): Script {
  const script: Script = { commands: [], hereDocuments: [], comments: [], expansions: [] };
  let words: ScriptWord[] = [];
  let chars: WordChar[] = [];
  let wordStart = -1;
  let singleQuoted: Range | undefined;
  let singleQuotedParts: Range[] = [];
  let partsInWord = 0;
  let pending: PendingHereDocument[] = [];

  const endWord = (end: number): void => {
    if (wordStart < 0) return;
    const word: ScriptWord = { value: chars.map((c) => c.ch).join(''), chars, start: wordStart, end };
    if (singleQuoted && partsInWord === 1) word.singleQuoted = singleQuoted;
    if (singleQuotedParts.length > 0) word.singleQuotedParts = singleQuotedParts;
    words.push(word);
    singleQuotedParts = [];
    chars = [];
    wordStart = -1;
    singleQuoted = undefined;
    partsInWord = 0;
  };
  const startWord = (at: number): void => {
    if (wordStart < 0) wordStart = at;
    partsInWord++;
  };
  const endCommand = (): void => {
    if (words.length > 0) {
      const first = words[0] as ScriptWord;
      const last = words[words.length - 1] as ScriptWord;
      script.commands.push({ words, range: { start: first.start, end: last.end } });
    }
    words = [];
  };
  const literal = (from: number, to: number): void => {
    for (let j = from; j < to; j++) chars.push({ ch: text[j] as string, at: j });
  };

  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (BLANK.has(ch)) {
      endWord(i);
      i++;
    } else if (ch === '\n') {
      endWord(i);
      endCommand();
      i++;
      if (pending.length > 0) {
        i = readHereDocuments(text, i, pending, script);
        pending = [];
      }
    } else if (ch === '#' && wordStart < 0) {
      const end = lineEnd(text, i);
      script.comments.push({ start: i, text: text.slice(i, end) });
      i = end;
    } else if (ch === '\\') {
      if (text[i + 1] === '\n') {
        i += 2; // a line continuation joins the lines
        continue;
      }
      startWord(i);
      if (i + 1 < text.length) chars.push({ ch: text[i + 1] as string, at: i + 1 });
      i += 2;
    } else if (ch === "'") {
      startWord(i);
      const close = text.indexOf("'", i + 1);
      const stop = close < 0 ? text.length : close;
      literal(i + 1, stop);
      if (partsInWord === 1) singleQuoted = { start: i + 1, end: stop };
      singleQuotedParts.push({ start: i + 1, end: stop });
      i = close < 0 ? text.length : close + 1;
    } else if (ch === '"') {
      startWord(i);
      i = readDoubleQuoted(text, i + 1, chars, script.expansions);
    } else if (ch === '$' && text[i + 1] === "'") {
      startWord(i);
      i = readAnsiQuoted(text, i + 2, chars);
    } else if (ch === '$' || ch === '`') {
      startWord(i);
      const end = expansionEnd(text, i);
      if (end > i + 1 || ch === '`') script.expansions.push({ start: i, end });
      literal(i, end);
      i = end;
    } else if (SEPARATORS.has(ch)) {
      endWord(i);
      endCommand();
      i++;
    } else if (ch === '<' && text[i + 1] === '<' && text[i + 2] !== '<') {
      endWord(i);
      const read = readHereDocumentOperator(text, i, script.commands.length);
      if (read.pending) pending.push(read.pending);
      i = read.next;
    } else if (ch === '<' || ch === '>') {
      // A redirection operator is kept as a word of its own, so `cat > job.json` reads as cat, >, job.json.
      endWord(i);
      let end = i + 1;
      while (end < text.length && (text[end] === '<' || text[end] === '>' || text[end] === '&')) end++;
      startWord(i);
      literal(i, end);
      endWord(end);
      i = end;
    } else {
      startWord(i);
      chars.push({ ch, at: i });
      i++;
    }
  }
  endWord(text.length);
  endCommand();
  return script;
}

function lineEnd(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  return newline < 0 ? text.length : newline;
}

/** Reads a double-quoted string after its opening quote; returns the offset after the closing quote. */
function readDoubleQuoted(text: string, from: number, chars: WordChar[], expansions: Range[]): number {
  let i = from;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === '"') return i + 1;
    if (ch === '\\' && i + 1 < text.length) {
      const next = text[i + 1] as string;
      if (next === '\n') {
        i += 2;
        continue;
      }
      if (DOUBLE_QUOTE_ESCAPABLE.has(next)) {
        chars.push({ ch: next, at: i + 1 });
        i += 2;
        continue;
      }
    }
    if (ch === '$' || ch === '`') {
      const end = expansionEnd(text, i);
      if (end > i + 1 || ch === '`') expansions.push({ start: i, end });
      for (let j = i; j < end; j++) chars.push({ ch: text[j] as string, at: j });
      i = end;
      continue;
    }
    chars.push({ ch, at: i });
    i++;
  }
  return i;
}

/** Reads a bash `$'…'` string after its opening quote (backslash escapes kept as written). */
function readAnsiQuoted(text: string, from: number, chars: WordChar[]): number {
  let i = from;
  while (i < text.length && text[i] !== "'") {
    const step = text[i] === '\\' ? 2 : 1;
    for (let j = i; j < Math.min(i + step, text.length); j++) chars.push({ ch: text[j] as string, at: j });
    i += step;
  }
  return Math.min(i + 1, text.length);
}

/**
 * The end of the expansion starting at `at` (a `$` or a backquote): `${…}` and `$(…)` to their matching closer,
 * `$NAME`, `$1`, `$@` …, a backquoted command to the next backquote. A lone `$` ends right after itself.
 */
export function expansionEnd(text: string, at: number): number {
  if (text[at] === '`') {
    let i = at + 1;
    while (i < text.length && text[i] !== '`') i += text[i] === '\\' ? 2 : 1;
    return Math.min(i + 1, text.length);
  }
  const next = text[at + 1] ?? '';
  if (next === '{' || next === '(') {
    const open = next;
    const close = open === '{' ? '}' : ')';
    let depth = 0;
    for (let i = at + 1; i < text.length; i++) {
      const ch = text[i];
      if (ch === '\\') {
        i++;
      } else if (open === '(' && (ch === "'" || ch === '"')) {
        // A quoted string inside a command substitution may hold parentheses (JSON, messages): skip it whole.
        i = quotedStringEnd(text, i) - 1;
      } else if (ch === open) {
        depth++;
      } else if (ch === close) {
        depth--;
        if (depth === 0) return i + 1;
      } else if (ch === '\n' && open === '{') {
        return i;
      }
    }
    return text.length;
  }
  if (NAME_START.test(next)) {
    let i = at + 2;
    while (i < text.length && NAME_PART.test(text[i] as string)) i++;
    return i;
  }
  if (SPECIAL_PARAMETER.test(next)) return at + 2;
  return at + 1;
}

/** The offset after the quoted string opening at `at` (its end of text when unclosed). */
function quotedStringEnd(text: string, at: number): number {
  const quote = text[at];
  let i = at + 1;
  while (i < text.length && text[i] !== quote) i += quote === '"' && text[i] === '\\' ? 2 : 1;
  return Math.min(i + 1, text.length);
}

/** Reads `<<[-] DELIM` starting at the first `<`: the pending here-document and where reading continues. */
function readHereDocumentOperator(
  text: string,
  at: number,
  command: number,
): { pending?: PendingHereDocument; next: number } {
  let i = at + 2;
  const stripTabs = text[i] === '-';
  if (stripTabs) i++;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  let delimiter = '';
  let expands = true;
  while (i < text.length && !BLANK.has(text[i] as string) && text[i] !== '\n' && !SEPARATORS.has(text[i] as string)) {
    const ch = text[i] as string;
    if (ch === "'" || ch === '"') {
      expands = false;
      const close = text.indexOf(ch, i + 1);
      const stop = close < 0 ? text.length : close;
      delimiter += text.slice(i + 1, stop);
      i = close < 0 ? text.length : close + 1;
    } else if (ch === '\\') {
      expands = false;
      delimiter += text[i + 1] ?? '';
      i += 2;
    } else if (ch === '<' || ch === '>') {
      break;
    } else {
      delimiter += ch;
      i++;
    }
  }
  if (delimiter === '') return { next: i };
  return { pending: { delimiter, expands, stripTabs, command }, next: i };
}

/** Reads the bodies of the here-documents opened on the line that just ended; returns the offset after the last. */
function readHereDocuments(
  text: string,
  from: number,
  pending: readonly PendingHereDocument[],
  script: Script,
): number {
  let at = from;
  for (const document of pending) {
    const bodyStart = at;
    let closed = false;
    let bodyEnd = text.length;
    let next = text.length;
    while (at < text.length) {
      const end = lineEnd(text, at);
      let line = text.slice(at, end).replace(/\r$/, '');
      if (document.stripTabs) line = line.replace(/^\t+/, '');
      if (line === document.delimiter) {
        closed = true;
        bodyEnd = at;
        next = Math.min(end + 1, text.length);
        break;
      }
      at = end + 1;
    }
    const body = { start: bodyStart, end: Math.min(bodyEnd, text.length) };
    script.hereDocuments.push({ ...document, body, closed });
    if (document.expands) collectBodyExpansions(text, body, script.expansions);
    at = next;
    if (!closed) return text.length;
  }
  return at;
}

/** Expansions in an expanding here-document body: there only `\`, `$` and backquotes are special. */
function collectBodyExpansions(text: string, body: Range, out: Range[]): void {
  for (let i = body.start; i < body.end; i++) {
    const ch = text[i];
    if (ch === '\\') {
      i++;
    } else if (ch === '$' || ch === '`') {
      const end = Math.min(expansionEnd(text, i), body.end);
      if (end > i + 1 || ch === '`') {
        out.push({ start: i, end });
        i = end - 1;
      }
    }
  }
}
