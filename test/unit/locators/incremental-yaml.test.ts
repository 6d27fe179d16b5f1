// Opening a new version of a multi-document YAML file from the previous version reads only the documents the edit
// touched, and gives exactly what a full read gives: the parse, the findings and completion, after random edits of
// every kind (markers, comments, line breaks, quotes) on multi-document examples and typing in a large generated file.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { createSparkDraService, type SparkDocument } from '../../../server/src/engine';
import { parseFile, type SourceFile } from '../../../server/src/engine/locators';
import { reparseFile } from '../../../server/src/engine/locators/incremental';
import { findTextChange } from '../../../server/src/engine/locators/incremental/text-change';
import { reparseYamlDocuments, type YamlReuse } from '../../../server/src/engine/locators/incremental/yaml-documents';
import type { ParsedFile } from '../../../server/src/engine/model';
import { mulberry32 } from '../../../server/src/engine/workload/prng';
import { YAML_FIXTURES } from './yaml-fixtures';

const ROOT = join(import.meta.dirname, '../../..');
const EXAMPLES = join(ROOT, 'examples');
const service = createSparkDraService();
let largeYaml = '';

before(async () => {
  const generator = pathToFileURL(join(ROOT, 'bench/generate.mjs')).href;
  const module = (await import(generator)) as { generateSparkApplicationYaml: (lines: number) => string };
  largeYaml = module.generateSparkApplicationYaml(3000);
});

/** Every YAML example and inline fixture as one stream, plus a document whose last line disables the next line. */
function multiDocumentExample(): string {
  const examples = readdirSync(EXAMPLES)
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => readFileSync(join(EXAMPLES, name), 'utf8'));
  const fixtures = YAML_FIXTURES.map((fixture) => fixture.text);
  const lastLineDirective =
    'kind: SparkApplication\nspec:\n  sparkConf:\n    spark.executor.cores: "x"\n# spark-dra-disable-next-line\n';
  return [...examples, lastLineDirective, ...fixtures]
    .map((text) => (text.endsWith('\n') ? text : `${text}\n`))
    .join('---\n');
}

/** What completion offers at an offset, by label and range. */
function completionAt(doc: SparkDocument, offset: number): unknown {
  return doc.complete(offset).map((item) => [item.label, item.replace]);
}

/** Reads `after` from `previous` through the shortcut itself, counting reused and read documents. */
function viaShortcut(previous: ParsedFile, before: string, after: SourceFile, reuse: YamlReuse): ParsedFile {
  const change = findTextChange(before, after.text);
  assert.ok(change);
  const parsed = reparseYamlDocuments(previous, after.text, change, after.fileName, reuse);
  assert.ok(parsed, 'a YAML parse keeps its document parts');
  return parsed;
}

/** Characters typed by the random edits, most of them ones that change YAML structure. */
const TYPED = ['7', 'a', ' ', '-', '-', '.', '\n', ':', '#', '"', "'", '|', '{', '[', '&', '*', '\t', '\\', 'é'];
const MARKERS = ['---\n', '\n---', '...\n', '# spark-dra-disable-next-line\n'];

function randomEdit(text: string, rand: () => number): string {
  const at = Math.floor(rand() * (text.length + 1));
  const roll = rand();
  if (roll < 0.25 && at < text.length) return text.slice(0, at) + text.slice(at + Math.ceil(rand() * 4));
  if (roll < 0.35) return text.slice(0, at) + (MARKERS[Math.floor(rand() * MARKERS.length)] ?? '') + text.slice(at);
  return text.slice(0, at) + (TYPED[Math.floor(rand() * TYPED.length)] ?? '7') + text.slice(at);
}

test('yaml-documents: random edits of a multi-document file → the same parse, findings and completion as a full read', () => {
  const fileName = '/work/jobs/all.yaml';
  const rand = mulberry32(41);
  let text = multiDocumentExample();
  let previous = service.open({ text, fileName });
  // The parse carried along the versions: documents moved again and again must stay exact.
  let carried = { file: { fileName, text }, parsed: parseFile({ fileName, text }) };
  const reuse: YamlReuse = { reused: 0, read: 0 };
  for (let i = 0; i < 100; i++) {
    const after = randomEdit(text, rand);
    const file = { fileName, text: after };
    const full = parseFile(file);
    const label = `after edit ${i + 1}`;
    assert.deepEqual(viaShortcut(carried.parsed, text, file, reuse), full, label);
    carried = { file, parsed: reparseFile(carried, file) };
    assert.deepEqual(carried.parsed, full, label);
    const reopened = service.open(file, previous);
    const fresh = service.open(file);
    assert.deepEqual(reopened.diagnostics(), fresh.diagnostics(), label);
    const change = findTextChange(text, after);
    for (const offset of [change?.start ?? 0, Math.floor(rand() * after.length)]) {
      assert.deepEqual(
        completionAt(reopened, offset),
        completionAt(fresh, offset),
        `${label}, completion at ${offset}`,
      );
    }
    previous = reopened;
    text = after;
  }
  assert.ok(reuse.reused > reuse.read * 5, `${reuse.reused} documents reused, ${reuse.read} read again`);
});

test('yaml-documents: edits on and around every `---` line → the same parse as a full read', () => {
  const fileName = 'markers.yaml';
  const text = multiDocumentExample();
  const parsed = parseFile({ fileName, text });
  const edits: Array<(marker: number) => string> = [
    // A comment after the marker: the line a `disable-next-line` above points at grows.
    (at) => `${text.slice(0, at + 3)} # next${text.slice(at + 3)}`,
    (at) => `${text.slice(0, at + 3)} ${text.slice(at + 3)}`,
    // The marker broken, and a new one written just before it.
    (at) => `${text.slice(0, at + 1)}${text.slice(at + 2)}`,
    (at) => `${text.slice(0, at)}---\n${text.slice(at)}`,
    // The line break before the marker removed (two documents become one), or doubled.
    (at) => `${text.slice(0, at - 1)}${text.slice(at)}`,
    (at) => `${text.slice(0, at)}\n${text.slice(at)}`,
  ];
  let markers = 0;
  const reuse: YamlReuse = { reused: 0, read: 0 };
  for (let at = text.indexOf('\n---\n') + 1; at > 0; at = text.indexOf('\n---\n', at) + 1) {
    markers++;
    for (const [index, edit] of edits.entries()) {
      const file = { fileName, text: edit(at) };
      assert.deepEqual(viaShortcut(parsed, text, file, reuse), parseFile(file), `edit ${index} at the marker at ${at}`);
    }
  }
  assert.ok(markers > 20, `${markers} markers`);
});

test('yaml-documents: typing in values of a large generated file reads only the edited document again', () => {
  const fileName = 'apps.yaml';
  let text = largeYaml;
  let carried = { file: { fileName, text }, parsed: parseFile({ fileName, text }) };
  const documents = carried.parsed.jobs.length;
  assert.ok(documents > 20, `${documents} jobs`);
  const values: number[] = [];
  const pattern = /spark\.[A-Za-z.]+: "?/g;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) values.push(m.index + m[0].length);
  for (let i = 0; i < 30; i++) {
    // Each earlier insertion moves the later offsets by one.
    const at = (values[Math.floor(((i + 0.5) * values.length) / 30)] ?? 0) + i;
    const file = { fileName, text: `${text.slice(0, at)}7${text.slice(at)}` };
    const reuse: YamlReuse = { reused: 0, read: 0 };
    assert.deepEqual(viaShortcut(carried.parsed, text, file, reuse), parseFile(file), `keystroke ${i + 1} at ${at}`);
    assert.equal(reuse.read, 1, `keystroke ${i + 1}: one document read again`);
    carried = { file, parsed: reparseFile(carried, file) };
    text = file.text;
  }
  assert.deepEqual(carried.parsed, parseFile(carried.file));
});

test('yaml-documents: a Helm template is read in full (its reading spans the whole file)', () => {
  const template = 'kind: SparkApplication\nspec:\n  sparkConf:\n    spark.executor.cores: "{{ .Values.cores }}"\n';
  const text = `${template}---\n${template}`;
  const parsed = parseFile({ fileName: 'chart.yaml', text });
  const after = text.replace('cores }}', 'cores | quote }}');
  const change = findTextChange(text, after);
  assert.ok(change);
  assert.equal(reparseYamlDocuments(parsed, after, change, 'chart.yaml'), undefined);
  assert.deepEqual(
    reparseFile({ file: { fileName: 'chart.yaml', text }, parsed }, { fileName: 'chart.yaml', text: after }),
    parseFile({ fileName: 'chart.yaml', text: after }),
  );
});
