// The replay cards beside "Observed": the calibration the log gave the simulation (start-up and removal times,
// with their samples and sources) and, for the logged configuration, how closely the replay matched the log.
// Rendering only, with textContent: every number and sentence comes from the validated result.
import type { CalibratedValue, Calibration, FidelityReport, JobFidelity } from '../../protocol/replay-types';
import { CALIBRATED_FIELDS } from '../../protocol/replay-parse';
import { countOf, formatDuration, signed, trim } from './format';
import { el } from './dom';

export interface CalibrationRow {
  id: (typeof CALIBRATED_FIELDS)[number];
  label: string;
  value: string;
  samples: string;
  source: string;
  basis: string;
}

export interface CalibrationContent {
  summary: string;
  rows: CalibrationRow[];
  tail: string;
}

const LABELS: Record<CalibrationRow['id'], string> = {
  coldStart: 'Cold start',
  coldRate: 'Cold-start rate',
  addLatency: 'Add latency',
  firstAddLatency: 'First ramp latency',
  addRate: 'Add rate',
  removalLag: 'Removal lag',
  exitTime: 'Exit time',
  launchDelay: 'Stage launch delay',
};

const SOURCES: Record<CalibratedValue['source'], string> = {
  log: 'measured in the log',
  'request-time': 'measured from request times',
  fallback: 'typical value (no samples)',
  knob: 'set by a knob',
};

/** Seconds with one decimal, or whole milliseconds below a second (a stage launch delay is a few ms). */
function secondsText(s: number): string {
  return s > 0 && s < 1 ? `${trim(s * 1000, 0)} ms` : `${trim(s, 1)} s`;
}

function calibratedText(v: CalibratedValue): string {
  if (v.unit === 'executors/s') return v.value === 0 ? 'no limit' : `${trim(v.value, 2)} executors/s`;
  const range = v.min !== undefined && v.max !== undefined && v.max > v.min;
  if (!range) return secondsText(v.value);
  const lo = v.min ?? 0;
  const hi = v.max ?? 0;
  if (lo >= 1 || lo === 0) return `${trim(v.value, 1)} s (${trim(lo, 1)}–${trim(hi, 1)} s)`;
  return `${secondsText(v.value)} (${secondsText(lo)}–${secondsText(hi)})`;
}

/** A measured value without a sample count (a rate read off the arrivals) shows a dash rather than a zero. */
function samplesText(v: CalibratedValue): string {
  const measured = v.source === 'log' || v.source === 'request-time';
  return measured && v.samples === 0 ? '–' : trim(v.samples, 0);
}

export function calibrationContent(c: Calibration): CalibrationContent {
  return {
    summary: c.summary,
    rows: CALIBRATED_FIELDS.map((id) => {
      const v = c[id];
      return {
        id,
        label: LABELS[id],
        value: calibratedText(v),
        samples: samplesText(v),
        source: SOURCES[v.source],
        basis: v.basis,
      };
    }),
    tail: `The driver ran ${formatDuration(c.appTailSec)} after the last job before the application ended.`,
  };
}

export interface FidelityRow {
  id: 'jobWindow' | 'appWindow';
  label: string;
  observed: string;
  simulated: string;
  error: string;
}

export interface FidelityContent {
  summary: string;
  rows: FidelityRow[];
  /** Mean |observed − simulated| executors and both peaks. */
  executors: string;
  /** How the jobs' durations compare. */
  jobs: string;
}

function errorPct(p: number): string {
  return `${signed(p, 1)}%`;
}

function jobsLine(jobs: readonly JobFidelity[]): string {
  if (jobs.length === 0) return 'The log has no jobs to compare.';
  const failed = jobs.filter((j) => j.failedInLog === true).length;
  const succeeded = jobs.filter((j) => j.failedInLog !== true);
  const compared = succeeded.filter((j) => j.simulatedSec !== undefined && j.errorSec !== undefined);
  const failedPart = failed > 0 ? `; ${countOf(failed, 'job')} did not succeed in the log, not compared` : '';
  if (succeeded.length === 0) return `No job succeeded in the log (${countOf(failed, 'job')}): none is compared.`;
  if (compared.length === 0) {
    const which = failed > 0 ? 'succeeded in the log' : 'in the log';
    return `${countOf(succeeded.length, 'job')} ${which}; the simulation finished none of them${failedPart}.`;
  }
  // The engine decides what counts as close (10 %, or 1 s for jobs under 10 s).
  const close = compared.filter((j) => j.withinTarget === true).length;
  let worst = compared[0];
  for (const j of compared) if (Math.abs(j.errorSec ?? 0) > Math.abs(worst?.errorSec ?? 0)) worst = j;
  const unfinished = succeeded.length - compared.length;
  const parts = [
    `${countOf(compared.length, 'job')} compared: ${trim(close, 0)} within target (10%, or 1 s under 10 s) of the logged duration`,
  ];
  if (worst && worst.errorSec !== undefined) {
    const pct = worst.errorPct === undefined ? '' : `, ${errorPct(worst.errorPct)}`;
    parts.push(`largest gap job ${worst.id} (${signed(worst.errorSec, 1)} s${pct})`);
  }
  if (unfinished > 0) parts.push(`${countOf(unfinished, 'job')} not finished by the simulation`);
  return `${parts.join('; ')}${failedPart}.`;
}

export function fidelityContent(f: FidelityReport): FidelityContent {
  const row = (id: FidelityRow['id'], label: string, w: FidelityReport['jobWindow']): FidelityRow => ({
    id,
    label,
    observed: trim(w.observedExecutorSeconds / 3600, 2),
    simulated: trim(w.simulatedExecutorSeconds / 3600, 2),
    error: errorPct(w.errorPct),
  });
  return {
    summary: f.summary,
    rows: [row('jobWindow', 'Job window', f.jobWindow), row('appWindow', 'Application', f.appWindow)],
    executors:
      `Mean |observed − simulated| executors ${trim(f.meanAbsExecutorError, 1)} (sampled every second); ` +
      `peak ${trim(f.simulatedPeak, 0)} simulated vs ${trim(f.observedPeak, 0)} observed.`,
    jobs: jobsLine(f.jobs),
  };
}

function headRow(...labels: string[]): HTMLTableSectionElement {
  const head = el('thead');
  const tr = el('tr');
  tr.append(...labels.map((l) => el('th', undefined, l)));
  head.append(tr);
  return head;
}

/** The calibration card: the one-line summary, and each estimate with its samples and source on demand. */
export function calibrationCard(c: Calibration): HTMLElement {
  const content = calibrationContent(c);
  const card = el('div', 'card replay-card calibration');
  card.dataset.card = 'calibration';
  card.append(el('div', 'card-label', 'Calibration (from the log)'), el('div', 'replay-line', content.summary));
  const details = el('details', 'calibration-details');
  details.append(el('summary', undefined, 'Estimates, samples and sources'));
  const table = el('table', 'replay-table');
  table.append(headRow('', 'Value', 'Samples', 'Source'));
  const body = el('tbody');
  for (const r of content.rows) {
    const tr = el('tr');
    tr.dataset.row = r.id;
    tr.title = r.basis;
    const label = el('th', undefined, r.label);
    label.scope = 'row';
    tr.append(label, el('td', undefined, r.value), el('td', undefined, r.samples), el('td', 'source', r.source));
    body.append(tr);
  }
  table.append(body);
  details.append(table, el('div', 'card-detail', content.tail));
  card.append(details);
  return card;
}

/** The fidelity card: how close the replay of the logged configuration came to what the log shows. */
export function fidelityCard(f: FidelityReport): HTMLElement {
  const content = fidelityContent(f);
  const card = el('div', 'card replay-card fidelity');
  card.dataset.card = 'fidelity';
  card.append(el('div', 'card-label', 'Fidelity of the replay'), el('div', 'replay-line', content.summary));
  const table = el('table', 'replay-table fidelity-table');
  table.append(headRow('Executor-hours', 'Observed', 'Simulated', 'Error'));
  const body = el('tbody');
  for (const r of content.rows) {
    const tr = el('tr');
    tr.dataset.row = r.id;
    const label = el('th', undefined, r.label);
    label.scope = 'row';
    tr.append(
      label,
      el('td', undefined, r.observed),
      el('td', undefined, r.simulated),
      el('td', 'fidelity-error', r.error),
    );
    body.append(tr);
  }
  table.append(body);
  card.append(table, el('div', 'card-detail', content.executors), el('div', 'card-detail fidelity-jobs', content.jobs));
  return card;
}
