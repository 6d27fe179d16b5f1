// Checks the spark-defaults TextMate grammar without an Oniguruma engine: the grammar sticks to regex syntax that
// JavaScript shares, so its rules can be compiled and run here on sample lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface Rule {
  name?: string;
  match?: string;
  begin?: string;
  end?: string;
  include?: string;
  patterns?: Rule[];
  captures?: Record<string, Rule>;
  beginCaptures?: Record<string, Rule>;
}
interface Grammar {
  scopeName: string;
  patterns: Rule[];
  repository: Record<string, Rule>;
}

const root = fileURLToPath(new URL('../../../', import.meta.url));
const grammar = JSON.parse(readFileSync(`${root}syntaxes/spark-defaults.tmLanguage.json`, 'utf8')) as Grammar;
const languageConfig = JSON.parse(
  readFileSync(`${root}syntaxes/spark-defaults.language-configuration.json`, 'utf8'),
) as { comments?: { lineComment?: string } };

function resolve(rule: Rule): Rule {
  if (!rule.include) return rule;
  const target = grammar.repository[rule.include.replace(/^#/, '')];
  assert.ok(target, `missing repository rule ${rule.include}`);
  return target;
}

/** The innermost scope of each character of `text`, using the listed match rules (earliest match wins, then order). */
function scopesOf(text: string, rules: Rule[], base = ''): string[] {
  const scopes: string[] = new Array<string>(text.length).fill(base);
  const flat = rules.map(resolve).flatMap((rule) => (rule.patterns ? rule.patterns.map(resolve) : [rule]));
  let at = 0;
  while (at < text.length) {
    let best: { index: number; match: RegExpExecArray; rule: Rule } | undefined;
    for (const rule of flat) {
      if (!rule.match) continue;
      const regex = new RegExp(rule.match, 'gd');
      regex.lastIndex = at;
      const match = regex.exec(text);
      if (match && match[0].length > 0 && (!best || match.index < best.index))
        best = { index: match.index, match, rule };
    }
    if (!best) break;
    const end = best.index + best.match[0].length;
    for (let i = best.index; i < end; i++) scopes[i] = best.rule.name ?? base;
    for (const [group, capture] of Object.entries(best.rule.captures ?? {})) {
      const span = best.match.indices?.[Number(group)];
      if (span && capture.name) for (let i = span[0]; i < span[1]; i++) scopes[i] = capture.name;
    }
    at = end;
  }
  return scopes;
}

function scopeOfPart(line: string, part: string): string {
  const entry = grammar.repository.entry as Rule;
  const begin = new RegExp(entry.begin ?? '', 'd').exec(line);
  assert.ok(begin, line);
  const key = begin[1] ?? '';
  const separatorEnd = begin.indices?.[0]?.[1] ?? 0;
  const keyScopes = scopesOf(key, (grammar.repository.key as Rule).patterns ?? []);
  const valueScopes = scopesOf(line.slice(separatorEnd), (grammar.repository.value as Rule).patterns ?? []);
  const at = line.indexOf(part);
  assert.ok(at >= 0, `${part} not in ${line}`);
  const keyStart = begin.indices?.[1]?.[0] ?? 0;
  if (at >= keyStart && at < keyStart + key.length) return keyScopes[at - keyStart] ?? '';
  if (at < separatorEnd) return (entry.beginCaptures?.['2'] as Rule).name ?? '';
  return valueScopes[at - separatorEnd] ?? '';
}

test('grammar: scope name, and every regex compiles', () => {
  assert.equal(grammar.scopeName, 'source.spark-defaults');
  assert.equal(languageConfig.comments?.lineComment, '#');
  const visit = (rule: Rule): void => {
    for (const source of [rule.match, rule.begin, rule.end])
      if (source !== undefined) assert.doesNotThrow(() => new RegExp(source));
    for (const child of rule.patterns ?? []) visit(child);
    for (const child of Object.values({ ...rule.captures, ...rule.beginCaptures })) visit(child);
  };
  grammar.patterns.forEach(visit);
  Object.values(grammar.repository).forEach(visit);
});

test('grammar: comments and directives', () => {
  const comment = grammar.repository.comment as Rule;
  for (const line of ['# hello', '   ! legacy', '# spark-dra: sparkVersion=3.5.1']) {
    assert.ok(new RegExp(comment.match ?? '').test(line), line);
  }
  assert.ok(!new RegExp(comment.match ?? '').test('spark.a 1 # trailing'));
  const directive = scopesOf('spark-dra-disable-next-line rule-a', [{ include: '#directive' }]);
  assert.equal(directive[0], 'keyword.other.directive.spark-dra');
  const version = '# spark-dra: sparkVersion=3.5.1';
  const versionScopes = scopesOf(version, [{ include: '#directive' }]);
  assert.equal(versionScopes[version.indexOf('3.5.1')], 'constant.numeric.version.spark-dra');
});

test('grammar: keys, separators and typed values', () => {
  assert.equal(
    scopeOfPart('spark.dynamicAllocation.executorIdleTimeout = 60s', 'spark.dyn'),
    'support.type.property-name.spark.spark-defaults',
  );
  assert.equal(
    scopeOfPart('spark.dynamicAllocation.executorIdleTimeout = 60s', '= '),
    'punctuation.separator.key-value.spark-defaults',
  );
  assert.equal(
    scopeOfPart('spark.dynamicAllocation.executorIdleTimeout = 60s', '60'),
    'constant.numeric.quantity.spark-defaults',
  );
  assert.equal(
    scopeOfPart('spark.dynamicAllocation.executorIdleTimeout = 60s', 's'),
    'support.type.property-name.spark.spark-defaults',
  );
  assert.equal(scopeOfPart('  spark.executor.memory:4G', '4'), 'constant.numeric.quantity.spark-defaults');
  assert.equal(scopeOfPart('spark.executor.memory 4g', 'g'), 'keyword.other.unit.spark-defaults');
  assert.equal(scopeOfPart('spark.dynamicAllocation.enabled true', 'true'), 'constant.language.boolean.spark-defaults');
  assert.equal(scopeOfPart('spark.executor.cores\t4', '4'), 'constant.numeric.spark-defaults');
  assert.equal(scopeOfPart('my.custom.key 4', 'my.custom'), 'variable.other.property.spark-defaults');
  assert.equal(scopeOfPart('spark.a -Dtrue=1', 'true'), 'string.unquoted.value.spark-defaults');
  assert.equal(scopeOfPart('spark.a x\\u0041', '\\u'), 'constant.character.escape.spark-defaults');
  assert.equal(scopeOfPart('spark.a 1 \\', '\\'), 'punctuation.separator.continuation.line.spark-defaults');
});
