// A fast reader for well-formed JSON (comments and trailing commas allowed, the commas noted): one pass over character
// codes that builds
// the same tree as the visitor-based reader in parse.ts. It gives up, returning undefined, at the first thing
// jsonc-parser would report as an error (or anything unusual); the caller then reads the text with jsonc-parser, which
// recovers from errors and reports them. Large files are usually well formed, and jsonc-parser's tokenizer builds a
// string for every run of whitespace: this reader allocates only the tree.
import type { Node } from 'jsonc-parser';
import type { CommentToken } from './comment-token';
import {
  BACKSLASH,
  CLOSE_BRACE,
  CLOSE_BRACKET,
  COLON,
  COMMA,
  OPEN_BRACE,
  OPEN_BRACKET,
  QUOTE,
} from '../../json-char-codes';

/** A node under construction: jsonc-parser's Node with its fields writable. */
export interface Building {
  type: Node['type'];
  value?: unknown;
  offset: number;
  length: number;
  colonOffset?: number;
  children?: Building[];
}

export interface WellFormed {
  root: Building;
  comments: CommentToken[];
  /** Offsets of commas written just before a closing brace or bracket (jsonc-parser accepts them; strict JSON not). */
  trailingCommas: number[];
}

/** Nesting deeper than this is left to jsonc-parser (which also recurses). */
const MAX_DEPTH = 200;

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const SLASH = 0x2f;
const STAR = 0x2a;
const MINUS = 0x2d;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;

/** Thrown (and caught in readWellFormed) to give up on a text that is not plainly well formed. */
class NotWellFormed {}
const GIVE_UP = new NotWellFormed();

/** The tree, comments and trailing commas of `text`, or undefined when jsonc-parser would report any error for it. */
export function readWellFormed(text: string): WellFormed | undefined {
  const comments: CommentToken[] = [];
  const trailingCommas: number[] = [];
  const length = text.length;
  let pos = 0;

  const isDigit = (code: number): boolean => code >= ZERO && code <= NINE;

  /** Skips whitespace, line breaks and comments (recording the comments); gives up on a stray or unclosed comment. */
  const skip = (): void => {
    while (pos < length) {
      const code = text.charCodeAt(pos);
      if (code === SPACE || code === TAB || code === LF || code === CR) {
        pos++;
      } else if (code === SLASH) {
        const next = text.charCodeAt(pos + 1);
        const start = pos;
        if (next === SLASH) {
          pos += 2;
          while (pos < length) {
            const c = text.charCodeAt(pos);
            if (c === LF || c === CR) break;
            pos++;
          }
        } else if (next === STAR) {
          const close = text.indexOf('*/', pos + 2);
          if (close < 0) throw GIVE_UP;
          pos = close + 2;
        } else {
          throw GIVE_UP;
        }
        comments.push({ offset: start, length: pos - start });
      } else {
        return;
      }
    }
  };

  /** After a number or keyword: jsonc-parser's tokenizer would run on into any other character. */
  const expectDelimiter = (): void => {
    if (pos >= length) return;
    const code = text.charCodeAt(pos);
    if (
      code === SPACE ||
      code === TAB ||
      code === LF ||
      code === CR ||
      code === COMMA ||
      code === CLOSE_BRACE ||
      code === CLOSE_BRACKET ||
      code === SLASH
    )
      return;
    throw GIVE_UP;
  };

  /** A string literal at `pos` (its opening quote): the node, with the value decoded. */
  const readString = (): Building => {
    const start = pos;
    let escaped = false;
    let i = pos + 1;
    for (;;) {
      if (i >= length) throw GIVE_UP;
      const code = text.charCodeAt(i);
      if (code === QUOTE) break;
      if (code < SPACE) throw GIVE_UP; // a control character or line break: jsonc-parser reports it
      if (code === BACKSLASH) {
        escaped = true;
        i += 2;
        continue;
      }
      i++;
    }
    pos = i + 1;
    let value: string;
    if (!escaped) {
      value = text.slice(start + 1, i);
    } else {
      // JSON.parse accepts exactly the escapes jsonc-parser decodes without error, and decodes them alike.
      try {
        value = JSON.parse(text.slice(start, pos)) as string;
      } catch {
        throw GIVE_UP;
      }
    }
    return { type: 'string', value, offset: start, length: pos - start };
  };

  const readNumber = (): Building => {
    const start = pos;
    if (text.charCodeAt(pos) === MINUS) pos++;
    if (text.charCodeAt(pos) === ZERO) pos++;
    else if (isDigit(text.charCodeAt(pos))) while (isDigit(text.charCodeAt(pos))) pos++;
    else throw GIVE_UP;
    if (text.charCodeAt(pos) === DOT) {
      pos++;
      if (!isDigit(text.charCodeAt(pos))) throw GIVE_UP;
      while (isDigit(text.charCodeAt(pos))) pos++;
    }
    const e = text.charCodeAt(pos);
    if (e === 0x65 || e === 0x45) {
      pos++;
      const sign = text.charCodeAt(pos);
      if (sign === 0x2b || sign === MINUS) pos++;
      if (!isDigit(text.charCodeAt(pos))) throw GIVE_UP;
      while (isDigit(text.charCodeAt(pos))) pos++;
    }
    expectDelimiter();
    return { type: 'number', value: Number(text.slice(start, pos)), offset: start, length: pos - start };
  };

  const readKeyword = (word: string, type: Node['type'], value: boolean | null): Building => {
    if (!text.startsWith(word, pos)) throw GIVE_UP;
    const start = pos;
    pos += word.length;
    expectDelimiter();
    return { type, value, offset: start, length: word.length };
  };

  const readValue = (depth: number): Building => {
    if (depth > MAX_DEPTH) throw GIVE_UP;
    const code = text.charCodeAt(pos);
    if (code === OPEN_BRACE) return readObject(depth);
    if (code === OPEN_BRACKET) return readArray(depth);
    if (code === QUOTE) return readString();
    if (code === MINUS || isDigit(code)) return readNumber();
    if (code === 0x74) return readKeyword('true', 'boolean', true);
    if (code === 0x66) return readKeyword('false', 'boolean', false);
    if (code === 0x6e) return readKeyword('null', 'null', null);
    throw GIVE_UP;
  };

  const readObject = (depth: number): Building => {
    const node: Building = { type: 'object', offset: pos, length: -1, children: [] };
    const children = node.children as Building[];
    pos++;
    skip();
    while (text.charCodeAt(pos) !== CLOSE_BRACE) {
      if (text.charCodeAt(pos) !== QUOTE) throw GIVE_UP;
      const key = readString();
      skip();
      if (text.charCodeAt(pos) !== COLON) throw GIVE_UP;
      const colonOffset = pos;
      pos++;
      skip();
      const value = readValue(depth + 1);
      // Built whole, once its value is read: one object with every field, one array of exactly two children.
      const length = value.offset + value.length - key.offset;
      children.push({ type: 'property', offset: key.offset, length, children: [key, value], colonOffset });
      skip();
      const next = text.charCodeAt(pos);
      if (next === COMMA) {
        const comma = pos;
        pos++;
        skip(); // a trailing comma before the brace is read, and noted
        if (text.charCodeAt(pos) === CLOSE_BRACE) trailingCommas.push(comma);
      } else if (next !== CLOSE_BRACE) {
        throw GIVE_UP;
      }
    }
    pos++;
    node.length = pos - node.offset;
    return node;
  };

  const readArray = (depth: number): Building => {
    const node: Building = { type: 'array', offset: pos, length: -1, children: [] };
    const children = node.children as Building[];
    pos++;
    skip();
    while (text.charCodeAt(pos) !== CLOSE_BRACKET) {
      children.push(readValue(depth + 1));
      skip();
      const next = text.charCodeAt(pos);
      if (next === COMMA) {
        const comma = pos;
        pos++;
        skip(); // a trailing comma before the bracket is read, and noted
        if (text.charCodeAt(pos) === CLOSE_BRACKET) trailingCommas.push(comma);
      } else if (next !== CLOSE_BRACKET) {
        throw GIVE_UP;
      }
    }
    pos++;
    node.length = pos - node.offset;
    return node;
  };

  try {
    skip();
    if (pos >= length) return undefined;
    const root = readValue(0);
    skip();
    if (pos < length) return undefined;
    return { root, comments, trailingCommas };
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}
