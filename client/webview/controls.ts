// What-if controls for the DRA keys, the pod start latency knob and the workload preset, built with
// @vscode-elements. They edit the panel state in place and report intents; no Spark logic here.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-label/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import type { VscodeButton } from '@vscode-elements/elements/dist/vscode-button/vscode-button.js';
import type { VscodeCheckbox } from '@vscode-elements/elements/dist/vscode-checkbox/vscode-checkbox.js';
import type { VscodeSingleSelect } from '@vscode-elements/elements/dist/vscode-single-select/vscode-single-select.js';
import type { VscodeTextfield } from '@vscode-elements/elements/dist/vscode-textfield/vscode-textfield.js';
import { changedValues, isWhatIfValue, KNOBS, type WhatIfKey } from '../../protocol/webview-messages';
import type { PanelState } from './state';
import { el } from './dom';

type FieldKind = 'int' | 'duration' | 'bool';

interface FieldSpec {
  key: WhatIfKey;
  label: string;
  kind: FieldKind;
  hint?: string;
}

const FIELDS: readonly FieldSpec[] = [
  { key: 'spark.dynamicAllocation.minExecutors', label: 'Min executors', kind: 'int' },
  { key: 'spark.dynamicAllocation.maxExecutors', label: 'Max executors', kind: 'int' },
  { key: 'spark.dynamicAllocation.initialExecutors', label: 'Initial executors', kind: 'int' },
  { key: 'spark.dynamicAllocation.schedulerBacklogTimeout', label: 'Scheduler backlog timeout', kind: 'duration' },
  { key: 'spark.dynamicAllocation.executorIdleTimeout', label: 'Executor idle timeout', kind: 'duration' },
  { key: 'spark.dynamicAllocation.shuffleTracking.enabled', label: 'Shuffle tracking', kind: 'bool' },
  { key: 'spark.dynamicAllocation.shuffleTracking.timeout', label: 'Shuffle tracking timeout', kind: 'duration' },
  { key: 'spark.dynamicAllocation.cachedExecutorIdleTimeout', label: 'Cached executor idle timeout', kind: 'duration' },
  { key: 'spark.kubernetes.allocation.batch.size', label: 'Pod allocation batch size', kind: 'int' },
];

const SHAPES: Record<Exclude<FieldKind, 'bool'>, RegExp> = {
  int: /^\d{1,10}$/,
  duration: /^\d{1,15}\s*(us|ms|s|m|min|h|d)?$/i,
};

export interface ControlEvents {
  /** A value changed: re-run soon. */
  changed(): void;
  apply(): void;
  reset(): void;
  exportCsv(): void;
  exportPng(): void;
}

function idFor(key: string): string {
  return `f-${key.replace(/[^A-Za-z0-9]+/g, '-')}`;
}

interface FieldView {
  spec: FieldSpec;
  row: HTMLElement;
  hint: HTMLElement;
  input: VscodeTextfield | VscodeCheckbox;
}

export class WhatIfControls {
  private readonly fields: FieldView[] = [];
  private readonly latency: VscodeTextfield;
  private readonly latencyRow: HTMLElement;
  private readonly preset: VscodeSingleSelect;
  private readonly applyButton: VscodeButton;
  private readonly resetButton: VscodeButton;
  private readonly csvButton: VscodeButton;
  private readonly pngButton: VscodeButton;
  private presetKey = '';

  constructor(
    host: HTMLElement,
    private readonly state: () => PanelState,
    private readonly events: ControlEvents,
  ) {
    const form = el('div', 'controls-grid');

    // Workload preset.
    const presetRow = el('div', 'field');
    const presetLabel = el('vscode-label');
    presetLabel.setAttribute('for', 'f-preset');
    presetLabel.textContent = 'Workload preset';
    this.preset = el('vscode-single-select');
    this.preset.id = 'f-preset';
    this.preset.addEventListener('change', () => {
      const v = this.preset.value;
      const s = this.state();
      if (v) s.preset = v;
      else delete s.preset;
      this.events.changed();
    });
    presetRow.append(presetLabel, this.preset);
    form.append(presetRow);

    for (const spec of FIELDS) form.append(this.buildField(spec));

    // Pod start latency knob (not a Spark key: never applied to the file).
    this.latencyRow = el('div', 'field');
    const latencyLabel = el('vscode-label');
    latencyLabel.setAttribute('for', 'f-podStartLatencySec');
    latencyLabel.textContent = 'Pod start latency (s)';
    this.latency = el('vscode-textfield');
    this.latency.id = 'f-podStartLatencySec';
    this.latency.type = 'number';
    this.latency.min = KNOBS.podStartLatencySec.min;
    this.latency.max = KNOBS.podStartLatencySec.max;
    this.latency.placeholder = 'simulator default';
    this.latency.addEventListener('input', () => this.onLatency());
    this.latencyRow.append(
      latencyLabel,
      this.latency,
      el('div', 'field-hint', 'simulator knob, not written to the file'),
    );
    form.append(this.latencyRow);

    const buttons = el('div', 'buttons');
    this.applyButton = this.button('Apply to file', 'apply', false, () => this.events.apply());
    this.resetButton = this.button('Reset', 'reset', true, () => this.events.reset());
    this.csvButton = this.button('Export CSV', 'export-csv', true, () => this.events.exportCsv());
    this.pngButton = this.button('Export PNG', 'export-png', true, () => this.events.exportPng());
    buttons.append(this.applyButton, this.resetButton, this.csvButton, this.pngButton);

    host.replaceChildren(el('h2', 'section-title', 'What if'), form, buttons);
  }

  private button(text: string, id: string, secondary: boolean, onClick: () => void): VscodeButton {
    const b = el('vscode-button');
    b.id = id;
    b.textContent = text;
    b.secondary = secondary;
    b.addEventListener('click', () => {
      if (!b.disabled) onClick();
    });
    return b;
  }

  private buildField(spec: FieldSpec): HTMLElement {
    const row = el('div', 'field');
    row.dataset.key = spec.key;
    const hint = el('div', 'field-hint');
    let input: VscodeTextfield | VscodeCheckbox;
    if (spec.kind === 'bool') {
      const cb = el('vscode-checkbox');
      cb.id = idFor(spec.key);
      cb.label = spec.label;
      cb.addEventListener('change', () => {
        this.state().edits[spec.key] = cb.checked ? 'true' : 'false';
        this.refresh();
        this.events.changed();
      });
      input = cb;
      row.append(cb, hint);
    } else {
      const label = el('vscode-label');
      label.setAttribute('for', idFor(spec.key));
      label.textContent = spec.label;
      const tf = el('vscode-textfield');
      tf.id = idFor(spec.key);
      tf.title = spec.key;
      tf.addEventListener('input', () => {
        const v = tf.value.trim();
        const s = this.state();
        if (v === '') delete s.edits[spec.key];
        else s.edits[spec.key] = v;
        this.refresh();
        this.events.changed();
      });
      input = tf;
      row.append(label, tf, hint);
    }
    this.fields.push({ spec, row, hint, input });
    return row;
  }

  private onLatency(): void {
    const raw = this.latency.value.trim();
    const s = this.state();
    const n = Number(raw);
    const r = KNOBS.podStartLatencySec;
    if (raw === '') {
      delete s.knobs.podStartLatencySec;
      this.latency.invalid = false;
    } else if (Number.isFinite(n) && n >= r.min && n <= r.max) {
      s.knobs.podStartLatencySec = n;
      this.latency.invalid = false;
    } else {
      this.latency.invalid = true;
      this.refresh();
      return;
    }
    this.refresh();
    this.events.changed();
  }

  /** Keys whose typed value has the wrong shape (nothing is sent while any is invalid). */
  invalidKeys(): string[] {
    const s = this.state();
    const bad: string[] = [];
    for (const { spec } of this.fields) {
      const v = s.edits[spec.key];
      if (v === undefined || spec.kind === 'bool') continue;
      if (!isWhatIfValue(v) || !SHAPES[spec.kind].test(v)) bad.push(spec.key);
    }
    if (this.latency.invalid) bad.push('podStartLatencySec');
    return bad;
  }

  /** Shows the file's value in these fields even when one has focus (their what-if values were just dropped). */
  showFileValues(keys: readonly string[]): void {
    const s = this.state();
    for (const f of this.fields) {
      if (!keys.includes(f.spec.key) || f.input.tagName.toLowerCase() === 'vscode-checkbox') continue;
      (f.input as VscodeTextfield).value = s.fileValues[f.spec.key] ?? '';
    }
    this.refresh();
  }

  /** Brings every control in line with the state (values of unfocused fields, markers, buttons). */
  refresh(hasResult = true): void {
    const s = this.state();
    const changed = changedValues(s.edits, s.fileValues);
    const invalid = new Set(this.invalidKeys());
    for (const f of this.fields) {
      const key = f.spec.key;
      const fileValue = s.fileValues[key];
      const current = s.edits[key] ?? fileValue;
      f.row.classList.toggle('changed', changed[key] !== undefined);
      f.hint.textContent = fileValue !== undefined ? `file: ${fileValue}` : 'not set in the file';
      if (f.input.tagName.toLowerCase() === 'vscode-checkbox') {
        const cb = f.input as VscodeCheckbox;
        cb.checked = (current ?? '').toLowerCase() === 'true';
      } else {
        const tf = f.input as VscodeTextfield;
        tf.placeholder = fileValue ?? 'Spark default';
        tf.invalid = invalid.has(key);
        if (document.activeElement !== tf && tf.value !== (current ?? '')) tf.value = current ?? '';
      }
    }
    const tracking = (
      s.edits['spark.dynamicAllocation.shuffleTracking.enabled'] ??
      s.fileValues['spark.dynamicAllocation.shuffleTracking.enabled'] ??
      'true'
    ).toLowerCase();
    const timeout = this.fields.find((f) => f.spec.key === 'spark.dynamicAllocation.shuffleTracking.timeout');
    if (timeout) (timeout.input as VscodeTextfield).disabled = tracking === 'false';

    const latency = s.knobs.podStartLatencySec;
    if (document.activeElement !== this.latency && !this.latency.invalid) {
      const text = latency === undefined ? '' : String(latency);
      if (this.latency.value !== text) this.latency.value = text;
    }
    this.latencyRow.classList.toggle('changed', latency !== undefined);

    this.syncPresets(s);
    this.applyButton.disabled = Object.keys(changed).length === 0 || invalid.size > 0;
    this.csvButton.disabled = !hasResult;
    this.pngButton.disabled = !hasResult;
    this.resetButton.disabled =
      Object.keys(s.edits).length === 0 && Object.keys(s.knobs).length === 0 && s.preset === undefined;
  }

  private syncPresets(s: PanelState): void {
    const names = [...s.presets];
    if (s.preset && !names.includes(s.preset)) names.push(s.preset);
    const key = `${names.join('\u0000')}|${s.preset ?? ''}`;
    if (key === this.presetKey) return;
    this.presetKey = key;
    this.preset.options = [
      { label: 'Default workload', value: '', selected: s.preset === undefined },
      ...names.map((n) => ({ label: n, value: n, selected: n === s.preset })),
    ];
    this.preset.value = s.preset ?? '';
  }
}
