// The PySpark locator: `.config("k", "v")` and `.config(map={…})` calls (usually on `SparkSession.builder`),
// `spark.conf.set("k", "v")`, and SparkConf objects (`SparkConf().set(…)`, `conf.set(…)`, `conf.setAll([…])`, handed
// to the builder by `.config(conf=conf)`) in a Python file make one job. A file without such calls is not a Spark job
// as far as we are concerned.
import type { CompletionContext, ConfigEntry, JobConfig, KeyContainer, ParsedFile } from '../model';
import { emptyParsedFile } from '../model';
import { readDirectives } from './comment-directives';
import {
  chainAround,
  codeTokens,
  findConfigCalls,
  findConfLinks,
  isBuilderChain,
  type Chain,
  type ConfigCall,
} from './pyspark/calls';
import { tokenizePython, type PyToken } from './pyspark/tokenize';

/** Reads a Python file. Never throws. */
export function parsePyspark(text: string): ParsedFile {
  const parsed = emptyParsedFile('python');
  let tokens: PyToken[];
  try {
    tokens = tokenizePython(text);
  } catch {
    return parsed;
  }
  const code = codeTokens(tokens);
  const calls = findConfigCalls(code);
  if (calls.length === 0) return parsed;

  const entries = rankedEntries(calls, findConfLinks(code));
  const comments = tokens
    .filter((token) => token.kind === 'comment')
    .map((token) => ({ start: token.range.start, text: token.text }));
  const directives = readDirectives(text, comments);
  const job: JobConfig = {
    kind: 'pyspark',
    range: { start: 0, end: text.length },
    entries,
    facts: { platform: 'unknown' },
    containers: builderContainers(text, code, calls),
  };
  if (directives.version) job.sparkVersion = directives.version;
  parsed.jobs.push(job);
  parsed.suppressions.push(...directives.suppressions);
  return parsed;
}

/** Inside the key string of a config call: key completion; inside its value string: value completion. */
export function pysparkCompletionContext(
  text: string,
  parsed: ParsedFile,
  offset: number,
): CompletionContext | undefined {
  const job = parsed.jobs.find((candidate) => candidate.kind === 'pyspark');
  if (!job) return undefined;
  let code: PyToken[];
  try {
    code = codeTokens(tokenizePython(text));
  } catch {
    return undefined;
  }
  const inside = (token: PyToken | undefined): token is PyToken =>
    !!token?.content && offset >= token.content.start && offset <= token.content.end;
  for (const call of findConfigCalls(code)) {
    if (inside(call.key) && call.key.content) {
      const container = job.containers[0] ?? { kind: 'pyspark-builder', range: { ...job.range } };
      const replace = call.key.content;
      const prefix = text.slice(replace.start, offset);
      return { kind: 'key', job, container, replace, prefix, style: 'python-string' };
    }
    if (call.value.kind === 'string' && inside(call.value.token) && call.key?.value !== undefined) {
      const replace = call.value.token.content ?? call.value.token.range;
      const prefix = text.slice(replace.start, offset);
      return { kind: 'value', job, key: call.key.value, replace, prefix, style: 'python-string' };
    }
  }
  return undefined;
}

/**
 * Entries in document order, ranked by when Spark applies them: in call order, except that the settings of a SparkConf
 * take effect where the builder copies it (`.config(conf=conf)`), so builder calls after that point override them.
 */
function rankedEntries(calls: readonly ConfigCall[], links: ReturnType<typeof findConfLinks>): ConfigEntry[] {
  const linkedAt = new Map<string, number>();
  for (const link of links) if (!linkedAt.has(link.confName)) linkedAt.set(link.confName, link.dotIndex);
  const found: Array<{ entry: Omit<ConfigEntry, 'rank'>; applied: number; order: number }> = [];
  calls.forEach((call, order) => {
    const entry = entryOf(call);
    if (!entry) return;
    const link = call.confName === undefined ? undefined : linkedAt.get(call.confName);
    found.push({ entry, applied: link === undefined ? call.dotIndex : Math.max(link, call.dotIndex), order });
  });
  const byApplication = [...found].sort((a, b) => a.applied - b.applied || a.order - b.order);
  const ranks = new Map(byApplication.map((item, rank) => [item, rank]));
  return found.map((item) => ({ ...item.entry, rank: ranks.get(item) ?? 0 }));
}

function entryOf(call: ConfigCall): Omit<ConfigEntry, 'rank'> | undefined {
  const key = call.key;
  if (!key?.content || key.value === undefined || key.value === '') return undefined;
  const base = { key: key.value, keyRange: key.content, origin: 'pyspark-config' as const };
  switch (call.value.kind) {
    case 'string': {
      const token = call.value.token;
      return { ...base, value: token.value ?? '', valueRange: token.content ?? token.range };
    }
    case 'literal':
      return { ...base, value: call.value.text, valueRange: call.value.range, nonStringValue: true };
    case 'missing':
      return { ...base, value: '', valueRange: { start: key.range.end, end: key.range.end } };
    case 'dynamic':
      return undefined;
  }
}

/** One container per method chain holding config calls (or a `builder`); SparkSession builder chains first. */
function builderContainers(text: string, code: readonly PyToken[], calls: readonly ConfigCall[]): KeyContainer[] {
  const chains = new Map<number, { chain: Chain; builder: boolean; configDots: number[] }>();
  let covered: Chain | undefined;
  for (const call of calls) {
    if (call.method !== 'config') continue;
    // Calls of one chain come in order; reuse the chain found for an earlier call instead of walking it again.
    if (covered && call.dotIndex >= covered.first && call.dotIndex <= covered.last) {
      chains.get(covered.first)?.configDots.push(call.dotIndex);
      continue;
    }
    const chain = chainAround(code, call.dotIndex);
    covered = chain;
    const known = chains.get(chain.first);
    if (known) known.configDots.push(call.dotIndex);
    else chains.set(chain.first, { chain, builder: isBuilderChain(code, chain), configDots: [call.dotIndex] });
  }
  const ordered = [...chains.values()].sort(
    (a, b) => Number(b.builder) - Number(a.builder) || a.chain.first - b.chain.first,
  );
  return ordered.map(({ chain, configDots }) => {
    const start = code[chain.first]?.range.start ?? 0;
    const end = code[chain.last]?.range.end ?? start;
    const container: KeyContainer = { kind: 'pyspark-builder', range: { start, end } };
    const indent = lineIndent(
      text,
      configDots.map((dot) => code[dot]?.range.start ?? -1),
    );
    if (indent !== undefined) container.indent = indent;
    return container;
  });
}

/** The whitespace before the first of these offsets that opens its line (a `.config` written on its own line). */
function lineIndent(text: string, offsets: readonly number[]): string | undefined {
  for (const offset of offsets) {
    if (offset < 0) continue;
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    const before = text.slice(lineStart, offset);
    if (/^[ \t]*$/.test(before)) return before;
  }
  return undefined;
}
