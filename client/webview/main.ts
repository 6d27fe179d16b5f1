// Entry of the simulation webview: renders SimulationResults from the host and sends user intents back.
import 'uplot/dist/uPlot.min.css';
import './styles.css';
import { AdvisorView } from './advisor-view';
import { renderCards, renderNotes, workloadLine } from './cards';
import { TimelineChart } from './chart';
import { WhatIfControls } from './controls';
import { exportStem, timelineCsv } from './csv';
import { exportCaption } from './export-caption';
import { editsAfterFileChange, shortKeyNames } from './file-sync';
import { renderProblem } from './refusal';
import { renderBanner } from './workload-banner';
import {
  changedValues,
  parseHostMessage,
  type HostMessage,
  type WebviewMessage,
  type WhatIfValues,
} from '../../protocol/webview-messages';
import { emptyState, parseState, persistable, type PanelState } from './state';
import { observeTheme, readTheme } from './theme';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: PanelState): void;
}

declare global {
  function acquireVsCodeApi(): VsCodeApi;
}

const DEBOUNCE_MS = 150;

function connect(): VsCodeApi {
  if (typeof acquireVsCodeApi === 'function') return acquireVsCodeApi();
  // Opened outside VS Code: keep working with a no-op host.
  let kept: unknown;
  return { postMessage: () => undefined, getState: () => kept, setState: (s) => (kept = s) };
}

function byId(id: string): HTMLElement {
  const e = document.getElementById(id);
  if (!e) throw new Error(`missing #${id}`);
  return e;
}

class Panel {
  private readonly api = connect();
  private state: PanelState;
  private readonly chart: TimelineChart;
  private readonly controls: WhatIfControls;
  private readonly advisor: AdvisorView;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Highest request id sent; older answers are dropped. */
  private latestRequest = 0;
  private pending = false;
  private rejected = 0;
  private lastApplied: Record<string, string> | undefined;
  /** What-if overrides of the latest simulate request: a result is stale if one of them was dropped since. */
  private lastSentOverrides: Record<string, string> = {};
  /** Said once on the status line after the file changed under what-if values. */
  private clearedNotice = '';

  constructor() {
    let restored: PanelState;
    try {
      restored = parseState(this.api.getState());
    } catch {
      restored = emptyState();
    }
    this.state = restored;
    this.chart = new TimelineChart(byId('chart'));
    this.controls = new WhatIfControls(byId('controls'), () => this.state, {
      changed: () => this.schedule(),
      apply: () => this.apply(),
      reset: () => this.reset(),
      exportCsv: () => this.exportCsv(),
      exportPng: () => void this.exportPng(),
    });
    this.advisor = new AdvisorView({
      post: (message) => this.api.postMessage(message),
      nextRequestId: () => {
        const id = this.state.nextRequestId++;
        this.save();
        return id;
      },
      preset: () => this.state.preset,
      theme: readTheme,
      export: (message) => this.api.postMessage(message),
      fileName: () => this.state.fileName,
      keep: (advice) => {
        this.state.advice = advice;
        this.save();
      },
    });
    if (this.state.advice) this.advisor.restore(this.state.advice);
    observeTheme(() => {
      this.chart.setTheme(readTheme());
      this.advisor.setTheme(readTheme());
    });
    window.addEventListener('message', (e: MessageEvent<unknown>) => this.receive(e.data));
    this.renderAll();
    this.api.postMessage({ type: 'ready' });
  }

  // ---------- host → webview ----------

  private receive(data: unknown): void {
    let msg: HostMessage | undefined;
    try {
      msg = parseHostMessage(data);
    } catch {
      msg = undefined;
    }
    if (!msg) {
      this.rejected++;
      document.body.dataset.rejected = String(this.rejected);
      console.warn('spark-dra: ignored a malformed message from the host');
      return;
    }
    try {
      this.handle(msg);
    } catch (err) {
      this.showError(`The panel could not show this result: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  private handle(msg: HostMessage): void {
    switch (msg.type) {
      case 'init':
        this.state.documentUri = msg.documentUri;
        this.state.fileName = msg.fileName;
        this.state.presets = msg.presets;
        this.save();
        this.renderHeader();
        this.controls.refresh(this.state.lastResult !== undefined);
        this.run();
        break;
      case 'fileValues':
        this.takeFileValues(msg.values);
        break;
      case 'result':
        if (msg.requestId !== undefined && this.advisor.ownsRequest(msg.requestId)) {
          this.advisor.previewResult(msg.requestId, msg.result);
          return;
        }
        if (msg.requestId !== undefined && msg.requestId < this.latestRequest) return;
        this.pending = false;
        this.state.lastResult = msg.result;
        if (msg.observed) this.state.lastObserved = msg.observed;
        else delete this.state.lastObserved;
        delete this.state.lastError;
        delete this.state.lastErrorHeading;
        this.save();
        this.renderAll();
        this.advisor.setSimulationBreakdowns(
          { dra: msg.result.dra.breakdown, static: msg.result.static.breakdown },
          msg.result.verdict,
        );
        break;
      case 'error':
        if (msg.requestId !== undefined && this.advisor.ownsRequest(msg.requestId)) {
          this.advisor.previewError(msg.requestId, msg.message);
          return;
        }
        if (msg.requestId !== undefined && msg.requestId < this.latestRequest) return;
        this.pending = false;
        this.showError(msg.message, msg.heading);
        break;
      case 'applied':
        if (msg.ok && this.lastApplied) {
          this.state.fileValues = { ...this.state.fileValues, ...this.lastApplied };
          this.save();
        }
        this.lastApplied = undefined;
        this.setStatus(msg.ok ? 'Applied to the file.' : `Not applied${msg.message ? `: ${msg.message}` : '.'}`);
        this.controls.refresh(this.state.lastResult !== undefined);
        break;
      case 'rerun':
        this.advisor.markStale();
        this.run();
        break;
      case 'advice':
      case 'adviceStatus':
        this.advisor.handle(msg);
        break;
    }
  }

  /** The file's values: what-if values the file changed under are dropped, and a run that used one is redone. */
  private takeFileValues(values: WhatIfValues): void {
    const outcome = editsAfterFileChange(this.state.edits, this.state.fileValues, values);
    this.state.fileValues = values;
    this.state.edits = outcome.edits;
    this.save();
    this.controls.refresh(this.state.lastResult !== undefined);
    if (outcome.cleared.length === 0) return;
    this.controls.showFileValues(outcome.cleared);
    this.clearedNotice = `The file changed: what-if ${shortKeyNames(outcome.cleared)} cleared.`;
    if (outcome.cleared.some((k) => this.lastSentOverrides[k] !== undefined)) this.run();
  }

  // ---------- intents ----------

  private schedule(): void {
    this.save();
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.run();
    }, DEBOUNCE_MS);
  }

  private run(): void {
    if (this.controls.invalidKeys().length > 0) {
      this.setStatus('Fix the highlighted values to re-run.');
      return;
    }
    const requestId = this.state.nextRequestId++;
    this.latestRequest = requestId;
    this.pending = true;
    const overrides = changedValues(this.state.edits, this.state.fileValues);
    this.lastSentOverrides = { ...overrides } as Record<string, string>;
    const msg: WebviewMessage = {
      type: 'simulate',
      requestId,
      overrides,
      knobs: { ...this.state.knobs },
      ...(this.state.preset !== undefined ? { preset: this.state.preset } : {}),
    };
    this.save();
    this.setStatus('Simulating…');
    this.api.postMessage(msg);
  }

  private apply(): void {
    const values = changedValues(this.state.edits, this.state.fileValues);
    if (Object.keys(values).length === 0 || this.controls.invalidKeys().length > 0) return;
    this.lastApplied = { ...values } as Record<string, string>;
    this.setStatus('Applying to the file…');
    this.api.postMessage({ type: 'apply', values });
  }

  private reset(): void {
    this.state.edits = {};
    this.state.knobs = {};
    delete this.state.preset;
    this.controls.refresh(this.state.lastResult !== undefined);
    this.schedule();
  }

  private exportCsv(): void {
    const r = this.state.lastResult;
    if (!r) return;
    this.api.postMessage({
      type: 'exportCsv',
      fileName: `${exportStem(this.state.fileName)}-timeline.csv`,
      text: timelineCsv(r),
    });
  }

  private async exportPng(): Promise<void> {
    const r = this.state.lastResult;
    const dataUrl = r ? await this.chart.toPngDataUrl(exportCaption(this.state.fileName, r)) : undefined;
    if (!dataUrl) return;
    this.api.postMessage({ type: 'exportPng', fileName: `${exportStem(this.state.fileName)}-timeline.png`, dataUrl });
  }

  // ---------- rendering ----------

  private save(): void {
    try {
      this.api.setState(persistable(this.state));
    } catch {
      // State is a convenience; a failure to keep it must not break the panel.
    }
  }

  private setStatus(text: string): void {
    const status = byId('status');
    status.textContent = text;
    document.body.classList.toggle('busy', this.pending);
  }

  private renderHeader(): void {
    byId('file').textContent = this.state.fileName;
    const r = this.state.lastResult;
    byId('workload').textContent = r ? workloadLine(r) : '';
  }

  private showError(message: string, heading?: string): void {
    this.state.lastError = message;
    if (heading === undefined) delete this.state.lastErrorHeading;
    else this.state.lastErrorHeading = heading;
    this.save();
    const parts = { heading: byId('error-heading'), message: byId('error-message'), keys: byId('error-keys') };
    renderProblem(parts, message, heading);
    byId('error').hidden = false;
    byId('results').hidden = true;
    this.controls.refresh(false); // nothing current to export
    this.setStatus(`${parts.heading.textContent ?? ''}.`);
  }

  private renderAll(): void {
    this.renderHeader();
    const r = this.state.lastResult;
    const error = this.state.lastError;
    this.controls.refresh(r !== undefined);
    if (error !== undefined) {
      this.showError(error, this.state.lastErrorHeading);
      return;
    }
    byId('error').hidden = true;
    if (!r) {
      byId('results').hidden = true;
      this.setStatus('Waiting for the simulation…');
      return;
    }
    byId('results').hidden = false;
    const observed = this.state.lastObserved;
    renderBanner(byId('workload-banner'), r);
    renderCards(byId('cards'), r, observed);
    this.chart.render(r, readTheme(), observed);
    renderNotes(byId('notes'), r);
    this.setStatus(this.pending ? 'Simulating…' : `Up to date.${this.clearedNotice ? ` ${this.clearedNotice}` : ''}`);
    if (!this.pending) this.clearedNotice = '';
  }
}

function start(): void {
  try {
    new Panel();
  } catch (err) {
    const box = document.getElementById('error');
    const text = document.getElementById('error-message');
    if (box && text) {
      text.textContent = `The simulation panel failed to start: ${err instanceof Error ? err.message : String(err)}`;
      box.hidden = false;
    }
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
