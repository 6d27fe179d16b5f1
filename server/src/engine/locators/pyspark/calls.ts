// Finds `.config(key, value)` (and `.config(map={…})`), `conf.set(key, value)` and SparkConf `set`/`setAll` calls in
// a token stream, with their literal arguments, the `.config(conf=…)` calls that hand a SparkConf to a builder, and
// the method chains (such as `SparkSession.builder….getOrCreate()`) they belong to.
import type { Range } from '../../model';
import { assignedName, isName, isOp, pairsOfDict, pairsOfList, setReceiver, sparkConfNames } from './spark-conf';
import type { PyToken } from './tokenize';

/** What a call's value argument holds. */
export type CallValue =
  | { kind: 'string'; token: PyToken }
  | { kind: 'literal'; text: string; range: Range } // a number or True/False
  | { kind: 'missing' }
  | { kind: 'dynamic' }; // a variable, an expression, an f-string: unknown until run time

export interface ConfigCall {
  /** `config` or `set`. */
  method: 'config' | 'set';
  /** Index (in the code tokens) of the `.` before the method name. */
  dotIndex: number;
  /** The key argument when it is a plain string literal. */
  key?: PyToken;
  value: CallValue;
  /** SparkConf sets: the variable holding the conf (`conf` in `conf = SparkConf()`), when there is one. */
  confName?: string;
}

/** A `.config(conf=name)` call: the SparkConf in `name` is copied into the builder there. */
export interface ConfLink {
  dotIndex: number;
  confName: string;
}

/** Tokens that matter for code shape: comments dropped. */
export function codeTokens(tokens: readonly PyToken[]): PyToken[] {
  return tokens.filter((token) => token.kind !== 'comment');
}

/** Every config call in the code tokens, in order (one per pair for `setAll` and `config(map=…)`). */
export function findConfigCalls(code: readonly PyToken[]): ConfigCall[] {
  const calls: ConfigCall[] = [];
  let confs: Set<string> | undefined;
  for (let i = 1; i < code.length; i++) {
    if (!isOp(code[i - 1], '.') || !isOp(code[i + 1], '(')) continue;
    const name = code[i] as PyToken;
    if (name.kind !== 'name') continue;
    const dotIndex = i - 1;
    if (name.text === 'config') {
      const args = splitArguments(code, i + 1);
      if (keywordArgument(args, 'conf')) continue; // a link, see findConfLinks
      const map = keywordArgument(args, 'map');
      if (map) {
        for (const pair of pairsOfDict(map))
          calls.push({ method: 'config', dotIndex, ...readPair(pair.key, pair.value) });
      } else {
        calls.push({ method: 'config', dotIndex, ...readArguments(args) });
      }
      continue;
    }
    if (name.text !== 'set' && name.text !== 'setAll') continue;
    confs ??= sparkConfNames(code);
    const chain = chainAround(code, dotIndex);
    const receiver = setReceiver(code, dotIndex, chain.first);
    const attribute = isOp(code[dotIndex - 2], '.');
    let confName: string | undefined;
    if (receiver?.kind === 'new-conf') confName = assignedName(code, chain.first);
    else if (receiver?.kind === 'name' && !attribute && confs.has(receiver.name)) confName = receiver.name;
    else if (!(receiver?.kind === 'name' && receiver.name === 'conf')) continue; // not a conf we know
    const named = confName === undefined ? {} : { confName };
    const args = splitArguments(code, i + 1);
    if (name.text === 'set') {
      calls.push({ method: 'set', dotIndex, ...readArguments(args), ...named });
    } else {
      for (const pair of pairsOfList(args[0] ?? [])) {
        calls.push({ method: 'set', dotIndex, ...readPair(pair.key, pair.value), ...named });
      }
    }
  }
  return calls;
}

/** Every `.config(conf=name)` call, in order. */
export function findConfLinks(code: readonly PyToken[]): ConfLink[] {
  const links: ConfLink[] = [];
  for (let i = 1; i < code.length; i++) {
    if (!isOp(code[i - 1], '.') || !isName(code[i], 'config') || !isOp(code[i + 1], '(')) continue;
    const conf = keywordArgument(splitArguments(code, i + 1), 'conf');
    if (conf?.length === 1 && isName(conf[0])) links.push({ dotIndex: i - 1, confName: (conf[0] as PyToken).text });
  }
  return links;
}

/** The tokens of the keyword argument `name=…`, if the call has one. */
function keywordArgument(args: readonly PyToken[][], name: string): PyToken[] | undefined {
  const found = args.find((arg) => isName(arg[0], name) && isOp(arg[1], '=') && !isOp(arg[2], '='));
  return found?.slice(2);
}

/** A key/value pair written as two token lists (a setAll tuple, a map item). */
function readPair(key: PyToken[], value: PyToken[]): { key?: PyToken; value: CallValue } {
  const first = key[0];
  const result: { key?: PyToken; value: CallValue } = { value: readValue(value) };
  if (first?.kind === 'string' && !first.formatted && (key.length === 1 || first.unterminated === true)) {
    result.key = first;
  }
  return result;
}

/** The argument token lists of the call whose `(` is at `open`, up to the matching `)` or the end of the tokens. */
function splitArguments(code: readonly PyToken[], open: number): PyToken[][] {
  const args: PyToken[][] = [[]];
  let depth = 0;
  for (let i = open + 1; i < code.length; i++) {
    const token = code[i];
    if (!token) break;
    if (token.kind === 'op' && '([{'.includes(token.text)) depth += 1;
    if (token.kind === 'op' && ')]}'.includes(token.text)) {
      if (depth === 0) break;
      depth -= 1;
    }
    if (depth === 0 && isOp(token, ',')) {
      args.push([]);
      continue;
    }
    args[args.length - 1]?.push(token);
  }
  return args;
}

function readArguments(args: PyToken[][]): { key?: PyToken; value: CallValue } {
  let keyArg: PyToken[] | undefined;
  let valueArg: PyToken[] | undefined;
  const positional: PyToken[][] = [];
  for (const arg of args) {
    if (isName(arg[0]) && isOp(arg[1], '=') && !isOp(arg[2], '=')) {
      if (arg[0]?.text === 'key') keyArg = arg.slice(2);
      else if (arg[0]?.text === 'value') valueArg = arg.slice(2);
      continue;
    }
    positional.push(arg);
  }
  keyArg ??= positional[0];
  valueArg ??= positional[1];
  const first = keyArg?.[0];
  const keyIsLiteral =
    first?.kind === 'string' && !first.formatted && (keyArg?.length === 1 || first.unterminated === true);
  const result: { key?: PyToken; value: CallValue } = { value: readValue(valueArg) };
  if (keyIsLiteral && first) result.key = first;
  return result;
}

function readValue(arg: PyToken[] | undefined): CallValue {
  if (!arg || arg.length === 0) return { kind: 'missing' };
  const [first, second] = arg;
  if (!first) return { kind: 'missing' };
  if (arg.length === 1 && first.kind === 'string' && !first.formatted) return { kind: 'string', token: first };
  if (arg.length === 1 && first.kind === 'number') return { kind: 'literal', text: first.text, range: first.range };
  if (arg.length === 1 && (isName(first, 'True') || isName(first, 'False'))) {
    return { kind: 'literal', text: first.text.toLowerCase(), range: first.range };
  }
  if (arg.length === 2 && isOp(first, '-') && second?.kind === 'number') {
    return { kind: 'literal', text: `-${second.text}`, range: { start: first.range.start, end: second.range.end } };
  }
  return { kind: 'dynamic' };
}

/** Index of the bracket matching the closing one at `close`, searching backwards, or -1. */
function openingBracket(code: readonly PyToken[], close: number): number {
  let depth = 0;
  for (let i = close; i >= 0; i--) {
    const token = code[i];
    if (token?.kind !== 'op') continue;
    if (')]}'.includes(token.text)) depth += 1;
    if ('([{'.includes(token.text)) {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Index of the bracket matching the opening one at `open`, or the last token index when it is never closed. */
function closingBracket(code: readonly PyToken[], open: number): number {
  let depth = 0;
  for (let i = open; i < code.length; i++) {
    const token = code[i];
    if (token?.kind !== 'op') continue;
    if ('([{'.includes(token.text)) depth += 1;
    if (')]}'.includes(token.text)) {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return code.length - 1;
}

export interface Chain {
  /** First and last token index of the chain. */
  first: number;
  last: number;
}

/** The method chain through the `.` at `dot`: back to its root name, forward over `.name(…)` links. */
export function chainAround(code: readonly PyToken[], dot: number): Chain {
  let first = dot;
  for (;;) {
    const before = code[first - 1];
    if (isOp(before, ')') || isOp(before, ']')) {
      const open = openingBracket(code, first - 1);
      if (open <= 0 || !isName(code[open - 1])) break;
      first = open - 1;
    } else if (isName(before)) {
      first -= 1;
    } else {
      break;
    }
    if (!isOp(code[first - 1], '.')) break;
    first -= 1;
  }
  let last = dot;
  while (isOp(code[last], '.') && isName(code[last + 1])) {
    last += 1;
    while (isOp(code[last + 1], '(') || isOp(code[last + 1], '[')) last = closingBracket(code, last + 1);
    if (!isOp(code[last + 1], '.')) break;
    last += 1;
  }
  return { first, last };
}

/** True when the chain reads `….builder…` (a SparkSession builder). */
export function isBuilderChain(code: readonly PyToken[], chain: Chain): boolean {
  for (let i = chain.first + 1; i <= chain.last; i++) {
    if (isName(code[i], 'builder') && isOp(code[i - 1], '.')) return true;
  }
  return false;
}
