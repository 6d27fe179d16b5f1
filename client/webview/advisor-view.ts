// The panel's "Suggest settings" view: the advisor's frontier chart, the comparison table, a preview of the picked
// point's timeline, Apply to file, and where the file's executor time goes. It builds its own DOM (a tab bar, its
// section, the verdict line in the header) so the page template stays as it is; it renders only and reports intents.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import type { VscodeButton } from '@vscode-elements/elements/dist/vscode-button/vscode-button.js';
import type { Advice, ExecutorTimeBreakdown } from '../../protocol/advice';
import type { AdvisorHostMessage, AdvisorWebviewMessage } from '../../protocol/advisor-messages';
import type { SimulationResult } from '../../protocol/simulation';
import type { ExportCsvMessage, ExportPngMessage } from '../../protocol/webview-messages';
import { renderBreakdown } from './advisor-breakdown';
import { SlowdownField } from './advisor-limit';
import { AdvisorChart } from './advisor-chart';
import { recommendationLine, searchLine } from './advisor-lines';
import { advisorEntries, pointSummary, tableEntries, type AdvisorEntry } from './advisor-points';
import { advisorTable, selectRow } from './advisor-table';
import { TimelineChart } from './chart';
import { exportStem } from './csv';
import { el } from './dom';
import { advisorCaption, advisorCsv } from './export-advisor';
import { formatDuration, formatUsd, trim } from './format';
import type { ChartTheme } from './theme';

export interface AdvisorHost {
  post(message: AdvisorWebviewMessage): void;
  /** A fresh request id from the panel's counter (shared with its own simulations). */
  nextRequestId(): number;
  /** The workload preset the panel shows, if the user picked one. */
  preset(): string | undefined;
  theme(): ChartTheme;
  /** Hands an exported file to the host to save (the panel's Export PNG / Export CSV messages). */
  export(message: ExportPngMessage | ExportCsvMessage): void;
  /** The job file's short name, for export titles and file names. */
  fileName(): string;
  /** Keeps a new answer in the panel's saved state, so a window reload shows it again. */
  keep(advice: Advice): void;
}

type View = 'simulation' | 'advisor';
type SearchState = 'idle' | 'searching' | 'failed' | 'cancelled';

function button(label: string, secondary = false): VscodeButton {
  const b = document.createElement('vscode-button');
  b.textContent = label;
  if (secondary) b.secondary = true;
  return b;
}

export class AdvisorView {
  private view: View = 'simulation';
  private advice: Advice | undefined;
  private entries: AdvisorEntry[] = [];
  private selected: AdvisorEntry | undefined;
  private search: SearchState = 'idle';
  private searchMessage = '';
  private stale = false;
  /** The advice came from the saved state: previews need a fresh search (the host lost the search's workload). */
  private restored = false;
  /** The verdict of the simulation view's last result, shown in the header until there is advice. */
  private resultVerdict: string | undefined;
  /** The preview request in flight or last answered; older answers are dropped. */
  private previewRequest = 0;
  private readonly requests = new Set<number>();

  private readonly tabs: HTMLElement;
  private readonly tabButtons: Record<View, HTMLButtonElement>;
  private readonly section: HTMLElement;
  private readonly verdict: HTMLElement;
  private readonly statusBox: HTMLElement;
  private readonly searchButton: VscodeButton;
  private readonly limitField: SlowdownField;
  private readonly summary: HTMLElement;
  private readonly chart: AdvisorChart;
  private readonly chartHost: HTMLElement;
  private readonly exports: HTMLElement;
  private readonly tableHost: HTMLElement;
  private readonly selection: HTMLElement;
  private readonly selectionText: HTMLElement;
  private readonly applyButton: VscodeButton;
  private readonly previewStatus: HTMLElement;
  private readonly previewChart: TimelineChart;
  private readonly breakdownHost: HTMLElement;
  private readonly notes: HTMLElement;
  private readonly simulationBreakdown: HTMLElement;
  private table: HTMLTableElement | undefined;

  constructor(private readonly host: AdvisorHost) {
    // The verdict sits under the file name in the header.
    this.verdict = el('div', 'verdict');
    this.verdict.id = 'verdict';
    this.verdict.hidden = true;
    document.querySelector('.header > div')?.append(this.verdict);

    // Tabs between the simulation and this view, above the layout.
    this.tabs = el('nav', 'view-tabs');
    this.tabs.setAttribute('role', 'tablist');
    const tab = (view: View, label: string): HTMLButtonElement => {
      const b = el('button', 'view-tab', label);
      b.type = 'button';
      b.dataset.view = view;
      b.setAttribute('role', 'tab');
      b.addEventListener('click', () => this.show(view));
      this.tabs.append(b);
      return b;
    };
    this.tabButtons = { simulation: tab('simulation', 'Simulation'), advisor: tab('advisor', 'Suggest settings') };
    document.querySelector('.layout')?.before(this.tabs);

    this.section = el('section', 'advisor');
    this.section.id = 'advisor';
    this.statusBox = el('div', 'advisor-status');
    this.searchButton = button('Suggest settings');
    this.searchButton.id = 'advisor-search';
    this.searchButton.addEventListener('click', () => this.requestSearch());
    this.limitField = new SlowdownField({ changed: () => this.renderStatus(), submit: () => this.requestSearch() });
    this.summary = el('div', 'advisor-summary');
    this.chartHost = el('div', 'advisor-chart-host');
    this.chartHost.id = 'advisor-chart';
    this.chart = new AdvisorChart(this.chartHost, (entry) => this.pick(entry));
    this.exports = el('div', 'advisor-exports');
    const pngButton = button('Export PNG', true);
    pngButton.id = 'advisor-export-png';
    pngButton.addEventListener('click', () => void this.exportPng());
    const csvButton = button('Export CSV', true);
    csvButton.id = 'advisor-export-csv';
    csvButton.addEventListener('click', () => this.exportCsv());
    this.exports.append(pngButton, csvButton);
    this.tableHost = el('div', 'advisor-table-host');
    this.selection = el('div', 'advisor-selection');
    this.selection.hidden = true;
    this.selectionText = el('div', 'advisor-selection-text');
    this.applyButton = button('Apply to file');
    this.applyButton.id = 'advisor-apply';
    this.applyButton.addEventListener('click', () => this.apply());
    this.previewStatus = el('div', 'advisor-preview-status');
    const previewHost = el('div', 'chart advisor-preview');
    previewHost.id = 'advisor-preview';
    this.previewChart = new TimelineChart(previewHost);
    const selectionHead = el('div', 'advisor-selection-head');
    selectionHead.append(this.selectionText, this.applyButton);
    this.selection.append(selectionHead, this.previewStatus, previewHost);
    this.breakdownHost = el('div', 'breakdown');
    this.breakdownHost.id = 'advisor-breakdown';
    this.notes = el('ul', 'notes-list advisor-notes');
    const statusRow = el('div', 'advisor-status-row');
    const searchControls = el('div', 'advisor-search-controls');
    searchControls.append(this.limitField.element, this.searchButton);
    statusRow.append(this.statusBox, searchControls);
    this.section.append(
      statusRow,
      this.summary,
      this.chartHost,
      this.exports,
      this.tableHost,
      this.selection,
      this.breakdownHost,
      this.notes,
    );
    document.querySelector('.main')?.append(this.section);

    // The simulation view's own breakdown (DRA and static), under its notes.
    this.simulationBreakdown = el('div', 'breakdown');
    this.simulationBreakdown.id = 'simulation-breakdown';
    this.simulationBreakdown.hidden = true;
    document.getElementById('results')?.append(this.simulationBreakdown);

    this.show('simulation');
    this.render();
  }

  // ---------- from the panel ----------

  handle(msg: AdvisorHostMessage): void {
    if (msg.type === 'advice') {
      this.advice = msg.advice;
      this.entries = advisorEntries(msg.advice);
      this.limitField.show(msg.advice.maxSlowdownPct);
      this.restored = false;
      this.host.keep(msg.advice);
      this.search = 'idle';
      this.stale = false;
      this.selected = undefined;
      this.previewChart.clear();
      this.show('advisor');
      this.render();
      // Preview the recommendation straight away: the point the user most likely wants to see.
      const first = this.entries.find((e) => e.role === 'recommended');
      if (first) this.pick(first);
      return;
    }
    this.search = msg.state;
    this.searchMessage = msg.message ?? '';
    this.show('advisor');
    this.render();
  }

  /** Shows advice kept from before a window reload, without switching tabs or asking for a preview. */
  restore(advice: Advice): void {
    this.advice = advice;
    this.entries = advisorEntries(advice);
    this.restored = true;
    this.limitField.show(advice.maxSlowdownPct);
    this.render();
  }

  /** Whether a result or error with this request id answers a preview (and so belongs here). */
  ownsRequest(requestId: number | undefined): boolean {
    return requestId !== undefined && this.requests.has(requestId);
  }

  previewResult(requestId: number, result: SimulationResult): void {
    this.requests.delete(requestId);
    if (requestId !== this.previewRequest || !this.selected) return;
    this.previewStatus.textContent = `Timeline with these settings (simulated: ${formatDuration(result.dra.summary.runtimeSec)}, ${formatUsd(result.dra.summary.cost.total)}).`;
    this.section.classList.remove('previewing');
    this.previewChart.render(result, this.host.theme());
  }

  previewError(requestId: number, message: string): void {
    this.requests.delete(requestId);
    if (requestId !== this.previewRequest) return;
    this.section.classList.remove('previewing');
    this.previewChart.clear();
    this.previewStatus.textContent = `The preview failed: ${message}`;
  }

  /** The file changed (or was written): the advice was searched on an older version of it. */
  markStale(): void {
    if (!this.advice || this.stale) return;
    this.stale = true;
    this.render();
  }

  /** The DRA and static breakdowns and the verdict of the simulation view's result, when it carries them. */
  setSimulationBreakdowns(
    breakdowns: { dra: ExecutorTimeBreakdown; static: ExecutorTimeBreakdown } | undefined,
    verdict?: string,
  ): void {
    this.resultVerdict = verdict;
    this.renderVerdict();
    renderBreakdown(
      this.simulationBreakdown,
      'Where executor time goes',
      breakdowns
        ? [
            { id: 'dra', label: 'Dynamic allocation', breakdown: breakdowns.dra },
            { id: 'static', label: 'Static', breakdown: breakdowns.static },
          ]
        : [],
    );
  }

  setTheme(theme: ChartTheme): void {
    this.chart.setTheme(theme);
    this.previewChart.setTheme(theme);
  }

  // ---------- intents ----------

  private show(view: View): void {
    this.view = view;
    document.body.classList.toggle('view-advisor', view === 'advisor');
    for (const [name, b] of Object.entries(this.tabButtons)) {
      b.setAttribute('aria-selected', String(name === view));
      b.classList.toggle('active', name === view);
    }
    // The chart measures its width when shown.
    if (view === 'advisor' && this.advice)
      this.chart.render(this.advice, this.entries, this.host.theme(), this.selected?.id);
  }

  private requestSearch(): void {
    const maxSlowdownPct = this.limitField.value();
    if (this.search === 'searching' || maxSlowdownPct === undefined) return;
    const preset = this.host.preset();
    this.host.post({
      type: 'advise',
      ...(preset === undefined ? {} : { preset }),
      ...(this.limitField.isEmpty() ? {} : { maxSlowdownPct }),
    });
    this.search = 'searching';
    this.searchMessage = '';
    this.render();
  }

  private pick(entry: AdvisorEntry): void {
    this.selected = entry;
    this.chart.select(entry.id);
    if (this.table) selectRow(this.table, entry.id);
    this.selection.hidden = false;
    this.selection.dataset.point = entry.id;
    const advice = this.advice;
    this.selectionText.textContent = advice ? pointSummary(entry, advice.current) : entry.label;
    const changes = Object.keys(entry.point.changes).length;
    this.applyButton.disabled = changes === 0;
    this.applyButton.title =
      changes === 0 ? 'The file already has these settings.' : 'Write these changes into the job file (one undo step).';
    const requestId = this.host.nextRequestId();
    this.previewRequest = requestId;
    this.requests.add(requestId);
    this.section.classList.add('previewing');
    this.previewStatus.textContent = 'Simulating the timeline with these settings…';
    this.host.post({ type: 'advisorPreview', requestId, changes: { ...entry.point.changes } });
  }

  private apply(): void {
    const entry = this.selected;
    if (!entry || Object.keys(entry.point.changes).length === 0) return;
    this.host.post({ type: 'advisorApply', changes: { ...entry.point.changes } });
  }

  private async exportPng(): Promise<void> {
    const advice = this.advice;
    if (!advice) return;
    const dataUrl = await this.chart.toPngDataUrl(advisorCaption(this.host.fileName(), advice));
    if (!dataUrl) return;
    this.host.export({ type: 'exportPng', fileName: `${exportStem(this.host.fileName())}-advice.png`, dataUrl });
  }

  private exportCsv(): void {
    const advice = this.advice;
    if (!advice) return;
    const fileName = `${exportStem(this.host.fileName())}-advice-frontier.csv`;
    this.host.export({ type: 'exportCsv', fileName, text: advisorCsv(advice) });
  }

  // ---------- rendering ----------

  private render(): void {
    const advice = this.advice;
    this.renderStatus();
    this.renderVerdict();
    this.tabButtons.advisor.classList.toggle('has-advice', advice !== undefined);
    for (const part of [this.summary, this.chartHost, this.exports, this.tableHost, this.notes]) part.hidden = !advice;
    if (!advice) {
      this.selection.hidden = true;
      renderBreakdown(this.breakdownHost, '', []);
      return;
    }
    this.summary.replaceChildren(
      el('div', advice.recommended ? 'advisor-headline' : 'advisor-headline none', recommendationLine(advice)),
      el('div', 'advisor-muted', searchLine(advice)),
    );
    if (this.view === 'advisor') this.chart.render(advice, this.entries, this.host.theme(), this.selected?.id);
    this.table = advisorTable(tableEntries(this.entries), advice.current, (entry) => this.pick(entry));
    selectRow(this.table, this.selected?.id);
    this.tableHost.replaceChildren(this.table);
    renderBreakdown(this.breakdownHost, 'Where the file’s executor time goes', [
      { id: 'current', label: 'File as written', breakdown: advice.breakdown },
    ]);
    this.notes.replaceChildren(...advice.notes.map((n) => el('li', undefined, n)));
  }

  /** The advice's verdict once there is advice (it covers the search's workload), the result's before. */
  private renderVerdict(): void {
    const text = this.advice?.verdict || this.resultVerdict || '';
    this.verdict.hidden = text.length === 0;
    this.verdict.textContent = text;
  }

  private renderStatus(): void {
    const texts: Record<SearchState, string> = {
      idle: this.advice
        ? this.restored
          ? 'Restored from before the reload: search again to preview timelines or to advise on the file as it is now.'
          : this.stale
            ? 'The file changed since this search: search again to advise on the file as it is now.'
            : ''
        : 'Search dynamic-allocation settings for the one that costs least for about the same runtime, on the workload this panel simulates.',
      searching: 'Searching… (progress and Cancel are in the notification)',
      failed: `The search failed${this.searchMessage ? `: ${this.searchMessage}` : '.'}`,
      cancelled: 'The search was cancelled.',
    };
    const limit = this.limitField.value();
    const limitChanged =
      this.search === 'idle' &&
      this.advice !== undefined &&
      limit !== undefined &&
      limit !== this.advice.maxSlowdownPct;
    this.statusBox.textContent = limitChanged
      ? `The runtime limit is now ${trim(limit, 3)}%: search again to advise with it.`
      : texts[this.search];
    this.statusBox.dataset.state = (this.stale || limitChanged) && this.search === 'idle' ? 'stale' : this.search;
    this.searchButton.textContent = this.advice ? 'Search again' : 'Suggest settings';
    this.searchButton.disabled = this.search === 'searching' || limit === undefined;
  }
}
