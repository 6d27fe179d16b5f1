// Opens simulation panels for job files and event-log replays, supplies their callbacks, and re-runs them when
// the job file they follow is edited (debounced). The panel itself lives in ./panel/.
import * as vscode from 'vscode';
import { SUGGEST_SETTINGS_COMMAND } from '../../protocol/commands';
import type { ReplayEventLogParams, ReplayEventLogResponse, SimulateParams } from '../../protocol/requests';
import { applyValuesToDocument } from './apply-values';
import { KeyedDebouncer } from './debounce';
import { jobIndexOfFragment, jobPanelFragment } from './job-panel';
import { SimulationPanel, type PanelSimulationResponse, type SimulationPanelCallbacks } from './panel/simulation-panel';
import { REPLAY_SCHEME, replayForPanel, replayTargetFromQuery, replayUriParts, type ReplayTarget } from './replay-view';
import type { Services } from './services';

/** A replay answer as the panel wants it: the simulation, and what the event log observed. */
function asPanelResponse(response: ReplayEventLogResponse): PanelSimulationResponse {
  return response.ok ? { ok: true, ...replayForPanel(response.value) } : response;
}

export function replayPanelUri(target: ReplayTarget): vscode.Uri {
  const parts = replayUriParts(target);
  return vscode.Uri.from({ scheme: parts.scheme, path: parts.path, query: parts.query });
}

/** The panel key of a job of a file: the file's URI for the first job, with a fragment naming any later one. */
export function jobPanelUri(documentUri: vscode.Uri, jobIndex: number): vscode.Uri {
  const fragment = jobPanelFragment(jobIndex);
  return fragment === '' ? documentUri : documentUri.with({ fragment });
}

export class PanelHost implements vscode.Disposable {
  private readonly debouncer: KeyedDebouncer;
  private readonly disposables: vscode.Disposable[] = [];
  /** Replay panels opened in this session, by the job file whose configuration they use. */
  private readonly replaysByJob = new Map<string, Set<string>>();

  constructor(
    private readonly services: Services,
    debounceMs: () => number,
  ) {
    this.debouncer = new KeyedDebouncer(() => Math.max(250, debounceMs()));
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length === 0) return;
        const uri = event.document.uri;
        const key = uri.toString();
        // Every job's panel of the file (the first job's is keyed by the file's URI, later ones add a fragment).
        for (const panel of SimulationPanel.panelsOf(uri)) {
          const panelUri = panel.documentUri;
          this.debouncer.schedule(panelUri.toString(), () => SimulationPanel.refreshFor(panelUri));
        }
        for (const replay of this.replaysByJob.get(key) ?? []) {
          const replayUri = vscode.Uri.parse(replay, true);
          if (SimulationPanel.get(replayUri))
            this.debouncer.schedule(replay, () => SimulationPanel.refreshFor(replayUri));
        }
      }),
      SimulationPanel.registerSerializer(services.context.extensionUri, (uri) => this.callbacksFor(uri)),
    );
  }

  /** Callbacks for a panel's document: a job file, or a replay (restored panels come through here too). */
  callbacksFor(uri: vscode.Uri, firstAnswer?: ReplayEventLogResponse): SimulationPanelCallbacks | undefined {
    if (uri.scheme === REPLAY_SCHEME) {
      const target = replayTargetFromQuery(uri.query);
      return target ? this.replayCallbacks(target, firstAnswer) : undefined;
    }
    // A job panel: the file, and which of its jobs (the fragment of the panel's URI).
    const jobIndex = jobIndexOfFragment(uri.fragment);
    const documentUri = uri.with({ fragment: '' });
    return {
      runSimulation: async (params: SimulateParams, token): Promise<PanelSimulationResponse> => {
        const request: SimulateParams = { ...params, uri: documentUri.toString() };
        if (jobIndex > 0) request.jobIndex = jobIndex;
        const response = await this.services.api.simulate(request, token);
        return response.ok ? { ok: true, result: response.value } : response;
      },
      applyValues: (values) => applyValuesToDocument(this.services.api, documentUri, values, jobIndex),
      presets: async () => (await this.services.api.serverFacts()).presets.map((preset) => preset.name),
      // The panel's "Suggest settings" button: search for the panel's job on the preset it shows, without asking.
      advise: (preset, maxSlowdownPct) =>
        void vscode.commands.executeCommand(SUGGEST_SETTINGS_COMMAND, documentUri, jobIndex, {
          preset,
          maxSlowdownPct,
        }),
    };
  }

  /** Shows the panel of one job of a file (the first by default). */
  showJob(uri: vscode.Uri, jobIndex = 0): void {
    const panelUri = jobPanelUri(uri, jobIndex);
    const callbacks = this.callbacksFor(panelUri);
    if (callbacks) SimulationPanel.show(this.services.context.extensionUri, panelUri, callbacks);
  }

  /** Shows a replay; `firstAnswer` (the run the command already made) answers the panel's first plain request. */
  showReplay(target: ReplayTarget, firstAnswer: ReplayEventLogResponse): void {
    const uri = replayPanelUri(target);
    const callbacks = this.replayCallbacks(target, firstAnswer);
    SimulationPanel.show(this.services.context.extensionUri, uri, callbacks);
    if (target.jobUri !== undefined) {
      const set = this.replaysByJob.get(target.jobUri) ?? new Set<string>();
      set.add(uri.toString());
      this.replaysByJob.set(target.jobUri, set);
    }
  }

  private replayCallbacks(target: ReplayTarget, firstAnswer?: ReplayEventLogResponse): SimulationPanelCallbacks {
    let cached = firstAnswer;
    return {
      runSimulation: async (params: SimulateParams, token): Promise<PanelSimulationResponse> => {
        const plain =
          (params.overrides === undefined || Object.keys(params.overrides).length === 0) && params.knobs === undefined;
        if (plain && cached) {
          const answer = cached;
          cached = undefined;
          return asPanelResponse(answer);
        }
        const request: ReplayEventLogParams = { path: target.path };
        if (target.jobUri !== undefined) request.uri = target.jobUri;
        if (params.overrides !== undefined) request.overrides = params.overrides;
        if (params.knobs !== undefined) request.knobs = params.knobs;
        return asPanelResponse(await this.services.api.replay(request, token));
      },
      applyValues: async (values) => {
        if (target.jobUri === undefined) {
          throw new Error(
            "This replay simulates the event log's own configuration: there is no job file to write to. Open a job file and replay with its configuration to apply values.",
          );
        }
        return applyValuesToDocument(this.services.api, vscode.Uri.parse(target.jobUri, true), values);
      },
      // A replay of a job file's configuration: search on the log's workload (the answer shows in the job's panel).
      ...(target.jobUri === undefined
        ? {}
        : {
            advise: (_preset: string | undefined, maxSlowdownPct: number | undefined) =>
              void vscode.commands.executeCommand(SUGGEST_SETTINGS_COMMAND, target.jobUri, undefined, {
                eventLogPath: target.path,
                maxSlowdownPct,
              }),
          }),
    };
  }

  dispose(): void {
    this.debouncer.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
