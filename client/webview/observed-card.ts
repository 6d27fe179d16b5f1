// The "Observed (from the log)" card of a replay: what really ran beside what the simulation did, and a caption
// saying whose configuration was simulated. Rendering only: every number comes from the host.
import type { SimulationResult } from '../../protocol/simulation';
import { formatDuration, percent, signed, trim } from './format';
import type { ObservedRun } from '../../protocol/webview-messages';
import { el } from './dom';

export interface ObservedRow {
  id: 'runtime' | 'peakExecutors' | 'executorHours';
  label: string;
  observed: string;
  simulated: string;
  /** Simulated minus observed. */
  difference: string;
}

export interface ObservedCardContent {
  rows: ObservedRow[];
  /** Whose configuration was simulated, and the Spark versions. */
  caption: string;
  /** Set when the log has no application end. */
  warning?: string;
  /** Executors the log added and removed. */
  churn: string;
}

function withPercent(text: string, delta: number, base: number): string {
  const p = percent(delta, base);
  return p ? `${text} (${p})` : text;
}

function durationDelta(delta: number): string {
  if (!Number.isFinite(delta)) return '–';
  return `${delta >= 0 ? '+' : '−'}${formatDuration(Math.abs(delta))}`;
}

export function observedCardContent(r: SimulationResult, o: ObservedRun): ObservedCardContent {
  const d = r.dra.summary;
  const observedHours = o.executorSeconds / 3600;
  const simulatedHours = d.executorSeconds / 3600;
  const runtimeDelta = d.runtimeSec - o.runtimeSec;
  const hoursDelta = simulatedHours - observedHours;
  const rows: ObservedRow[] = [
    {
      id: 'runtime',
      label: 'Runtime',
      observed: formatDuration(o.runtimeSec),
      simulated: formatDuration(d.runtimeSec),
      difference: withPercent(durationDelta(runtimeDelta), runtimeDelta, o.runtimeSec),
    },
    {
      id: 'peakExecutors',
      label: 'Peak executors',
      observed: trim(o.peakExecutors, 0),
      simulated: trim(d.peakExecutors, 0),
      difference: signed(d.peakExecutors - o.peakExecutors, 0),
    },
    {
      id: 'executorHours',
      label: 'Executor-hours',
      observed: trim(observedHours, 2),
      simulated: trim(simulatedHours, 2),
      difference: withPercent(signed(hoursDelta, 2), hoursDelta, observedHours),
    },
  ];
  const conf = o.confFrom === 'job-file' ? "the job file's configuration" : "the event log's own configuration";
  const logged =
    o.loggedSparkVersion === 'unknown'
      ? 'the log does not say which Spark version ran'
      : `the log ran Spark ${o.loggedSparkVersion}`;
  const content: ObservedCardContent = {
    rows,
    caption: `Simulated with ${conf} as Spark ${r.sparkVersion}; ${logged}.`,
    churn: `${trim(o.executorsAdded, 0)} executors added, ${trim(o.executorsRemoved, 0)} removed during the run.`,
  };
  if (!o.complete) {
    content.warning =
      'The log has no application end (still running or cut short): the observed figures stop at its last event.';
  }
  return content;
}

/** The card element (full width in the card grid). */
export function observedCard(r: SimulationResult, o: ObservedRun): HTMLElement {
  const c = observedCardContent(r, o);
  const card = el('div', `card observed${c.warning ? ' warn' : ''}`);
  card.dataset.card = 'observed';
  card.append(el('div', 'card-label', 'Observed (from the log)'));
  const table = el('table', 'observed-table');
  const head = el('tr');
  head.append(
    el('th'),
    el('th', undefined, 'Observed'),
    el('th', undefined, 'Simulated'),
    el('th', undefined, 'Simulated − observed'),
  );
  table.append(el('thead'));
  table.tHead?.append(head);
  const body = el('tbody');
  for (const row of c.rows) {
    const tr = el('tr');
    tr.dataset.row = row.id;
    const label = el('th', undefined, row.label);
    label.scope = 'row';
    tr.append(
      label,
      el('td', 'observed-value', row.observed),
      el('td', 'simulated-value', row.simulated),
      el('td', 'difference', row.difference),
    );
    body.append(tr);
  }
  table.append(body);
  card.append(table);
  const caption = el('div', 'card-detail observed-caption', c.caption);
  caption.dataset.confFrom = o.confFrom;
  card.append(caption, el('div', 'card-detail', c.churn));
  if (c.warning) card.append(el('div', 'card-detail observed-warning', c.warning));
  return card;
}
