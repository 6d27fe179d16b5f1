// Splits a spark-submit parameter string into words the way a POSIX shell would (whitespace, quotes,
// backslashes), keeping for every character of a word its index in the input so spans can be mapped back.

/** One character of a word and the index in the input it was read from. */
export interface WordChar {
  ch: string;
  at: number;
}

/** One word of the input after quote removal, with where it was written. */
export interface ShellWord {
  /** The word after quote removal. */
  value: string;
  chars: WordChar[];
  /** Input span of the word as written, quotes included: [start, end). */
  start: number;
  end: number;
  /** Set when the input ended inside a quote that this word opened. */
  unclosedQuote?: "'" | '"';
}

const BLANK = /[ \t\r\n]/;
/** Characters a backslash escapes inside double quotes (elsewhere it stays literal). */
const DOUBLE_QUOTE_ESCAPABLE = new Set(['"', '\\', '$', '`']);

/** Splits `input` into words; never throws, an unclosed quote runs to the end of the input. */
export function splitShellWords(input: string): ShellWord[] {
  const words: ShellWord[] = [];
  let i = 0;
  while (i < input.length) {
    if (BLANK.test(input[i])) {
      i++;
      continue;
    }
    const start = i;
    const chars: WordChar[] = [];
    let unclosedQuote: "'" | '"' | undefined;
    while (i < input.length && !BLANK.test(input[i])) {
      const ch = input[i];
      if (ch === "'") {
        const close = input.indexOf("'", i + 1);
        const stop = close < 0 ? input.length : close;
        for (let j = i + 1; j < stop; j++) chars.push({ ch: input[j], at: j });
        if (close < 0) unclosedQuote = "'";
        i = close < 0 ? input.length : close + 1;
      } else if (ch === '"') {
        const read = readDoubleQuoted(input, i + 1, chars);
        if (!read.closed) unclosedQuote = '"';
        i = read.next;
      } else if (ch === '\\') {
        const next = input[i + 1];
        if (next === undefined) {
          chars.push({ ch, at: i });
          i++;
        } else if (next === '\n') {
          i += 2;
        } else {
          chars.push({ ch: next, at: i + 1 });
          i += 2;
        }
      } else {
        chars.push({ ch, at: i });
        i++;
      }
    }
    const word: ShellWord = { value: chars.map((c) => c.ch).join(''), chars, start, end: i };
    if (unclosedQuote) word.unclosedQuote = unclosedQuote;
    words.push(word);
  }
  return words;
}

/** Reads a double-quoted stretch starting after its opening quote; returns where reading stopped. */
function readDoubleQuoted(input: string, from: number, chars: WordChar[]): { next: number; closed: boolean } {
  let i = from;
  while (i < input.length) {
    const ch = input[i];
    if (ch === '"') return { next: i + 1, closed: true };
    if (ch === '\\' && i + 1 < input.length) {
      const next = input[i + 1];
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
    chars.push({ ch, at: i });
    i++;
  }
  return { next: i, closed: false };
}
