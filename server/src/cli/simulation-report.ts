// Plain-text rendering of simulation results for the terminal.
import { observedProfilePeaks, type ObservedRun } from '../engine';
import type { SimulationResult, SimulationSummary, TimelinePoint } from '../../../protocol/simulation';
import { formatCount, formatDuration } from '../../../protocol/text-format';
import { formatBreakdown } from './breakdown-report';

export { formatDuration };

const money = (usd: number): string => `$${usd.toFixed(usd < 10 ? 3 : 2)}`;
const num = (n: number, digits = 1): string => (Number.isInteger(n) ? String(n) : n.toFixed(digits));

interface Row {
  label: string;
  value: (s: SimulationSummary) => number;
  show: (n: number) => string;
}

const ROWS: Row[] = [
  { label: 'runtime', value: (s) => s.runtimeSec, show: formatDuration },
  { label: 'executor-hours', value: (s) => s.executorSeconds / 3600, show: (n) => n.toFixed(2) },
  { label: 'idle core share', value: (s) => idleShare(s), show: (n) => `${Math.round(n * 100)}%` },
  { label: 'peak executors', value: (s) => s.peakExecutors, show: (n) => formatCount(n, num) },
  { label: 'pods created', value: (s) => s.podsCreated, show: (n) => num(n) },
  { label: 'PVCs created', value: (s) => s.pvcsCreated, show: (n) => num(n) },
  { label: 'PVC GiB-hours', value: (s) => s.pvcGiBHours, show: (n) => n.toFixed(1) },
  { label: 'GiB left behind', value: (s) => s.pvcGiBLeftBehind, show: (n) => num(n) },
  { label: 'cost (USD)', value: (s) => s.cost.total, show: money },
];

function idleShare(s: SimulationSummary): number {
  const total = s.busyCoreSeconds + s.idleCoreSeconds;
  return total > 0 ? s.idleCoreSeconds / total : 0;
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('   ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** `a − b` at the row's precision, with the share of b: "-1.20 (-23%)", or "=" when too small to show. */
function difference(row: Row, a: number, b: number): string {
  const diff = a - b;
  const pct = b !== 0 ? ` (${diff >= 0 ? '+' : ''}${Math.round((diff / b) * 100)}%)` : '';
  const same = row.show(Math.abs(diff)) === row.show(0);
  return same ? '=' : `${diff > 0 ? '+' : '-'}${row.show(Math.abs(diff))}${pct}`;
}

/** Where the workload came from, and how to choose another. */
function workloadLine(result: SimulationResult): string {
  const w = result.workload;
  const size = `${w.jobs} job(s), ${w.stages} stage(s), ${w.tasks} task(s)`;
  if (w.source === 'event log') return `Spark ${result.sparkVersion} · workload from the event log: ${size}`;
  if (w.source === 'file') return `Spark ${result.sparkVersion} · workload "${w.name}" from a file: ${size}`;
  const about = w.description ? ` — ${w.description}` : '';
  return [
    `Spark ${result.sparkVersion} · synthetic workload "${w.name}": ${size}${about}`,
    'Choose another with --preset NAME, --workload FILE.json or --eventlog LOG (your own run).',
  ].join('\n');
}

/** The cost lines a table cannot say: savings against the right-sized baseline, volumes left behind, node prices. */
function costLines(result: SimulationResult): string[] {
  const dra = result.dra.summary;
  const lines: string[] = [];
  const fair = result.staticRightSized;
  if (fair) {
    const saving = fair.summary.cost.total - dra.cost.total;
    const pct = fair.summary.cost.total > 0 ? ` (${Math.round((saving / fair.summary.cost.total) * 100)}%)` : '';
    lines.push(
      Math.abs(saving) < 0.0005
        ? `DRA costs the same as static at its peak (${fair.executors} executors).`
        : saving > 0
          ? `DRA saves ${money(saving)}${pct} against static at its peak (${fair.executors} executors).`
          : `DRA costs ${money(-saving)} more than static at its peak (${fair.executors} executors).`,
    );
  }
  const monthly = dra.cost.leftBehindPerMonth ?? 0;
  if (dra.pvcGiBLeftBehind > 0)
    lines.push(
      `Volumes left behind (reclaimPolicy Retain): ${num(dra.pvcGiBLeftBehind)} GiB, ${money(monthly)} per month of EBS until deleted.`,
    );
  if (dra.cost.computePriced === false)
    lines.push('Nodes not priced: cost is the EMR uplift and storage only (sparkDra.simulation.instanceVcpuHourUsd).');
  return lines;
}

/** DRA against the right-sized static baseline and the configured one, cost lines, where executor time went with the verdict, then notes. */
export function formatSimulation(title: string, result: SimulationResult): string {
  const dra = result.dra.summary;
  const stat = result.static.summary;
  // A right-sized baseline of the configured count is the same run: one column then.
  const rightSized = result.staticRightSized;
  const fair = rightSized && rightSized.executors !== result.static.executors ? rightSized : undefined;
  const rows = ROWS.map((row) => {
    const a = row.value(dra);
    const b = row.value(stat);
    if (!fair) return [row.label, row.show(a), row.show(b), difference(row, a, b)];
    const c = row.value(fair.summary);
    return [row.label, row.show(a), row.show(c), difference(row, a, c), row.show(b), difference(row, a, b)];
  });
  const header = fair
    ? [
        '',
        'dynamic allocation',
        `static at DRA peak (${fair.executors})`,
        'DRA − peak static',
        `static (${result.static.executors} executors)`,
        'DRA − static',
      ]
    : ['', 'dynamic allocation', `static (${result.static.executors} executors)`, 'DRA − static'];
  const lines = [title, workloadLine(result), '', table(header, rows)];
  const profiles = profileLine(result);
  if (profiles) lines.push('', profiles);
  const costs = costLines(result);
  if (costs.length > 0) lines.push('', ...costs);
  lines.push('', formatBreakdown(result));
  if (result.notes.length > 0) lines.push('', 'Notes:', ...result.notes.map((n) => `  - ${n}`));
  return lines.join('\n');
}

/** With stage-level scheduling: the DRA run's peak executors per resource profile, with each profile's size. */
function profileLine(result: SimulationResult): string | undefined {
  const profiles = result.dra.summary.profiles;
  if (!profiles || profiles.length < 2) return undefined;
  const each = profiles.map(
    (p) =>
      `profile ${p.id} (${p.executorCores} cores, ${p.taskCpus} CPU(s) per task) ${formatCount(p.peakExecutors, num)}`,
  );
  return `Peak executors by resource profile (DRA): ${each.join(' · ')}`;
}

/** Running executors at time t of a step timeline (the last point at or before t). */
function runningAt(points: readonly { t: number; running: number }[], t: number): number {
  let low = 0;
  let high = points.length - 1;
  if (high < 0 || points[0].t > t) return 0;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (points[mid].t <= t) low = mid;
    else high = mid - 1;
  }
  return points[low].running;
}

/** The observed executor timeline of an event log beside simulated ones, sampled at even steps. */
export function formatTimelines(
  observed: ObservedRun,
  simulated: { label: string; timeline: readonly TimelinePoint[] }[],
  samples = 24,
): string {
  const end = Math.max(observed.runtimeSec, ...simulated.map((s) => s.timeline[s.timeline.length - 1]?.t ?? 0));
  const step = Math.max(1, Math.ceil(end / samples));
  const rows: string[][] = [];
  for (let t = 0; t <= end + step / 2; t += step) {
    rows.push([
      formatDuration(t),
      String(runningAt(observed.timeline, t)),
      ...simulated.map((s) => String(runningAt(s.timeline, t))),
    ]);
  }
  const peaks = observedProfilePeaks(observed.executors);
  const byProfile =
    peaks.length > 1
      ? ` (by resource profile: ${peaks.map((p) => `profile ${p.profile} ${p.peakExecutors}`).join(', ')})`
      : '';
  const summary = `observed: runtime ${formatDuration(observed.runtimeSec)}, peak ${observed.peakExecutors} executors${byProfile}, ${(observed.executorSeconds / 3600).toFixed(2)} executor-hours`;
  return [
    'Executors alive over time',
    table(['time', 'observed', ...simulated.map((s) => s.label)], rows),
    '',
    summary,
  ].join('\n');
}

/** The simulated run's executor-seconds over the job window and the application window. */
export function formatWindows(label: string, result: SimulationResult): string {
  const d = result.dra;
  if (d.jobWindowExecutorSeconds === undefined || d.appWindowExecutorSeconds === undefined) return '';
  return `${label}: ${d.jobWindowExecutorSeconds.toFixed(1)} executor-seconds in the job window, ${d.appWindowExecutorSeconds.toFixed(1)} over the application`;
}

/** The calibration measured in the log and the fidelity of the logged configuration's replay. */
export function formatReplayFigures(
  result: SimulationResult,
  observed: { job: { executorSeconds: number }; app: { executorSeconds: number } },
): string {
  const lines: string[] = [];
  if (result.calibration) lines.push(`Calibration: ${result.calibration.summary}`);
  const f = result.fidelity;
  if (!f) {
    lines.push(
      `Observed: ${observed.job.executorSeconds.toFixed(1)} executor-seconds in the job window, ` +
        `${observed.app.executorSeconds.toFixed(1)} over the application`,
    );
    const simulated = formatWindows('Simulated (changed configuration)', result);
    if (simulated) lines.push(simulated);
  } else {
    lines.push(`Fidelity: ${f.summary}`);
    const row = (label: string, w: typeof f.appWindow): string[] => [
      label,
      w.observedExecutorSeconds.toFixed(1),
      w.simulatedExecutorSeconds.toFixed(1),
      `${w.errorPct >= 0 ? '+' : ''}${w.errorPct.toFixed(1)}%`,
    ];
    lines.push(
      table(
        ['executor-seconds', 'observed', 'simulated', 'error'],
        [row('job window', f.jobWindow), row('application window', f.appWindow)],
      ),
    );
  }
  return lines.join('\n');
}
