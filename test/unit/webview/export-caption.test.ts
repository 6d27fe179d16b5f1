// The words above an exported chart: the file, the figures, the baseline they are set against, and the workload.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exportCaption } from '../../../client/webview/export-caption';
import { sampleResult } from '../../webview/fixtures';

describe('exportCaption', () => {
  it('names the file and gives the figures against the right-sized static run', () => {
    const r = sampleResult();
    r.staticRightSized = {
      ...r.static,
      executors: 24,
      summary: { ...r.static.summary, cost: { ...r.static.summary.cost, total: 2 } },
    };
    r.workload = { ...r.workload, source: 'preset' };
    const c = exportCaption('etl-job.yaml', r);
    assert.equal(c.title, 'Spark DRA simulation — etl-job.yaml');
    assert.equal(
      c.lines[0],
      'runtime 10m 10s · peak 24 executors · 2.5 executor-hours · cost $1.66 · saves $0.34 vs right-sized static (24 executors)',
    );
    assert.equal(c.lines[1], 'synthetic workload etl-burst · Spark 3.5.1');
  });

  it('says when DRA costs more, and names a replayed workload', () => {
    const r = sampleResult(24, 1.0);
    r.workload = { ...r.workload, source: 'event log' };
    const c = exportCaption('', r);
    assert.equal(c.title, 'Spark DRA simulation — untitled');
    assert.match(c.lines[0] ?? '', /costs \$0\.66 more than static \(20 executors\)$/);
    assert.equal(c.lines[1], 'workload from the event log · Spark 3.5.1');
  });
});
