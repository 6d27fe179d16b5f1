// Issue 12's targets in one table at the end of `npm run bench`, read from the summaries the benchmarks of the same
// run returned, each beside its peer or floor. A benchmark that did not run (--only) leaves its rows out.
import { loadavg } from 'node:os';

const fmt = (x, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : '–');
const verdict = (met) => (met === undefined ? '' : met ? 'met' : 'MISSED');

function hoverRows(hover) {
  if (!hover?.results) return [];
  const rows = [];
  for (const r of hover.results) {
    const during = r.simulating?.hovers;
    const lenses = r.withLenses?.hovers;
    const idle = `idle p95 ${fmt(r.idle?.p95)}`;
    if (during) {
      rows.push([
        `hover while simulating (${r.transport}): p95 / max ms`,
        `${fmt(during.p95)} / ${fmt(during.max)}`,
        idle,
        'p95 ≤ 50 (max ≤ 50)',
        `${verdict(during.p95 <= hover.targetMs)} (max ${verdict(during.max <= hover.targetMs)})`,
      ]);
    }
    if (lenses) {
      rows.push([
        `  … with code lenses resolving (${r.transport})`,
        `${fmt(lenses.p95)} / ${fmt(lenses.max)}`,
        idle,
        'p95 ≤ 50 (max ≤ 50)',
        `${verdict(lenses.p95 <= hover.targetMs)} (max ${verdict(lenses.max <= hover.targetMs)})`,
      ]);
    }
  }
  return rows;
}

function typingRows(typing) {
  if (!typing?.rows) return [];
  const largest = Math.max(...typing.rows.map((r) => r.lines));
  const rows = [];
  for (const r of typing.rows.filter((row) => row.lines === largest)) {
    if (r.peerMs !== undefined) {
      const json = r.file.endsWith('.json');
      const ratio = r.peerMs / r.typingMs;
      const need = json ? 1 : 10;
      rows.push([
        `typed char → diagnostics, ${r.file}: ms (ratio)`,
        `${fmt(r.typingMs)} (${fmt(ratio, 2)}×)`,
        `${json ? 'vscode-json-languageservice' : 'yaml-language-server'} ${fmt(r.peerMs)}`,
        `ratio ≥ ${need}`,
        verdict(ratio >= need),
      ]);
    }
    const worst = Math.max(r.completionP95Ms ?? NaN, r.hoverP95Ms ?? NaN);
    rows.push([
      `completion / hover p95, ${r.file}: ms`,
      `${fmt(r.completionP95Ms)} / ${fmt(r.hoverP95Ms)}`,
      '',
      '≤ 20',
      verdict(Number.isFinite(worst) ? worst <= 20 : undefined),
    ]);
  }
  return rows;
}

function diagnosticsRows(diagnostics) {
  if (!diagnostics?.verdicts) return [];
  return diagnostics.verdicts
    .filter((v) => v.target.includes('yaml-language-server'))
    .map((v) => [
      `first diagnostics on open, ${v.target.split(':')[0]}`,
      v.actual,
      'yaml-language-server',
      v.target.split(': ')[1],
      verdict(v.met),
    ]);
}

function eventLogRows(eventlog) {
  if (!eventlog?.reader) return [];
  const { reader, floor } = eventlog;
  return [
    [
      `event log of ${eventlog.tasks.toLocaleString('en-US')} tasks: MB/s (ratio)`,
      `${fmt(reader.mbPerSec)} (${fmt(eventlog.readerToFloor, 2)}×)`,
      `JSON.parse floor ${fmt(floor.mbPerSec)}`,
      'ratio ≥ 1.0',
      verdict(eventlog.readerToFloor >= 1),
    ],
    [
      '  peak RSS of the reader: MiB',
      fmt(reader.peakRssMiB, 0),
      `floor ${fmt(floor.peakRssMiB, 0)}`,
      '≤ 512',
      verdict(reader.peakRssMiB <= 512),
    ],
  ];
}

function robustnessRows(robustness) {
  if (!robustness?.logs) return [];
  const rows = [];
  const slowest = Math.max(...robustness.logs.map((l) => l.ms));
  const peak = Math.max(...robustness.logs.map((l) => l.peakRssMiB));
  rows.push([
    `bombs and /dev/zero (${robustness.logs.length}): slowest ms / peak MiB`,
    `${fmt(slowest, 0)} / ${fmt(peak, 0)}`,
    `all refused: ${robustness.logs.every((l) => l.refused)}`,
    '≤ 10000 ms, ≤ 1024 MiB',
    verdict(robustness.logs.every((l) => l.met)),
  ]);
  if (robustness.documents?.length) {
    const worst = Math.max(...robustness.documents.map((d) => d.slowestRequestMs));
    rows.push([
      `hostile documents (${robustness.documents.length}): slowest request ms`,
      fmt(worst, 0),
      '',
      '< 1000',
      verdict(worst < 1000),
    ]);
  }
  return rows;
}

function simulatorRows(simulator) {
  if (!simulator?.large) return [];
  const rows = [];
  for (const c of simulator.large) {
    const a = c.after;
    if (c.targetMs) {
      rows.push([
        `${c.name}: wall ms (cpu ms)`,
        `${fmt(a.ms, 0)} (${fmt(a.cpuMs, 0)})`,
        `plain loop ${fmt(simulator.baseline?.ms)}`,
        `≤ ${c.targetMs}`,
        a.ok
          ? a.ms <= c.targetMs
            ? 'met'
            : a.cpuMs <= c.targetMs
              ? 'MISSED on wall time (cpu fits)'
              : 'MISSED'
          : 'FAILED',
      ]);
    } else if (c.name.startsWith('tasks-10m')) {
      const serialised = a.ok && a.jsonBytes > 0;
      rows.push([
        `${c.name}: simulate ms, JSON MB (serialise ms)`,
        `${fmt(a.ms, 0)}, ${fmt(a.jsonBytes / 1e6, 2)} (${fmt(a.serialiseMs, 0)})`,
        `plain loop ${fmt(simulator.baseline?.ms)}`,
        'simulates and serialises',
        verdict(serialised),
      ]);
    }
  }
  return rows;
}

/** The table's lines, or none when no benchmark with an issue-12 target ran. */
export function issue12Summary(summaries) {
  const rows = [
    ...hoverRows(summaries['hover-during-simulation']),
    ...robustnessRows(summaries.robustness),
    ...typingRows(summaries.typing),
    ...diagnosticsRows(summaries.diagnostics),
    ...eventLogRows(summaries.eventlog),
    ...simulatorRows(summaries.simulator),
  ];
  if (rows.length === 0) return [];
  const header = ['measure', 'spark-dra', 'peer / floor', 'target', 'result'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ');
  const load = loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ');
  return [`load average now (1/5/15 min): ${load}`, line(header), ...rows.map(line)];
}
