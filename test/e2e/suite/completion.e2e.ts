// Completion in every format, through VS Code's own completion command (the same path the suggest widget takes).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { emrJobSource } from '../../support/job-texts';
import {
  activateExtension,
  caret,
  closeAllEditors,
  completionItems,
  labelOf,
  openInEditor,
  positionOf,
  workspaceUri,
  writeWorkspaceFile,
} from './helpers';

/** Writes a fixture with a `|` caret to the workspace, opens it, and returns the completion items at the caret. */
async function completeAt(
  relativePath: string,
  fixture: string,
): Promise<{ doc: vscode.TextDocument; position: vscode.Position; items: vscode.CompletionItem[] }> {
  const { text, offset } = caret(fixture);
  const uri = await writeWorkspaceFile(relativePath, text);
  const editor = await openInEditor(uri);
  const position = editor.document.positionAt(offset);
  return { doc: editor.document, position, items: await completionItems(uri, position) };
}

function labels(items: readonly vscode.CompletionItem[]): string[] {
  return items.map(labelOf);
}

/**
 * The key completions of the language server: Property items with a detail (type and default). VS Code adds words
 * from open documents (kind Text) and snippets, which can have the same labels: those must not count.
 */
function keyItems(items: readonly vscode.CompletionItem[]): vscode.CompletionItem[] {
  return items.filter(
    (i) => i.kind === vscode.CompletionItemKind.Property && typeof i.detail === 'string' && i.detail.length > 0,
  );
}

function expectLabels(items: readonly vscode.CompletionItem[], expected: readonly string[]): void {
  const got = labels(keyItems(items));
  const missing = expected.filter((l) => !got.includes(l));
  assert.deepEqual(
    missing,
    [],
    `missing key completions ${missing.join(', ')}; got ${got.length}: ${got.slice(0, 25).join(', ')}; all items: ${labels(items).slice(0, 25).join(', ')}`,
  );
}

function byLabel(items: readonly vscode.CompletionItem[], label: string): vscode.CompletionItem {
  const item = keyItems(items).find((i) => labelOf(i) === label);
  assert.ok(item, `no key completion ${label}; got ${labels(items).slice(0, 25).join(', ')}`);
  return item;
}

/** Applies a completion item the way accepting it in the suggest widget does (its range and insert text). */
async function accept(
  doc: vscode.TextDocument,
  position: vscode.Position,
  item: vscode.CompletionItem,
): Promise<string> {
  const range =
    item.range === undefined
      ? (doc.getWordRangeAtPosition(position) ?? new vscode.Range(position, position))
      : 'replacing' in item.range
        ? item.range.replacing
        : item.range;
  const insert = item.insertText ?? labelOf(item);
  const editor = await vscode.window.showTextDocument(doc);
  if (insert instanceof vscode.SnippetString) await editor.insertSnippet(insert, range);
  else await editor.edit((b) => b.replace(range, insert));
  return doc.getText();
}

const EMR_JOB = (propertiesSource: string, submitSource: string): string =>
  emrJobSource({ propertiesSource, submitSource });

describe('completion', () => {
  before(activateExtension);
  after(closeAllEditors);

  it('EMR JSON properties: completes dynamic-allocation keys, leaves out written ones, and inserts the full key', async () => {
    const { doc, position, items } = await completeAt(
      'e2e-tmp/completion-properties.json',
      EMR_JOB(
        '"spark.dynamicAllocation.enabled": "true",\n          "spark.dynamicAllocation.minEx|": "1"',
        '--conf spark.executor.cores=4',
      ),
    );
    expectLabels(items, ['spark.dynamicAllocation.minExecutors']);
    assert.equal(
      labels(items).includes('spark.dynamicAllocation.enabled'),
      false,
      'a key already written is offered again',
    );
    const text = await accept(doc, position, byLabel(items, 'spark.dynamicAllocation.minExecutors'));
    assert.match(text, /"spark\.dynamicAllocation\.minExecutors": "1"/);
  });

  it('EMR JSON properties: a new empty key offers the spark.dynamicAllocation family', async () => {
    const { items } = await completeAt(
      'e2e-tmp/completion-new-key.json',
      EMR_JOB('"spark.executor.cores": "4",\n          "|"', '--conf spark.executor.memory=8g'),
    );
    expectLabels(items, [
      'spark.dynamicAllocation.enabled',
      'spark.dynamicAllocation.maxExecutors',
      'spark.dynamicAllocation.executorIdleTimeout',
    ]);
  });

  it('sparkSubmitParameters: completes keys after --conf inside the JSON string', async () => {
    const { doc, position, items } = await completeAt(
      'e2e-tmp/completion-submit.json',
      EMR_JOB(
        '"spark.dynamicAllocation.enabled": "true"',
        '--conf spark.executor.cores=4 --conf spark.dynamicAllocation.executorIdle|',
      ),
    );
    expectLabels(items, ['spark.dynamicAllocation.executorIdleTimeout']);
    const text = await accept(doc, position, byLabel(items, 'spark.dynamicAllocation.executorIdleTimeout'));
    assert.match(text, /--conf spark\.dynamicAllocation\.executorIdleTimeout=/);
  });

  it('sparkSubmitParameters: right after "--conf " offers keys', async () => {
    const { items } = await completeAt(
      'e2e-tmp/completion-submit-empty.json',
      EMR_JOB('"spark.executor.cores": "4"', '--conf spark.executor.memory=8g --conf |'),
    );
    expectLabels(items, ['spark.dynamicAllocation.enabled', 'spark.dynamicAllocation.maxExecutors']);
  });

  it('SparkApplication spec.sparkConf: completes keys in the map', async () => {
    const { items } = await completeAt(
      'e2e-tmp/completion-app.yaml',
      `apiVersion: sparkoperator.k8s.io/v1beta2
kind: SparkApplication
metadata:
  name: e2e-completion
spec:
  sparkVersion: "3.5.1"
  sparkConf:
    spark.executor.cores: "4"
    spark.dynamicAllocation.shuffleTr|
`,
    );
    expectLabels(items, [
      'spark.dynamicAllocation.shuffleTracking.enabled',
      'spark.dynamicAllocation.shuffleTracking.timeout',
    ]);
  });

  it('spark-defaults.conf: completes a key at the start of a line and inserts it', async () => {
    const { doc, position, items } = await completeAt(
      'e2e-tmp/conf/spark-defaults.conf',
      'spark.executor.cores 4\nspark.dynamicAllocation.maxEx|\n',
    );
    assert.equal(doc.languageId, 'spark-defaults');
    expectLabels(items, ['spark.dynamicAllocation.maxExecutors']);
    const text = await accept(doc, position, byLabel(items, 'spark.dynamicAllocation.maxExecutors'));
    assert.match(text, /^spark\.dynamicAllocation\.maxExecutors\b/m);
  });

  it('PySpark: completes the first argument of .config("', async () => {
    const { doc, items } = await completeAt(
      'e2e-tmp/completion_job.py',
      'from pyspark.sql import SparkSession\nspark = SparkSession.builder.config("spark.dynamicAllocation.|", "2").getOrCreate()\n',
    );
    assert.equal(doc.languageId, 'python');
    expectLabels(items, ['spark.dynamicAllocation.initialExecutors', 'spark.dynamicAllocation.maxExecutors']);
  });

  it('the example EMR job: completion on a new key inside its properties object', async () => {
    const uri = workspaceUri('examples/emr-eks-dra.json');
    const editor = await openInEditor(uri);
    // A new line after the "spark.kubernetes.allocation.batch.size" entry (unsaved; the workspace is a copy).
    const anchor = '"spark.kubernetes.allocation.batch.size": "10"';
    const end = positionOf(editor.document, anchor);
    await editor.edit((b) => b.insert(end, ',\n          "spark.dynamicAllocation.'));
    const position = positionOf(editor.document, `${anchor},\n          "spark.dynamicAllocation.`);
    const items = await completionItems(uri, position);
    expectLabels(items, ['spark.dynamicAllocation.sustainedSchedulerBacklogTimeout']);
    assert.equal(
      labels(items).includes('spark.dynamicAllocation.maxExecutors'),
      false,
      'maxExecutors is already written in this job',
    );
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
