// Summary cards (runtime, executor-hours, peak executors, PVCs, cost, DRA vs static) plus notes and inputs.
import type { SimulationResult } from '../../protocol/simulation';
import { formatDuration, formatUsd, percent, signed, trim } from './format';
import type { ObservedRun } from '../../protocol/webview-messages';
import { observedCard } from './observed-card';
import { calibrationCard, fidelityCard } from './replay-cards';
import { el } from './dom';

interface Card {
  id: string;
  label: string;
  value: string;
  detail?: string;
  tone?: 'good' | 'bad' | 'warn';
}

export function summaryCards(r: SimulationResult): Card[] {
  const d = r.dra.summary;
  const s = r.static.summary;
  const draHours = d.executorSeconds / 3600;
  const staticHours = s.executorSeconds / 3600;
  const saving = s.cost.total - d.cost.total;
  const savingPct = percent(-saving, s.cost.total);
  const hoursPct = percent(draHours - staticHours, staticHours);
  const runtimeDelta = d.runtimeSec - s.runtimeSec;
  const cards: Card[] = [
    {
      id: 'runtime',
      label: 'Runtime',
      value: formatDuration(d.runtimeSec),
      detail: `static ${formatDuration(s.runtimeSec)} (${runtimeDelta >= 0 ? '+' : '−'}${formatDuration(Math.abs(runtimeDelta))})`,
    },
    {
      id: 'executorHours',
      label: 'Executor-hours',
      value: trim(draHours, 2),
      detail: `static ${trim(staticHours, 2)}${hoursPct ? ` (${hoursPct})` : ''}`,
    },
    {
      id: 'peakExecutors',
      label: 'Peak executors',
      value: trim(d.peakExecutors, 0),
      detail: `static ${trim(r.static.executors, 0)} · ${trim(d.podsCreated, 0)} pods created`,
    },
    {
      id: 'pvcsCreated',
      label: 'PVCs created',
      value: trim(d.pvcsCreated, 0),
      detail: `static ${trim(s.pvcsCreated, 0)}`,
    },
    {
      id: 'pvcGiBHours',
      label: 'PVC GiB-hours',
      value: trim(d.pvcGiBHours, 1),
      ...(d.pvcGiBLeftBehind > 0
        ? { detail: `${trim(d.pvcGiBLeftBehind, 1)} GiB left behind after the job (Retain)`, tone: 'warn' as const }
        : { detail: `static ${trim(s.pvcGiBHours, 1)}` }),
    },
    {
      id: 'cost',
      label: 'Cost',
      value: formatUsd(d.cost.total),
      detail: `uplift ${formatUsd(d.cost.emrUplift)} · compute ${formatUsd(d.cost.compute)} · storage ${formatUsd(d.cost.storage)}`,
    },
    {
      id: 'draVsStatic',
      label: `DRA vs static (${trim(r.static.executors, 0)} executors)`,
      value:
        Math.abs(saving) < 0.0005
          ? 'No difference'
          : saving > 0
            ? `Saves ${formatUsd(saving)}`
            : `Costs ${formatUsd(-saving)} more`,
      detail: `static ${formatUsd(s.cost.total)}${savingPct ? ` · DRA ${savingPct}` : ''} · executor-hours ${signed(draHours - staticHours, 2)}`,
      ...(Math.abs(saving) < 0.0005 ? {} : { tone: saving > 0 ? ('good' as const) : ('bad' as const) }),
    },
  ];
  return cards;
}

/**
 * Replaces the contents of `host` with the cards for `r`, led for a replay by what the event log observed, the
 * replay's fidelity and the calibration.
 */
export function renderCards(host: HTMLElement, r: SimulationResult, observed?: ObservedRun): void {
  const nodes = summaryCards(r).map((c) => {
    const card = el('div', `card${c.tone ? ` ${c.tone}` : ''}`);
    card.dataset.card = c.id;
    card.append(el('div', 'card-label', c.label), el('div', 'card-value', c.value));
    if (c.detail) card.append(el('div', 'card-detail', c.detail));
    return card;
  });
  // The replay cards only with what the log observed: a plain simulation has neither.
  const replay: HTMLElement[] = [];
  if (observed) {
    replay.push(observedCard(r, observed));
    if (r.fidelity) replay.push(fidelityCard(r.fidelity));
    if (r.calibration) replay.push(calibrationCard(r.calibration));
  }
  host.replaceChildren(...replay, ...nodes);
}

/** Workload line: "etl-wide · 3 jobs · 12 stages · 4,800 tasks · Spark 3.5.1". */
export function workloadLine(r: SimulationResult): string {
  const w = r.workload;
  return `${w.name} · ${trim(w.jobs, 0)} jobs · ${trim(w.stages, 0)} stages · ${trim(w.tasks, 0)} tasks · Spark ${r.sparkVersion}`;
}

export function renderNotes(host: HTMLElement, r: SimulationResult): void {
  host.replaceChildren();
  if (r.notes.length > 0) {
    const list = el('ul', 'notes-list');
    for (const n of r.notes) list.append(el('li', undefined, n));
    host.append(list);
  }
  const keys = Object.keys(r.inputs).sort();
  if (keys.length > 0) {
    const details = el('details', 'inputs');
    details.append(el('summary', undefined, `Simulation inputs (${keys.length})`));
    const table = el('table');
    for (const k of keys) {
      const tr = el('tr');
      tr.append(el('td', 'input-key', k), el('td', 'input-value', r.inputs[k] ?? ''));
      table.append(tr);
    }
    details.append(table);
    host.append(details);
  }
}
