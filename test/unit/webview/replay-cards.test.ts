// What the calibration and fidelity cards of a replay say (the text; the browser tests check the DOM).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { calibrationContent, fidelityContent } from '../../../client/webview/replay-cards';
import { sampleCalibration, sampleFidelity } from '../../webview/fixtures';

describe('calibrationContent', () => {
  it('leads with the summary and lists every estimate with its samples and source', () => {
    const c = calibrationContent(sampleCalibration());
    assert.equal(c.summary, sampleCalibration().summary);
    assert.deepEqual(
      c.rows.map((r) => r.id),
      ['coldStart', 'coldRate', 'addLatency', 'firstAddLatency', 'addRate', 'removalLag', 'exitTime', 'launchDelay'],
    );
    assert.equal(c.rows.find((r) => r.id === 'launchDelay')?.value, '9 ms (2 ms–4.1 s)', 'under a second in ms');
    const cold = c.rows.find((r) => r.id === 'coldStart');
    assert.equal(cold?.value, '71.3 s (71.3–90 s)');
    assert.equal(cold?.samples, '10');
    assert.equal(cold?.source, 'measured in the log');
    const addRate = c.rows.find((r) => r.id === 'addRate');
    assert.equal(addRate?.value, 'no limit');
    assert.equal(addRate?.source, 'typical value (no samples)');
    assert.equal(c.rows.find((r) => r.id === 'coldRate')?.value, '0.5 executors/s');
    assert.equal(c.rows.find((r) => r.id === 'removalLag')?.value, '12.1 s');
    assert.equal(addRate?.samples, '0', 'a fallback says it rests on no samples');
    const rate = calibrationContent({
      ...sampleCalibration(),
      coldRate: { value: 0.48, unit: 'executors/s', samples: 0, source: 'log', basis: 'arrival spacing' },
    }).rows.find((r) => r.id === 'coldRate');
    assert.equal(rate?.samples, '–', 'a measured rate without a count shows a dash, not 0');
    assert.match(c.tail, /4\.5s after the last job/);
  });
});

describe('fidelityContent', () => {
  it('gives both windows in executor-hours with the signed error, the executor gap and the peaks', () => {
    const f = fidelityContent(sampleFidelity());
    assert.equal(f.summary, sampleFidelity().summary);
    assert.deepEqual(f.rows, [
      { id: 'jobWindow', label: 'Job window', observed: '2.5', simulated: '2.3', error: '−8%' },
      { id: 'appWindow', label: 'Application', observed: '2.73', simulated: '2.5', error: '−8.5%' },
    ]);
    assert.match(f.executors, /executors 2\.4 .*peak 24 simulated vs 22 observed/);
  });

  it('sums up the jobs: how many are close, the largest gap, and the ones the simulation did not finish', () => {
    assert.equal(
      fidelityContent(sampleFidelity()).jobs,
      '2 jobs compared: 1 within target (10%, or 1 s under 10 s) of the logged duration; largest gap job 1 (−45 s, −15%); 1 job not finished by the simulation.',
    );
    assert.equal(fidelityContent({ ...sampleFidelity(), jobs: [] }).jobs, 'The log has no jobs to compare.');
    assert.equal(
      fidelityContent({ ...sampleFidelity(), jobs: [{ id: 4, observedSec: 9 }] }).jobs,
      '1 job in the log; the simulation finished none of them.',
    );
  });

  it('leaves out of the comparison the jobs that failed in the log, and says how many', () => {
    const failed = {
      id: 9,
      observedSec: 97,
      simulatedSec: 13,
      errorSec: -84,
      errorPct: -86.6,
      failedInLog: true as const,
    };
    assert.equal(
      fidelityContent({ ...sampleFidelity(), jobs: [...sampleFidelity().jobs, failed] }).jobs,
      '2 jobs compared: 1 within target (10%, or 1 s under 10 s) of the logged duration; largest gap job 1 (−45 s, −15%); 1 job not finished by the simulation; 1 job did not succeed in the log, not compared.',
    );
    assert.equal(
      fidelityContent({ ...sampleFidelity(), jobs: [failed] }).jobs,
      'No job succeeded in the log (1 job): none is compared.',
    );
  });
});
