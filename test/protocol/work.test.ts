// Simulations run in worker threads: the server keeps answering while one runs, a cancelled one stops, and one that
// runs past its time limit ends with an over-budget problem naming the setting — the server stays up throughout.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import type { SimulateResponse } from '../../protocol/requests';
import { emrJobText } from '../support/job-texts';
import { TestLspClient } from './lsp-client';

const JOB = emrJobText({
  'spark.dynamicAllocation.enabled': 'true',
  'spark.dynamicAllocation.shuffleTracking.enabled': 'true',
  'spark.dynamicAllocation.maxExecutors': '40',
  'spark.executor.cores': '4',
});
const MAX_EXECUTORS_KEY = (() => {
  const lines = JOB.split('\n');
  const line = lines.findIndex((l) => l.includes('spark.dynamicAllocation.maxExecutors'));
  return { line, character: (lines[line] ?? '').indexOf('maxExecutors') };
})();
/** 99,000 executors (just inside the simulation budget) kept through bursts of queries: seconds of work, past the 1 s limit. */
const HUGE = {
  preset: 'interactive-burst',
  overrides: {
    'spark.dynamicAllocation.minExecutors': '99000',
    'spark.dynamicAllocation.maxExecutors': '99000',
  },
};

let client: TestLspClient;
let uri: string;
before(async () => {
  client = await TestLspClient.start({ settings: { simulation: { timeLimitSec: 1 } } });
  uri = await client.open('work-job.json', 'json', JOB);
  await client.nextDiagnostics(uri);
});
after(async () => {
  await client.stop();
});

describe('simulations off the main thread', () => {
  it('answers a hover while a long simulation runs, then stops the simulation at its time limit', async () => {
    let simulationEnded = false;
    const simulation = client.request<SimulateResponse>('sparkDra/simulate', { uri, ...HUGE }).finally(() => {
      simulationEnded = true;
    });
    await new Promise((r) => setTimeout(r, 300));
    const hover = await client.hover(uri, MAX_EXECUTORS_KEY);
    // Order, not speed (that is in npm run bench): the hover is answered while the simulation still runs.
    assert.equal(simulationEnded, false, 'the hover waited for the simulation to end');
    assert.ok(hover !== null, 'the hover was answered');
    const answer = await simulation;
    assert.equal(answer.ok ? 'ok' : answer.problem.code, 'over-budget');
    assert.match(answer.ok ? '' : answer.problem.message, /sparkDra\.simulation\.timeLimitSec/);
    // A generous limit for the normal run, so a loaded machine cannot make it the one that times out.
    await client.setSettings({ simulation: { timeLimitSec: 60 } });
    const normal = await client.request<SimulateResponse>('sparkDra/simulate', { uri, preset: 'steady' });
    await client.setSettings({ simulation: { timeLimitSec: 1 } });
    assert.ok(normal.ok, `the server still simulates after stopping one: ${normal.ok ? '' : normal.problem.message}`);
  });

  it('stops a cancelled simulation', async () => {
    const source = new CancellationTokenSource();
    const pending = client.connection.sendRequest('sparkDra/simulate', { uri, ...HUGE }, source.token);
    setTimeout(() => source.cancel(), 200);
    const outcome = await pending.then(
      (answer) => (answer as SimulateResponse).ok === false && (answer as { problem: { code: string } }).problem.code,
      (error: unknown) => (error instanceof Error ? 'rejected' : 'other'),
    );
    // A run that was not cancelled would end at the 1 s time limit with `over-budget` instead.
    assert.ok(outcome === 'cancelled' || outcome === 'rejected', `outcome ${String(outcome)}`);
  });
});
