// Differential test of the YAML fast path: for every YAML fixture of the repository, a generated benchmark file and
// thousands of seeded mutants of them, the locator must give the same ParsedFile with the fast path on and off; the
// fast reader's trees, and our conversion of the package's trees, must match the `yaml` package's nodes node for node;
// and the linear duplicate-key check must report what the package's own check reported.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { Composer, Parser, isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import { readYamlFile } from '../../../server/src/engine/locators/yaml';
import type { DocumentRoute } from '../../../server/src/engine/locators/yaml/syntax/documents';
import { documentStarts, parseYamlDocuments } from '../../../server/src/engine/locators/yaml/syntax/documents';
import {
  DUPLICATE_KEY_MESSAGE,
  withDuplicateKeyErrors,
} from '../../../server/src/engine/locators/yaml/syntax/duplicate-keys';
import { readBlockDocument } from '../../../server/src/engine/locators/yaml/syntax/fast-reader';
import { fromPackageNode } from '../../../server/src/engine/locators/yaml/syntax/from-package';
import type { TreeNode } from '../../../server/src/engine/locators/yaml/syntax/tree';
import { YAML_FIXTURES } from './yaml-fixtures';
import { mulberry32 } from '../../../server/src/engine/workload/prng';

const ROOT = join(__dirname, '../../..');
const SEED = process.env.SPARK_DRA_FUZZ_SEED ? Number(process.env.SPARK_DRA_FUZZ_SEED) : 0x7a31;
const MUTANTS = 3000;

interface Source {
  name: string;
  text: string;
}

function repositorySources(): Source[] {
  const found: Source[] = [];
  for (const dir of ['examples', 'test/fixtures/cli', 'test/fixtures/e2e']) {
    let names: string[];
    try {
      names = readdirSync(join(ROOT, dir)).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      if (/\.ya?ml$/.test(name))
        found.push({ name: `${dir}/${name}`, text: readFileSync(join(ROOT, dir, name), 'utf8') });
    }
  }
  return [...found, ...YAML_FIXTURES];
}

/** The benchmark's 2k-line multi-document SparkApplication file, from its own generator. */
let BENCH_2K = '';
before(async () => {
  // A computed specifier: the generator is plain JavaScript without type declarations.
  const generator = pathToFileURL(join(ROOT, 'bench/generate.mjs')).href;
  const module = (await import(generator)) as { generateSparkApplicationYaml: (lines: number) => string };
  BENCH_2K = module.generateSparkApplicationYaml(2000);
});

/** The engine's seeded generator (mulberry32), so runs are the same on every machine. */
const prng = mulberry32;

const ALPHABET = [...'{}[]:,"\'\n\n\r\n  -=#.\\\t|>&*!%@`?~0123456789abcdefsparkTrue\u00e9    #'];

function below(rand: () => number, limit: number): number {
  return Math.floor(rand() * limit);
}

/** One to three edits: spans deleted, characters inserted, lines dropped, repeated, indented or commented, truncation. */
function mutate(rand: () => number, text: string): string {
  let out = text;
  const edits = 1 + below(rand, 3);
  for (let i = 0; i < edits; i++) {
    const choice = below(rand, 7);
    if (choice === 0) {
      const start = below(rand, out.length + 1);
      out = out.slice(0, start) + out.slice(Math.min(out.length, start + below(rand, 40)));
    } else if (choice === 1 || choice === 2) {
      const at = below(rand, out.length + 1);
      let insert = '';
      for (let j = 1 + below(rand, 6); j > 0; j--) insert += ALPHABET[below(rand, ALPHABET.length)];
      out = out.slice(0, at) + insert + out.slice(at);
    } else if (choice === 3) {
      const lines = out.split('\n');
      const at = below(rand, lines.length);
      if (rand() < 0.5) lines.splice(at, 1);
      else lines.splice(at, 0, lines[below(rand, lines.length)] ?? '');
      out = lines.join('\n');
    } else if (choice === 4) {
      out = out.slice(0, below(rand, out.length + 1));
    } else if (choice === 5) {
      const lines = out.split('\n');
      lines.splice(below(rand, lines.length), 0, `${' '.repeat(below(rand, 8))}# note ${below(rand, 9)}`);
      out = lines.join('\n');
    } else {
      const lines = out.split('\n');
      const at = below(rand, lines.length);
      lines[at] = ' '.repeat(1 + below(rand, 2)) + (lines[at] ?? '');
      out = lines.join('\n');
    }
  }
  return out;
}

/** Parses both ways; returns how the fast run read each document. */
function assertSameParse(text: string, label: string): DocumentRoute[] {
  const routes: DocumentRoute[] = [];
  const fast = readYamlFile(text, { fastPath: true, onDocument: (route) => routes.push(route) });
  const reference = readYamlFile(text, { fastPath: false });
  assert.deepEqual(fast, reference, `${label}: fast and reference parses differ\n${JSON.stringify(text)}`);
  return routes;
}

/** The tree the `yaml` package composes for text[range], as the locator takes it: the first non-empty document. */
function packageTree(text: string, range: { start: number; end: number }): unknown {
  const source = text.slice(range.start, range.end);
  const composer = new Composer({ prettyErrors: false, uniqueKeys: false });
  const docs = Array.from(composer.compose(new Parser().parse(source), true, source.length));
  return docs.find((doc) => doc.contents !== null)?.contents ?? null;
}

const sameRange = (ours: readonly number[], theirs: readonly number[] | null | undefined, shift: number): boolean =>
  !!theirs && ours.length === 3 && ours.every((offset, index) => offset === (theirs[index] as number) + shift);

/** Node-for-node comparison of one of our trees with the `yaml` package's nodes (whose ranges are `shift` less). */
function treeDifference(ours: TreeNode | null, theirs: unknown, shift: number, path: string): string | undefined {
  if (ours === null || theirs === null) return ours === theirs ? undefined : `${path}: one side is null`;
  if (!sameRange(ours.range, (theirs as { range?: number[] }).range, shift)) {
    return `${path}: range ${String(ours.range)} vs ${String((theirs as { range?: number[] }).range)} (+${shift})`;
  }
  if (ours.kind === 'scalar' && isScalar(theirs)) {
    if (ours.type !== theirs.type || ours.source !== theirs.source || ours.format !== theirs.format)
      return `${path}: type/source/format`;
    if (ours.minFractionDigits !== theirs.minFractionDigits) return `${path}: minFractionDigits`;
    if (ours.hasProperties !== (theirs.tag !== undefined || theirs.anchor !== undefined))
      return `${path}: tag or anchor`;
    return Object.is(ours.value, theirs.value)
      ? undefined
      : `${path}: value ${String(ours.value)} vs ${String(theirs.value)}`;
  }
  if (ours.kind === 'map' && isMap(theirs)) {
    if (ours.flow !== (theirs.flow === true)) return `${path}: flow`;
    if (ours.items.length !== theirs.items.length)
      return `${path}: ${ours.items.length} vs ${theirs.items.length} items`;
    for (let index = 0; index < ours.items.length; index++) {
      const pair = theirs.items[index];
      const item = ours.items[index];
      if (!isPair(pair) || !item) return `${path}[${index}]: not a pair`;
      const difference =
        treeDifference(item.key, pair.key, shift, `${path}[${index}].key`) ??
        treeDifference(item.value, pair.value, shift, `${path}[${index}].value`);
      if (difference) return difference;
    }
    return undefined;
  }
  if (ours.kind === 'seq' && isSeq(theirs)) {
    if (ours.flow !== (theirs.flow === true)) return `${path}: flow`;
    if (ours.items.length !== theirs.items.length)
      return `${path}: ${ours.items.length} vs ${theirs.items.length} items`;
    for (let index = 0; index < ours.items.length; index++) {
      const difference = treeDifference(ours.items[index] ?? null, theirs.items[index], shift, `${path}[${index}]`);
      if (difference) return difference;
    }
    return undefined;
  }
  if (ours.kind === 'alias' && isAlias(theirs)) return undefined;
  return `${path}: different node kinds`;
}

/**
 * Every document must give the package's tree through our conversion; every document the fast reader accepts must give
 * the package's tree, node for node, the same comments and the same errors (duplicate keys are the only ones the fast
 * reader lets through).
 */
function assertSameTrees(text: string, label: string): number {
  const reference = parseYamlDocuments(text, { fastPath: false });
  const routes: DocumentRoute[] = [];
  const viaFast = parseYamlDocuments(text, { fastPath: true, onDocument: (route) => routes.push(route) });
  assert.equal(viaFast.length, reference.length, `${label}: document count`);
  let accepted = 0;
  reference.forEach((doc, index) => {
    const where = `${label} @${doc.range.start}`;
    const source = () => JSON.stringify(text.slice(doc.range.start, doc.range.end));
    const theirs = packageTree(text, doc.range);
    const converted = treeDifference(doc.contents, theirs, doc.range.start, 'root');
    assert.equal(converted, undefined, `${where}: conversion: ${converted ?? ''}\n${source()}`);
    const fast = viaFast[index];
    if (routes[index] !== 'fast' || !fast) return;
    accepted += 1;
    assert.deepEqual(fast.errors, doc.errors, `${where}: errors differ`);
    const difference = treeDifference(fast.contents, theirs, doc.range.start, 'root');
    assert.equal(difference, undefined, `${where}: ${difference ?? ''}\n${source()}`);
    assert.deepEqual(fast.comments, doc.comments, `${where}: comments differ`);
  });
  return accepted;
}

/**
 * The package's own (quadratic) duplicate-key errors against ours, chunk by chunk, for documents whose only errors
 * are duplicate keys. (In documents broken in other ways too, the package can place a duplicate-key error a few
 * characters off, or order it differently among the other errors; we do not chase those.)
 */
function assertSameDuplicateErrors(text: string, label: string): number {
  const starts = documentStarts(text);
  let compared = 0;
  starts.forEach((start, index) => {
    const source = text.slice(start, starts[index + 1] ?? text.length);
    const tokens = Array.from(new Parser().parse(source));
    const theirs = Array.from(new Composer({ prettyErrors: false }).compose(tokens, true, source.length));
    const ours = Array.from(
      new Composer({ prettyErrors: false, uniqueKeys: false }).compose(tokens, true, source.length),
    );
    theirs.forEach((doc, at) => {
      const expected = doc.errors.map((error) => ({ message: error.message, pos: error.pos }));
      if (expected.some((error) => error.message !== DUPLICATE_KEY_MESSAGE)) return;
      const mine = ours[at];
      assert.ok(mine, `${label}: document count`);
      if (expected.length > 0) compared += 1;
      const actual = withDuplicateKeyErrors(mine.errors, fromPackageNode(mine.contents, 0), source);
      assert.deepEqual(actual, expected, `${label} @${start}: duplicate-key errors\n${JSON.stringify(source)}`);
    });
  });
  return compared;
}

test('fixtures and the 2k-line benchmark file parse the same with and without the fast path', (t) => {
  let documents = 0;
  let accepted = 0;
  for (const { name, text } of repositorySources()) {
    assertSameParse(text, name);
    assertSameParse(text.replace(/\n/g, '\r\n'), `${name} (CRLF)`);
    accepted += assertSameTrees(text, name) + assertSameTrees(text.replace(/\n/g, '\r\n'), `${name} (CRLF)`);
    documents += 2 * documentStarts(text).length;
    assertSameDuplicateErrors(text, name);
  }
  t.diagnostic(`fixtures: ${accepted} of ${documents} documents (LF and CRLF) on the fast path`);
  const routes = assertSameParse(BENCH_2K, 'bench 2k');
  assertSameTrees(BENCH_2K, 'bench 2k');
  assertSameDuplicateErrors(BENCH_2K, 'bench 2k');
  const fast = routes.filter((route) => route === 'fast').length;
  const parsed = routes.filter((route) => route !== 'skipped').length;
  const skipped = routes.length - parsed;
  // The ConfigMaps are skipped unparsed; everything else, deliberate duplicate keys included, is in the subset.
  t.diagnostic(`bench 2k: ${routes.length} documents, ${fast} fast, ${parsed - fast} yaml, ${skipped} skipped`);
  assert.ok(fast / parsed >= 0.95, `only ${fast} of ${parsed} benchmark documents took the fast path`);
  assert.ok(skipped > 0, 'the ConfigMaps of the benchmark file should be skipped');
});

test('the fast reader handles the fixtures written in the subset', () => {
  const names = [
    'app',
    'scheduled',
    'rich',
    'empty-values',
    'trailing',
    'suppressions',
    'empty-conf',
    'duplicate-block',
  ];
  for (const name of names) {
    const fixture = YAML_FIXTURES.find((candidate) => candidate.name === name);
    assert.ok(fixture, name);
    assert.ok(readBlockDocument(fixture.text, 0, fixture.text.length), `${name} should take the fast path`);
  }
  for (const name of ['flow-conf', 'unreadable', 'compose']) {
    const fixture = YAML_FIXTURES.find((candidate) => candidate.name === name);
    assert.ok(fixture, name);
    assert.equal(readBlockDocument(fixture.text, 0, fixture.text.length), undefined, `${name} is outside the subset`);
  }
});

test('seeded mutants parse the same with and without the fast path', (t) => {
  const rand = prng(SEED);
  const bases = [
    ...repositorySources().map((source) => source.text),
    // The benchmark file in pieces of a few documents, so that a mutant stays small.
    ...BENCH_2K.split(/^(?=---$)/m).slice(0, 24),
  ];
  let accepted = 0;
  let documents = 0;
  let withDuplicates = 0;
  for (let index = 0; index < MUTANTS; index++) {
    const base = bases[index % bases.length] ?? '';
    const text = mutate(rand, rand() < 0.2 ? base.replace(/\n/g, '\r\n') : base);
    const label = `mutant ${index} (seed ${SEED})`;
    assertSameParse(text, label);
    accepted += assertSameTrees(text, label);
    documents += documentStarts(text).length;
    if (index % 2 === 0) withDuplicates += assertSameDuplicateErrors(text, label);
  }
  t.diagnostic(`mutants: ${MUTANTS} files, ${documents} documents, ${accepted} on the fast path`);
  t.diagnostic(`mutants: ${withDuplicates} documents with duplicate keys checked against the package's own check`);
  // The mutants must exercise the fast reader, not just fall back.
  assert.ok(accepted > MUTANTS / 4, `only ${accepted} mutant documents took the fast path`);
});
