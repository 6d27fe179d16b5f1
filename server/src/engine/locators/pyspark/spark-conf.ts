// SparkConf objects in Python: which names hold one (`conf = SparkConf()`, `conf = SparkConf().set(…)`), whether a
// `.set(…)` call is made on one, and the literal pairs of `setAll([(k, v), …])` and `config(map={k: v, …})`.
import type { PyToken } from './tokenize';

export function isOp(token: PyToken | undefined, text: string): boolean {
  return token?.kind === 'op' && token.text === text;
}

export function isName(token: PyToken | undefined, text?: string): boolean {
  return token?.kind === 'name' && (text === undefined || token.text === text);
}

/** Index just past `SparkConf` when `SparkConf` or `pyspark.SparkConf` starts at `at`; -1 otherwise. */
function sparkConfAt(code: readonly PyToken[], at: number): number {
  if (isName(code[at], 'SparkConf')) return at + 1;
  if (isName(code[at], 'pyspark') && isOp(code[at + 1], '.') && isName(code[at + 2], 'SparkConf')) return at + 3;
  return -1;
}

/** Names assigned a SparkConf anywhere in the code: `name = SparkConf(…)…`, also inside parentheses. */
export function sparkConfNames(code: readonly PyToken[]): Set<string> {
  const names = new Set<string>();
  for (let i = 0; i + 2 < code.length; i++) {
    const name = code[i];
    if (!isName(name) || !isOp(code[i + 1], '=') || isOp(code[i + 2], '=') || isOp(code[i - 1], '.')) continue;
    let at = i + 2;
    while (isOp(code[at], '(')) at++;
    if (sparkConfAt(code, at) >= 0) names.add((name as PyToken).text);
  }
  return names;
}

/**
 * What a `.set(`/`.setAll(` call at `dot` is made on: a name (`conf.set`), a chain that starts with `SparkConf(…)`
 * (`SparkConf().setAppName("x").set(…)`), or undefined for anything else. `chainStart` is the first token of the
 * chain the call belongs to.
 */
export function setReceiver(
  code: readonly PyToken[],
  dot: number,
  chainStart: number,
): { kind: 'name'; name: string } | { kind: 'new-conf' } | undefined {
  if (sparkConfAt(code, chainStart) >= 0) return { kind: 'new-conf' };
  const before = code[dot - 1];
  if (isName(before)) return { kind: 'name', name: (before as PyToken).text };
  return undefined;
}

/** The variable a chain starting at `chainStart` is assigned to (`conf = SparkConf()…`, `conf = (SparkConf()…)`). */
export function assignedName(code: readonly PyToken[], chainStart: number): string | undefined {
  let at = chainStart - 1;
  while (isOp(code[at], '(')) at--;
  const target = code[at - 1];
  if (!isOp(code[at], '=') || isOp(code[at - 1], '=') || !isName(target) || isOp(code[at - 2], '.')) return undefined;
  return (target as PyToken).text;
}

/** Splits the tokens inside the brackets opened at `open` into the comma-separated items at the top level. */
export function bracketItems(tokens: readonly PyToken[], open: number): PyToken[][] {
  const items: PyToken[][] = [[]];
  let depth = 0;
  for (let i = open + 1; i < tokens.length; i++) {
    const token = tokens[i] as PyToken;
    if (token.kind === 'op' && '([{'.includes(token.text)) depth++;
    if (token.kind === 'op' && ')]}'.includes(token.text)) {
      if (depth === 0) break;
      depth--;
    }
    if (depth === 0 && isOp(token, ',')) {
      items.push([]);
      continue;
    }
    items[items.length - 1]?.push(token);
  }
  return items.filter((item) => item.length > 0);
}

/** `[(k, v), …]` or `((k, v), …)`: each pair's key and value token lists. Anything else yields nothing. */
export function pairsOfList(arg: readonly PyToken[]): Array<{ key: PyToken[]; value: PyToken[] }> {
  if (!isOp(arg[0], '[') && !isOp(arg[0], '(')) return [];
  const pairs: Array<{ key: PyToken[]; value: PyToken[] }> = [];
  for (const item of bracketItems(arg, 0)) {
    if (!isOp(item[0], '(') && !isOp(item[0], '[')) continue;
    const [key, value] = bracketItems(item, 0);
    if (key) pairs.push({ key, value: value ?? [] });
  }
  return pairs;
}

/** `{k: v, …}`: each item's key and value token lists. Anything else (a name, a dict() call) yields nothing. */
export function pairsOfDict(arg: readonly PyToken[]): Array<{ key: PyToken[]; value: PyToken[] }> {
  if (!isOp(arg[0], '{')) return [];
  const pairs: Array<{ key: PyToken[]; value: PyToken[] }> = [];
  for (const item of bracketItems(arg, 0)) {
    const colon = item.findIndex((token) => isOp(token, ':'));
    if (colon <= 0) continue;
    pairs.push({ key: item.slice(0, colon), value: item.slice(colon + 1) });
  }
  return pairs;
}
