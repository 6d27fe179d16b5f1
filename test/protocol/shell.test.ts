// Shell scripts over a real LSP connection: completion, hover and diagnostics inside a here-document request and on a
// spark-submit command line, at the script's own positions.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { CompletionItem, MarkupContent, TextEdit } from 'vscode-languageserver-protocol';
import { caret, TestLspClient } from './lsp-client';

let client: TestLspClient;
before(async () => {
  client = await TestLspClient.start({ settings: { defaultSparkVersion: '3.5.1' } });
});
after(async () => {
  await client.stop();
});

/** The caret marker: `|` is a pipe in shell. */
const CARET = '¦';

const HEREDOC = (properties: string) => `#!/bin/bash
set -e
cat > job.json <<EOF
{
  "virtualClusterId": "\${VC_ID}",
  "releaseLabel": "emr-6.9.0-latest",
  "jobDriver": {"sparkSubmitJobDriver": {"entryPoint": "s3://b/app.py"}},
  "configurationOverrides": {"applicationConfiguration": [
    {"classification": "spark-defaults", "properties": {
      ${properties}
    }}
  ]}
}
EOF
aws emr-containers start-job-run --cli-input-json file://job.json
`;

const SUBMIT = (conf: string) => `#!/bin/bash
spark-submit \\
  --master k8s://https://k8s.example:443 \\
  --conf spark.dynamicAllocation.enabled=true \\
  ${conf} \\
  local:///opt/app.py
`;

function lineAndColumn(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: (before[before.length - 1] ?? '').length };
}

function edited(text: string, item: CompletionItem): string {
  const edit = item.textEdit as TextEdit;
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) =>
    lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return text.slice(0, offset(edit.range.start)) + edit.newText + text.slice(offset(edit.range.end));
}

describe('shell scripts over LSP', () => {
  it('completes a key inside a here-document request, replacing exactly the typed key', async () => {
    const { text, position } = caret(HEREDOC('"spark.dynamicAllocation.shuffleTr¦": "true"'), CARET);
    const uri = await client.open('submit-a.sh', 'shellscript', text);
    const items = await client.completion(uri, position);
    const item = items.find((i) => i.label === 'spark.dynamicAllocation.shuffleTracking.enabled');
    assert.ok(
      item,
      items
        .slice(0, 5)
        .map((i) => i.label)
        .join(),
    );
    const edit = item.textEdit as TextEdit;
    assert.equal(edit.range.start.line, position.line);
    assert.match(edited(text, item), /"spark\.dynamicAllocation\.shuffleTracking\.enabled": "true"/);
  });

  it('completes a --conf key on a continued spark-submit line', async () => {
    const { text, position } = caret(SUBMIT('--conf spark.dynamicAllocation.maxExe¦'), CARET);
    const uri = await client.open('submit-b.sh', 'shellscript', text);
    const items = await client.completion(uri, position);
    const item = items.find((i) => i.label === 'spark.dynamicAllocation.maxExecutors');
    assert.ok(
      item,
      items
        .slice(0, 5)
        .map((i) => i.label)
        .join(),
    );
    assert.match(edited(text, item), /--conf spark\.dynamicAllocation\.maxExecutors=/);
  });

  it("hover on a here-document key shows the default for the job's Spark version", async () => {
    const { text, position } = caret(HEREDOC('"spark.dynamicAllocation.shuffleTracking.ena¦bled": "true"'), CARET);
    const uri = await client.open('submit-c.sh', 'shellscript', text);
    const hover = await client.hover(uri, position);
    assert.ok(hover);
    const md = (hover.contents as MarkupContent).value;
    assert.match(md, /Default in Spark 3\.3\.0:\*\* `false`/, 'emr-6.9.0 ships Spark 3.3.0');
  });

  it('hover on a spark-submit --conf key shows its effective value', async () => {
    const { text, position } = caret(SUBMIT('--conf spark.dynamicAllocation.max¦Executors=12'), CARET);
    const uri = await client.open('submit-d.sh', 'shellscript', text);
    const hover = await client.hover(uri, position);
    assert.ok(hover);
    assert.match((hover.contents as MarkupContent).value, /Effective value:\*\* `12`/);
  });

  it('reports a trailing comma in a here-document at its place in the script', async () => {
    const text = HEREDOC('"spark.dynamicAllocation.maxExecutors": "10",');
    const waiting = client.nextDiagnostics(pathToFileURL('/tmp/spark-dra-protocol/submit-e.sh').toString());
    await client.open('submit-e.sh', 'shellscript', text);
    const diagnostics = await waiting;
    const trailing = diagnostics.find((d) => typeof d.message === 'string' && /Trailing comma/.test(d.message));
    assert.ok(trailing, diagnostics.map((d) => String(d.message)).join(' | '));
    assert.deepEqual(trailing.range.start, lineAndColumn(text, text.indexOf('"10",') + 4));
  });
});
