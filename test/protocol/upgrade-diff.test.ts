// sparkDra/upgradeDiff over a real LSP connection: the job's own Spark version against another one, run in a worker.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ErrorCodes } from 'vscode-languageserver-protocol';
import type { UpgradeDiffResponse } from '../../protocol/requests';
import { TestLspClient } from './lsp-client';

let client: TestLspClient;
let uri: string;
before(async () => {
  client = await TestLspClient.start();
  uri = await client.open(
    'diff-job.json',
    'json',
    readFileSync(resolve(__dirname, '../../examples/emr-eks-dra.json'), 'utf8'),
  );
});
after(async () => {
  await client.stop();
});

describe('sparkDra/upgradeDiff', () => {
  it('EMR job on Spark 3.5.1 against 4.2.0 → the pod batch-size default changes and both sides are simulated', async () => {
    const answer = await client.request<UpgradeDiffResponse>('sparkDra/upgradeDiff', { uri, toVersion: '4.2.0' });
    assert.ok(answer.ok, answer.ok ? '' : answer.problem.message);
    assert.equal(answer.value.from.sparkVersion, '3.5.1');
    assert.equal(answer.value.to.sparkVersion, '4.2.0');
    const batch = answer.value.values.find((v) => v.key === 'spark.kubernetes.allocation.batch.size');
    assert.equal(batch?.before.defaultValue, '5');
    assert.equal(batch?.after.defaultValue, '20');
    assert.ok(answer.value.simulation.before.ok && answer.value.simulation.after.ok);
  });

  it('an unknown target version is an invalid-params problem; a missing one is an InvalidParams error', async () => {
    const unknown = await client.request<UpgradeDiffResponse>('sparkDra/upgradeDiff', { uri, toVersion: 'nine' });
    assert.equal(unknown.ok ? 'ok' : unknown.problem.code, 'invalid-params');
    const missing = await client.requestError('sparkDra/upgradeDiff', { uri });
    assert.equal(missing.code, ErrorCodes.InvalidParams);
    const closed = await client.request<UpgradeDiffResponse>('sparkDra/upgradeDiff', {
      uri: 'file:///not/open.json',
      toVersion: '4.2.0',
    });
    assert.equal(closed.ok ? 'ok' : closed.problem.code, 'not-open');
  });
});
