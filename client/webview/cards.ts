// Summary cards (runtime, executor-hours, peak executors, PVCs, cost, DRA vs static) plus notes and inputs.
import type { CostBreakdown, SimulationResult, SimulationSummary, StaticRun } from '../../protocol/simulation';
import { formatCount, formatSparkValue } from '../../protocol/text-format';
import { countOf, formatDuration, formatUsd, percent, signed, trim } from './format';
import type { ObservedRun } from '../../protocol/webview-messages';
import { observedCard } from './observed-card';
import { calibrationCard, fidelityCard } from './replay-cards';
import { el } from './dom';

interface Card {
  id: string;
  label: string;
  value: string;
  detail?: string;
  /** A second line that must not be missed (money that keeps going after the run). */
  warning?: string;
  tone?: 'good' | 'bad' | 'warn';
}

/** The setting that prices nodes; without it compute is unknown, not $0. */
export const NODE_PRICE_SETTING = 'sparkDra.simulation.instanceVcpuHourUsd';

function costDetail(c: CostBreakdown): string {
  const compute =
    c.computePriced === false ? `nodes not priced — set ${NODE_PRICE_SETTING}` : `compute ${formatUsd(c.compute)}`;
  return `uplift ${formatUsd(c.emrUplift)} · storage ${formatUsd(c.storage)} · ${compute}`;
}

/** What DRA saves (or costs more) against a static baseline, as a card. */
function savingCard(id: string, label: string, dra: SimulationSummary, base: StaticRun): Card {
  const saving = base.summary.cost.total - dra.cost.total;
  const savingPct = percent(-saving, base.summary.cost.total);
  const hours = (dra.executorSeconds - base.summary.executorSeconds) / 3600;
  const none = Math.abs(saving) < 0.0005;
  return {
    id,
    label: `${label} (${formatCount(base.executors, (n) => trim(n, 0))} executors)`,
    value: none ? 'No difference' : saving > 0 ? `Saves ${formatUsd(saving)}` : `Costs ${formatUsd(-saving)} more`,
    detail: `static ${formatUsd(base.summary.cost.total)}${savingPct ? ` · DRA ${savingPct}` : ''} · executor-hours ${signed(hours, 2)}`,
    ...(none ? {} : { tone: saving > 0 ? ('good' as const) : ('bad' as const) }),
  };
}

/** With several resource profiles, each one's peak ("profile 0: 4 · profile 1: 3 · "), else nothing. */
function profilePeaks(d: SimulationSummary): string {
  if (!d.profiles || d.profiles.length < 2) return '';
  return d.profiles.map((p) => `profile ${p.id}: ${formatCount(p.peakExecutors, (n) => trim(n, 0))} · `).join('');
}

export function summaryCards(r: SimulationResult): Card[] {
  const d = r.dra.summary;
  // Figures are set beside the right-sized static run when there is one: the fair comparison.
  const base = r.staticRightSized ?? r.static;
  const baseLabel = r.staticRightSized ? 'static at peak' : 'static';
  const s = base.summary;
  const draHours = d.executorSeconds / 3600;
  const staticHours = s.executorSeconds / 3600;
  const hoursPct = percent(draHours - staticHours, staticHours);
  const runtimeDelta = d.runtimeSec - s.runtimeSec;
  const leftBehindMonthly = d.cost.leftBehindPerMonth ?? 0;
  const cards: Card[] = [
    {
      id: 'runtime',
      label: 'Runtime',
      value: formatDuration(d.runtimeSec),
      detail: `${baseLabel} ${formatDuration(s.runtimeSec)} (${runtimeDelta >= 0 ? '+' : '−'}${formatDuration(Math.abs(runtimeDelta))})`,
    },
    {
      id: 'executorHours',
      label: 'Executor-hours',
      value: trim(draHours, 2),
      detail: `${baseLabel} ${trim(staticHours, 2)}${hoursPct ? ` (${hoursPct})` : ''}`,
    },
    {
      id: 'peakExecutors',
      label: 'Peak executors',
      value: formatCount(d.peakExecutors, (n) => trim(n, 0)),
      detail: `${profilePeaks(d)}static ${formatCount(r.static.executors, (n) => trim(n, 0))} · ${trim(d.podsCreated, 0)} pods created`,
    },
    {
      id: 'pvcsCreated',
      label: 'PVCs created',
      value: trim(d.pvcsCreated, 0),
      detail: `${baseLabel} ${trim(s.pvcsCreated, 0)}`,
    },
    {
      id: 'pvcGiBHours',
      label: 'PVC GiB-hours',
      value: trim(d.pvcGiBHours, 1),
      ...(d.pvcGiBLeftBehind > 0
        ? { detail: `${trim(d.pvcGiBLeftBehind, 1)} GiB left behind after the job (Retain)`, tone: 'warn' as const }
        : { detail: `${baseLabel} ${trim(s.pvcGiBHours, 1)}` }),
    },
    {
      id: 'cost',
      label: 'Cost',
      value: formatUsd(d.cost.total),
      detail: costDetail(d.cost),
      ...(d.pvcGiBLeftBehind > 0
        ? {
            warning: `+ ${formatUsd(leftBehindMonthly)} every month for ${trim(d.pvcGiBLeftBehind, 1)} GiB of volumes Retain leaves behind`,
            tone: 'warn' as const,
          }
        : {}),
    },
  ];
  if (r.staticRightSized) cards.push(savingCard('draVsRightSized', 'DRA vs right-sized static', d, r.staticRightSized));
  const atMax = r.staticRightSized ? 'DRA vs static at maxExecutors' : 'DRA vs static';
  // The configured baseline only when it differs from the right-sized one.
  if (!r.staticRightSized || r.staticRightSized.executors !== r.static.executors)
    cards.push(savingCard('draVsStatic', atMax, d, r.static));
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
    if (c.warning) card.append(el('div', 'card-warning', c.warning));
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
  return `${w.name} · ${countOf(w.jobs, 'job')} · ${countOf(w.stages, 'stage')} · ${countOf(w.tasks, 'task')} · Spark ${r.sparkVersion}`;
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
      tr.append(el('td', 'input-key', k), el('td', 'input-value', formatSparkValue(r.inputs[k] ?? '')));
      table.append(tr);
    }
    details.append(table);
    host.append(details);
  }
}
