// sparkDra/valueEdits over a real LSP connection: the winning entry gets the new value, missing keys are added where
// the job's keys go, several values come back as one edit, and the result reads back with the new values.
import assert from 'node:assert/strict';
import { ErrorCodes, ResponseError } from 'vscode-languageserver-protocol';
import { after, before, describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { spanEdit } from '../../server/src/engine/edits';
import { valueEditsParams } from '../../server/src/lsp/params';
import type { EffectiveConfigResponse, ValueEditsResponse } from '../../protocol/requests';
import { TestLspClient } from './lsp-client';

let client: TestLspClient;
before(async () => {
  client = await TestLspClient.start({ settings: { defaultSparkVersion: '3.5.1' } });
});
after(async () => {
  await client.stop();
});

const example = (name: string): string => readFileSync(resolve(__dirname, '../../examples', name), 'utf8');

/** Applies the returned edits to `text` the way an editor would. */
function applied(text: string, response: ValueEditsResponse): string {
  assert.ok(response.ok, response.ok ? '' : response.problem.message);
  const doc = TextDocument.create('file:///x', 'json', 1, text);
  return TextDocument.applyEdits(doc, response.value);
}

async function editsFor(
  fileName: string,
  languageId: string,
  text: string,
  values: Record<string, string>,
  jobIndex?: number,
) {
  const uri = await client.open(fileName, languageId, text);
  const response = await client.request<ValueEditsResponse>('sparkDra/valueEdits', { uri, values, jobIndex });
  return { uri, response };
}

/** Opens the edited text as a new document and reads a key's effective value and source back from the server. */
async function effective(fileName: string, languageId: string, text: string, key: string) {
  const uri = await client.open(fileName, languageId, text);
  const config = await client.request<EffectiveConfigResponse>('sparkDra/effectiveConfig', { uri });
  assert.ok(config.ok);
  return config.value.rows.find((row) => row.key === key);
}

describe('sparkDra/valueEdits', () => {
  it('replaces the value of the winning entry in an EMR on EKS job and adds a missing key, as one edit', async () => {
    const text = example('emr-eks-dra.json');
    const { response } = await editsFor('ve1.json', 'json', text, {
      'spark.dynamicAllocation.maxExecutors': '60',
      'spark.dynamicAllocation.sustainedSchedulerBacklogTimeout': '5s',
    });
    assert.ok(response.ok);
    assert.equal(response.value.length, 1, 'one edit, so one undo step');
    const after = applied(text, response);
    assert.match(after, /"spark\.dynamicAllocation\.maxExecutors": "60"/);
    assert.doesNotMatch(after, /"spark\.dynamicAllocation\.maxExecutors": "40"/);
    assert.match(after, /"spark\.dynamicAllocation\.sustainedSchedulerBacklogTimeout": "5s"/);
    assert.doesNotThrow(() => JSON.parse(after), 'still valid JSON');
    const row = await effective(
      've1-after.json',
      'json',
      after,
      'spark.dynamicAllocation.sustainedSchedulerBacklogTimeout',
    );
    assert.equal(row?.value, '5s');
    assert.notEqual(row?.line, undefined, 'now written in the file');
  });

  it('writes into the entry Spark uses when a later --conf overrides a property', async () => {
    const text = example('emr-eks-dra.json').replace(
      '--conf spark.executor.cores=4',
      '--conf spark.executor.cores=4 --conf spark.dynamicAllocation.maxExecutors=50',
    );
    const { response } = await editsFor('ve2.json', 'json', text, { 'spark.dynamicAllocation.maxExecutors': '70' });
    const after = applied(text, response);
    assert.match(after, /--conf spark\.dynamicAllocation\.maxExecutors=70/);
    assert.match(after, /"spark\.dynamicAllocation\.maxExecutors": "40"/, 'the overridden property is left alone');
  });

  it('adds two new keys to spark-defaults.conf on lines of their own', async () => {
    const text = 'spark.dynamicAllocation.enabled true\nspark.dynamicAllocation.maxExecutors 10';
    const { response } = await editsFor('spark-defaults.conf', 'spark-defaults', text, {
      'spark.dynamicAllocation.minExecutors': '2',
      'spark.dynamicAllocation.executorIdleTimeout': '120s',
    });
    const after = applied(text, response);
    assert.equal(
      after,
      'spark.dynamicAllocation.enabled true\nspark.dynamicAllocation.maxExecutors 10\nspark.dynamicAllocation.minExecutors 2\nspark.dynamicAllocation.executorIdleTimeout 120s\n',
    );
  });

  it('edits operator fields of a SparkApplication and adds other keys to sparkConf', async () => {
    const text = example('spark-application-dra.yaml');
    const { response } = await editsFor('ve3.yaml', 'yaml', text, {
      'spark.dynamicAllocation.maxExecutors': '30',
      'spark.dynamicAllocation.sustainedSchedulerBacklogTimeout': '2s',
    });
    const after = applied(text, response);
    assert.match(after, /maxExecutors: 30/);
    assert.match(after, /spark\.dynamicAllocation\.sustainedSchedulerBacklogTimeout: "2s"/);
  });

  it('keeps CRLF line breaks', async () => {
    const text = 'spark.dynamicAllocation.enabled true\r\nspark.dynamicAllocation.maxExecutors 10\r\n';
    const { response } = await editsFor('crlf/spark-defaults.conf', 'spark-defaults', text, {
      'spark.dynamicAllocation.minExecutors': '1',
    });
    const after = applied(text, response);
    assert.equal(after, `${text}spark.dynamicAllocation.minExecutors 1\r\n`);
  });

  it('returns no edit when the file already holds the values', async () => {
    const { response } = await editsFor('ve4.json', 'json', example('emr-eks-dra.json'), {
      'spark.dynamicAllocation.maxExecutors': '40',
    });
    assert.deepEqual(response, { ok: true, value: [] });
  });

  it('refuses bad input with a message and leaves the server running', async () => {
    const text = example('emr-eks-dra.json');
    const bad: { values: Record<string, string>; error: RegExp }[] = [
      { values: { 'not.a.spark.key': '1' }, error: /Not a Spark key/ },
      { values: { 'spark.dynamicAllocation.maxExecutors': '1\n2' }, error: /one line/ },
      { values: {}, error: /No values/ },
    ];
    for (const [i, c] of bad.entries()) {
      const uri = await client.open(`bad${i}.json`, 'json', text);
      const error = await client.requestError('sparkDra/valueEdits', { uri, values: c.values });
      assert.equal(error.code, ErrorCodes.InvalidParams);
      assert.match(error.message, c.error);
    }
    const unopened = await client.request<ValueEditsResponse>('sparkDra/valueEdits', {
      uri: 'file:///nowhere.json',
      values: { 'spark.x': '1' },
    });
    assert.equal(unopened.ok ? 'ok' : unopened.problem.code, 'not-open');
    const notAJob = await editsFor('plain.json', 'json', '{ "hello": 1 }', {
      'spark.dynamicAllocation.maxExecutors': '3',
    });
    assert.equal(notAJob.response.ok ? 'ok' : notAJob.response.problem.code, 'no-job');
    const missing = await client.requestError('sparkDra/valueEdits', null);
    assert.equal(missing.code, ErrorCodes.InvalidParams);
  });
});

describe('value-edits helpers', () => {
  it('spanEdit covers exactly the changed span and never splits CRLF', () => {
    assert.equal(spanEdit('abc', 'abc'), undefined);
    assert.deepEqual(spanEdit('a = 1\nb = 2\n', 'a = 1\nb = 3\n'), { range: { start: 10, end: 11 }, newText: '3' });
    const edit = spanEdit('x\r\ny', 'x\r\nz\r\ny');
    assert.ok(edit);
    assert.notEqual(edit.range.start, 2, 'does not start between \\r and \\n');
  });

  it('valueEditsParams keeps the order given and refuses bad keys and values', () => {
    const params = valueEditsParams({ uri: 'file:///a.json', values: { 'spark.b': '1', 'spark.a': '2' } });
    assert.deepEqual(Object.entries(params.values), [
      ['spark.b', '1'],
      ['spark.a', '2'],
    ]);
    for (const values of [{ 'spark.a': ' 1' }, { 'spark.a': 3 }, [], {}]) {
      assert.throws(() => valueEditsParams({ uri: 'file:///a.json', values }), ResponseError, JSON.stringify(values));
    }
  });
});
