// The advisor's exports without a browser: the PNG caption's words and the frontier CSV.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ADVISOR_CSV_HEADER, advisorCaption, advisorCsv } from '../../../client/webview/export-advisor';
import { sampleAdvice } from '../../webview/fixtures';

/** Splits one CSV line into cells, honouring quotes. */
function cells(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

describe('advisor exports', () => {
  it('the caption names the file, the recommendation and the search', () => {
    const caption = advisorCaption('emr-eks-dra.json', sampleAdvice());
    assert.equal(caption.title, 'Spark DRA settings advice — emr-eks-dra.json');
    assert.match(caption.lines[0] ?? '', /^Recommended: \$0\.17 instead of \$0\.27 \(36% less\) in 7m 50s/);
    assert.match(caption.lines[1] ?? '', /264 configurations simulated on “wide-then-narrow”.*at most 5% slower/);
    assert.equal(advisorCaption('', sampleAdvice()).title, 'Spark DRA settings advice — untitled');
  });

  it('the caption says so when nothing beats the file', () => {
    const advice = { ...sampleAdvice(), recommended: null };
    assert.match(advisorCaption('job.yaml', advice).lines[0] ?? '', /^No configuration costs less/);
  });

  it('the CSV has the file as written, then every frontier point, with readable columns', () => {
    const advice = sampleAdvice();
    const lines = advisorCsv(advice).trimEnd().split('\n');
    assert.equal(lines[0], ADVISOR_CSV_HEADER);
    assert.equal(cells(ADVISOR_CSV_HEADER)[2], 'Runtime (s)');
    assert.equal(lines.length, 2 + advice.frontier.length);
    const header = cells(lines[0] ?? '');
    const row = (n: number): Record<string, string> =>
      Object.fromEntries(cells(lines[n] ?? '').map((v, i) => [header[i] ?? '', v]));
    assert.deepEqual(row(1), {
      Point: 'File as written',
      Also: '',
      'Runtime (s)': '452',
      'Cost (USD)': '0.267',
      'Executor-hours': '4.83',
      'Runtime vs file (%)': '0',
      'Cost vs file (%)': '0',
      'Within runtime limit': 'yes',
      'Changes from the file': '',
      Risks: '',
    });
    // Frontier point 3 is the recommendation: 470 s is within 452 s + 5 %.
    const third = row(4);
    assert.equal(third.Point, 'Frontier point 3');
    assert.equal(third.Also, 'recommended');
    assert.equal(third['Runtime vs file (%)'], '4');
    assert.equal(third['Cost vs file (%)'], '-36');
    assert.equal(third['Within runtime limit'], 'yes');
    assert.equal(
      third['Changes from the file'],
      'spark.decommission.enabled=true; spark.dynamicAllocation.maxExecutors=24; spark.storage.decommission.shuffleBlocks.enabled=true',
    );
    assert.match(
      third.Risks ?? '',
      /^Executors leaving with shuffle files migrate them first \(about 4 s per GiB\); a/,
    );
    assert.equal(row(2).Also, 'fastest');
    const last = row(lines.length - 1);
    assert.equal(last.Also, 'cheapest');
    assert.equal(last['Within runtime limit'], 'no');
  });

  it('quotes a cell that holds a comma or a quote', () => {
    const advice = sampleAdvice();
    const second = advice.frontier[1];
    assert.ok(second);
    second.risks = ['Slower ramp, "maybe"'];
    const line = advisorCsv(advice).split('\n')[3] ?? '';
    assert.ok(line.endsWith(',"Slower ramp, ""maybe"""'), line);
    assert.equal(cells(line).length, cells(ADVISOR_CSV_HEADER).length);
  });
});
