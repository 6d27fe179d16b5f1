// Hosts the simulation webview: one panel per document, beside the editor. Every message from the
// webview is validated; re-runs and applies go to callbacks the extension supplies.
import * as vscode from 'vscode';
import type { Advice } from '../../../protocol/advice';
import type { AdvisorPreviewMessage } from '../../../protocol/advisor-messages';
import { problemHeading, problemText, type Problem } from '../../../protocol/result';
import type { SimulationResult } from '../../../protocol/simulation';
import type { SimulateParams } from '../../../protocol/requests';
import {
  documentUriFromState,
  isWhatIfKey,
  parseWebviewMessage,
  pngBase64,
  type HostMessage,
  type ObservedRun,
  type ResultMessage,
  type SimulateMessage,
  type WebviewMessage,
  type WhatIfValues,
} from '../../../protocol/webview-messages';
import { jobTitleSuffix } from '../job-panel';
import { REPLAY_SCHEME, replayTargetFromQuery, replayTitle } from '../replay-view';
import { buildPanelHtml } from './html';

/** A simulation for the panel: a sparkDra/simulate answer, or a replay's with what the event log observed. */
export type PanelSimulationResponse =
  { ok: true; result: SimulationResult; observed?: ObservedRun } | { ok: false; problem: Problem };

export interface SimulationPanelCallbacks {
  /** Runs the simulator (the language client's sparkDra/simulate request). Should not throw; if it does, the error is shown. */
  runSimulation(params: SimulateParams, token?: vscode.CancellationToken): Promise<PanelSimulationResponse>;
  /** Writes the changed what-if values (Spark key → value) into the document; true when applied. */
  applyValues(values: Record<string, string>): Promise<boolean>;
  /** Workload preset names for the preset select (asked when the panel starts); absent shows only the default workload. */
  presets?(): Promise<readonly string[]>;
  /**
   * Starts an advisor search for the panel's job (the Suggest DRA Settings command) with the view's runtime limit
   * (validated; the advisor's default when absent); absent: the panel cannot.
   */
  advise?(preset: string | undefined, maxSlowdownPct: number | undefined): void;
}

/** Simulates the advised workload with a point's changes over the file (the advisor view's preview). */
export type AdvicePreview = (
  changes: Record<string, string>,
  token: vscode.CancellationToken,
) => Promise<PanelSimulationResponse>;

export type SimulationPanelCallbacksFactory = (documentUri: vscode.Uri) => SimulationPanelCallbacks | undefined;

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function baseName(uri: vscode.Uri): string {
  const parts = uri.path.split('/');
  return parts[parts.length - 1] || uri.toString();
}

/**
 * The tab title: the job file's name (and which job, from the second of a multi-job file on), or for a replay the
 * log's and whose configuration it simulates.
 */
function panelTitle(uri: vscode.Uri): string {
  const target = uri.scheme === REPLAY_SCHEME ? replayTargetFromQuery(uri.query) : undefined;
  return target ? replayTitle(target) : `Simulation: ${baseName(uri)}${jobTitleSuffix(uri.fragment)}`;
}

/** The what-if keys of a result's effective inputs: what the file gives when nothing is overridden. */
function whatIfInputs(inputs: Record<string, string>): WhatIfValues {
  const out: WhatIfValues = {};
  for (const [k, v] of Object.entries(inputs)) if (isWhatIfKey(k) && typeof v === 'string') out[k] = v;
  return out;
}

export class SimulationPanel {
  static readonly viewType = 'sparkDra.simulation';
  private static readonly open = new Map<string, SimulationPanel>();

  /** Shows the panel of `documentUri` beside the editor, creating it when needed. */
  static show(extensionUri: vscode.Uri, documentUri: vscode.Uri, callbacks: SimulationPanelCallbacks): SimulationPanel {
    const existing = SimulationPanel.open.get(documentUri.toString());
    if (existing) {
      existing.callbacks = callbacks;
      existing.panel.reveal(vscode.ViewColumn.Beside, true);
      existing.refresh();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(
      SimulationPanel.viewType,
      panelTitle(documentUri),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      SimulationPanel.webviewOptions(extensionUri),
    );
    return new SimulationPanel(panel, extensionUri, documentUri, callbacks);
  }

  /** Adopts a panel VS Code restored after a reload (from a WebviewPanelSerializer). */
  static revive(
    panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    documentUri: vscode.Uri,
    callbacks: SimulationPanelCallbacks,
  ): SimulationPanel {
    SimulationPanel.open.get(documentUri.toString())?.dispose();
    return new SimulationPanel(panel, extensionUri, documentUri, callbacks);
  }

  /**
   * Registers the serializer that restores panels after a window reload. The webview keeps its
   * document URI in its state; `callbacksFor` supplies callbacks for it (undefined closes the panel).
   * package.json needs the activation event `onWebviewPanel:sparkDra.simulation`.
   */
  static registerSerializer(
    extensionUri: vscode.Uri,
    callbacksFor: SimulationPanelCallbacksFactory,
  ): vscode.Disposable {
    return vscode.window.registerWebviewPanelSerializer(SimulationPanel.viewType, {
      deserializeWebviewPanel: async (panel: vscode.WebviewPanel, state: unknown): Promise<void> => {
        const uri = documentUriFromState(state);
        let documentUri: vscode.Uri | undefined;
        try {
          documentUri = uri === undefined ? undefined : vscode.Uri.parse(uri, true);
        } catch {
          documentUri = undefined;
        }
        const callbacks = documentUri ? callbacksFor(documentUri) : undefined;
        if (!documentUri || !callbacks) {
          panel.dispose();
          return;
        }
        SimulationPanel.revive(panel, extensionUri, documentUri, callbacks);
      },
    });
  }

  /** The open panel of a document, if any. */
  static get(documentUri: vscode.Uri): SimulationPanel | undefined {
    return SimulationPanel.open.get(documentUri.toString());
  }

  /** The open panels of a job file's jobs (keyed by the file's URI, later jobs with a fragment). */
  static panelsOf(fileUri: vscode.Uri): SimulationPanel[] {
    const file = fileUri.with({ fragment: '' }).toString();
    return [...SimulationPanel.open.values()].filter(
      (panel) =>
        panel.documentUri.scheme !== REPLAY_SCHEME && panel.documentUri.with({ fragment: '' }).toString() === file,
    );
  }

  /** Re-runs the panel of a document after the document changed (no-op when none is open). */
  static refreshFor(documentUri: vscode.Uri): void {
    SimulationPanel.get(documentUri)?.refresh();
  }

  static disposeAll(): void {
    for (const p of [...SimulationPanel.open.values()]) p.dispose();
  }

  private static webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      enableCommandUris: false,
      enableFindWidget: false,
      retainContextWhenHidden: false,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview')],
    };
  }

  private readonly disposables: vscode.Disposable[] = [];
  private disposed = false;
  /** Highest request id seen from the current webview page; older answers are dropped. */
  private latest = 0;
  /** The run in flight: a newer request cancels it, so the server stops work nobody will see. */
  private inFlight: vscode.CancellationTokenSource | undefined;
  /** What the file gives for the what-if keys; undefined until known or after the file changed. */
  private fileValues: WhatIfValues | undefined;
  /** Advisor: how to preview a point on the workload the last advice searched, and the preview in flight. */
  private advicePreview: AdvicePreview | undefined;
  private previewInFlight: vscode.CancellationTokenSource | undefined;
  /** The last advisor message, sent again when the page (re)loads: a new panel's page may not listen yet. */
  private advisorMessage: HostMessage | undefined;

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    readonly documentUri: vscode.Uri,
    private callbacks: SimulationPanelCallbacks,
  ) {
    SimulationPanel.open.set(documentUri.toString(), this);
    panel.title = panelTitle(documentUri); // a restored panel may carry a title from an older version
    const webview = panel.webview;
    webview.options = SimulationPanel.webviewOptions(extensionUri);
    const root = vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
    webview.html = buildPanelHtml(webview, {
      script: vscode.Uri.joinPath(root, 'main.js'),
      style: vscode.Uri.joinPath(root, 'main.css'),
      title: panelTitle(documentUri),
    });
    this.disposables.push(
      webview.onDidReceiveMessage((raw: unknown) => {
        const msg = parseWebviewMessage(raw);
        if (!msg) return; // malformed or unexpected: ignored
        void this.handle(msg).catch((err: unknown) => this.post({ type: 'error', message: errorText(err) }));
      }),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  /** The document changed: forget its values and let the webview re-send its what-if request. */
  refresh(): void {
    this.fileValues = undefined;
    this.post({ type: 'rerun' });
  }

  // ---------- advisor ----------

  /** Shows a finished search in the advisor view; `preview` simulates its points on the workload it searched. */
  showAdvice(advice: Advice, preview: AdvicePreview): void {
    this.advicePreview = preview;
    this.advisorMessage = { type: 'advice', advice };
    this.post(this.advisorMessage);
  }

  showAdviceStatus(state: 'searching' | 'failed' | 'cancelled', message?: string): void {
    // A failed or cancelled search leaves the last advice in place.
    const msg: HostMessage =
      message === undefined ? { type: 'adviceStatus', state } : { type: 'adviceStatus', state, message };
    if (state === 'searching' || this.advisorMessage?.type !== 'advice') this.advisorMessage = msg;
    this.post(msg);
  }

  private async previewAdvice(msg: AdvisorPreviewMessage): Promise<void> {
    const preview = this.advicePreview;
    if (!preview) {
      this.post({
        type: 'error',
        requestId: msg.requestId,
        message: 'Search again to preview: previews run on the workload of a search made since the panel opened.',
      });
      return;
    }
    this.previewInFlight?.cancel();
    const source = new vscode.CancellationTokenSource();
    this.previewInFlight = source;
    let response: PanelSimulationResponse;
    try {
      response = await preview({ ...msg.changes }, source.token);
    } catch (err) {
      response = { ok: false, problem: { code: 'internal', message: errorText(err) } };
    } finally {
      if (this.previewInFlight === source) this.previewInFlight = undefined;
      source.dispose();
    }
    if (response.ok) this.post({ type: 'result', requestId: msg.requestId, result: response.result });
    else this.post({ type: 'error', requestId: msg.requestId, message: problemText(response.problem) });
  }

  private async applyChanges(values: Record<string, string>): Promise<void> {
    let ok = false;
    let message: string | undefined;
    try {
      ok = await this.callbacks.applyValues(values);
    } catch (err) {
      message = errorText(err);
    }
    this.post(message === undefined ? { type: 'applied', ok } : { type: 'applied', ok, message });
    if (ok) this.refresh();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.previewInFlight?.cancel();
    if (SimulationPanel.open.get(this.documentUri.toString()) === this)
      SimulationPanel.open.delete(this.documentUri.toString());
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }

  private post(msg: HostMessage): void {
    if (this.disposed) return;
    void this.panel.webview.postMessage(msg);
  }

  private async handle(msg: WebviewMessage): Promise<void> {
    switch (msg.type) {
      case 'ready':
        this.latest = 0;
        this.post({
          type: 'init',
          documentUri: this.documentUri.toString(),
          fileName: baseName(this.documentUri),
          presets: [...((await this.callbacks.presets?.()) ?? [])],
        });
        if (this.advisorMessage) this.post(this.advisorMessage);
        return;
      case 'simulate':
        return this.simulate(msg);
      case 'apply':
        return this.applyChanges({ ...msg.values } as Record<string, string>);
      case 'exportCsv':
        return this.save(msg.fileName, new TextEncoder().encode(msg.text), { 'CSV files': ['csv'] });
      case 'exportPng':
        return this.save(msg.fileName, Buffer.from(pngBase64(msg.dataUrl), 'base64'), { 'PNG images': ['png'] });
      case 'advise':
        if (this.callbacks.advise) this.callbacks.advise(msg.preset, msg.maxSlowdownPct);
        else this.showAdviceStatus('failed', 'This panel has no job file to search settings for.');
        return;
      case 'advisorPreview':
        return this.previewAdvice(msg);
      case 'advisorApply':
        return this.applyChanges({ ...msg.changes });
    }
  }

  private async run(params: SimulateParams): Promise<PanelSimulationResponse> {
    this.inFlight?.cancel();
    const source = new vscode.CancellationTokenSource();
    this.inFlight = source;
    try {
      return await this.callbacks.runSimulation(params, source.token);
    } catch (err) {
      return { ok: false, problem: { code: 'internal', message: errorText(err) } };
    } finally {
      if (this.inFlight === source) this.inFlight = undefined;
      source.dispose();
    }
  }

  private async simulate(msg: SimulateMessage): Promise<void> {
    this.latest = Math.max(this.latest, msg.requestId);
    const base: SimulateParams = { uri: this.documentUri.toString() };
    if (msg.preset !== undefined) base.preset = msg.preset;
    if (Object.keys(msg.knobs).length > 0) base.knobs = { ...msg.knobs } as Record<string, number>;
    const hasOverrides = Object.keys(msg.overrides).length > 0;
    const params: SimulateParams = hasOverrides
      ? { ...base, overrides: { ...msg.overrides } as Record<string, string> }
      : base;
    const response = await this.run(params);
    if (this.disposed || msg.requestId < this.latest) return;
    if (this.fileValues === undefined && response.ok) {
      this.fileValues = whatIfInputs(response.result.fileInputs);
      this.post({ type: 'fileValues', values: this.fileValues });
    }
    if (response.ok) {
      const result: ResultMessage = { type: 'result', requestId: msg.requestId, result: response.result };
      if (response.observed) result.observed = response.observed;
      this.post(result);
    } else {
      const { code, message } = response.problem;
      this.post({ type: 'error', requestId: msg.requestId, message, heading: problemHeading(code) });
    }
  }

  private async save(fileName: string, bytes: Uint8Array, filters: Record<string, string[]>): Promise<void> {
    const defaultUri =
      this.documentUri.scheme === 'untitled'
        ? undefined
        : vscode.Uri.joinPath(this.documentUri.with({ fragment: '' }), '..', fileName);
    const target = await vscode.window.showSaveDialog({
      ...(defaultUri ? { defaultUri } : {}),
      filters,
      saveLabel: 'Export',
      title: `Export ${fileName}`,
    });
    if (!target) return;
    try {
      await vscode.workspace.fs.writeFile(target, bytes);
      void vscode.window.showInformationMessage(`Saved ${baseName(target)}.`);
    } catch (err) {
      void vscode.window.showErrorMessage(`Could not save ${baseName(target)}: ${errorText(err)}`);
    }
  }
}
