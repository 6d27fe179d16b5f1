// The title and figures written above an exported chart, so a PNG pasted into a ticket says what it shows.
import type { SimulationResult } from '../../protocol/simulation';
import { formatCount } from '../../protocol/text-format';
import type { ExportCaption } from './export-canvas';
import { formatDuration, formatUsd, trim } from './format';

export function exportCaption(fileName: string, r: SimulationResult): ExportCaption {
  const d = r.dra.summary;
  const count = (n: number): string => formatCount(n, (x) => trim(x, 0));
  const figures = [
    `runtime ${formatDuration(d.runtimeSec)}`,
    `peak ${count(d.peakExecutors)} executors`,
    `${trim(d.executorSeconds / 3600, 2)} executor-hours`,
    `cost ${formatUsd(d.cost.total)}`,
  ];
  const base = r.staticRightSized ?? r.static;
  const saving = base.summary.cost.total - d.cost.total;
  const against = `${r.staticRightSized ? 'right-sized static' : 'static'} (${count(base.executors)} executors)`;
  figures.push(
    Math.abs(saving) < 0.0005
      ? `same cost as ${against}`
      : saving > 0
        ? `saves ${formatUsd(saving)} vs ${against}`
        : `costs ${formatUsd(-saving)} more than ${against}`,
  );
  const w = r.workload;
  const workload =
    w.source === 'event log'
      ? 'workload from the event log'
      : w.source === 'file'
        ? `workload ${w.name} (file)`
        : `synthetic workload ${w.name}`;
  return {
    title: `Spark DRA simulation — ${fileName || 'untitled'}`,
    lines: [figures.join(' · '), `${workload} · Spark ${r.sparkVersion}`],
  };
}
