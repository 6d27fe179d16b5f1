// Typed calls to the language server's custom requests. The only place the client sends them; the message types
// come from the shared protocol folder.
import type * as vscode from 'vscode';
import { WorkDoneProgress, type LanguageClient } from 'vscode-languageclient/node';
import {
  AdviseRequest,
  EffectiveConfigRequest,
  FileInfoRequest,
  ReplayEventLogRequest,
  ServerFactsRequest,
  SetVersionOverrideNotification,
  SimulateRequest,
  UpgradeDiffRequest,
  ValueEditsRequest,
  type AdviseParams,
  type AdviseResponse,
  type EffectiveConfigParams,
  type EffectiveConfigResponse,
  type FileInfoResponse,
  type ReplayEventLogParams,
  type ReplayEventLogResponse,
  type ServerFacts,
  type SimulateParams,
  type SimulateResponse,
  type UpgradeDiffParams,
  type UpgradeDiffResponse,
  type ValueEditsParams,
  type ValueEditsResponse,
} from '../../protocol/requests';

/** What a long request reports while it works (LSP work-done progress). */
export interface WorkProgress {
  message?: string;
  /** 0–100, when the server knows. */
  percentage?: number;
}

export class ServerApi {
  private facts: Promise<ServerFacts> | undefined;
  private progressTokens = 0;

  constructor(
    private readonly client: LanguageClient,
    /** Resolves once the client is running (requests wait for it). */
    private readonly ready: () => Promise<void>,
  ) {}

  async fileInfo(uri: string): Promise<FileInfoResponse> {
    await this.ready();
    return this.client.sendRequest(FileInfoRequest, { uri });
  }

  /** Spark versions, job-kind names and workload presets, asked once per session. */
  serverFacts(): Promise<ServerFacts> {
    this.facts ??= this.ready().then(() => this.client.sendRequest(ServerFactsRequest));
    return this.facts;
  }

  async effectiveConfig(params: EffectiveConfigParams): Promise<EffectiveConfigResponse> {
    await this.ready();
    return this.client.sendRequest(EffectiveConfigRequest, params);
  }

  async simulate(params: SimulateParams, token?: vscode.CancellationToken): Promise<SimulateResponse> {
    await this.ready();
    return this.client.sendRequest(SimulateRequest, params, token);
  }

  async replay(params: ReplayEventLogParams, token?: vscode.CancellationToken): Promise<ReplayEventLogResponse> {
    await this.ready();
    return this.client.sendRequest(ReplayEventLogRequest, params, token);
  }

  async upgradeDiff(params: UpgradeDiffParams, token?: vscode.CancellationToken): Promise<UpgradeDiffResponse> {
    await this.ready();
    return this.client.sendRequest(UpgradeDiffRequest, params, token);
  }

  /** The DRA advisor's search; `report` hears the server's progress, `token` cancels the search. */
  async advise(
    params: Omit<AdviseParams, 'workDoneToken'>,
    token?: vscode.CancellationToken,
    report?: (progress: WorkProgress) => void,
  ): Promise<AdviseResponse> {
    await this.ready();
    const workDoneToken = `sparkDra.advise.${Date.now()}.${++this.progressTokens}`;
    const listening = report
      ? this.client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
          if (value.kind === 'end') return;
          const progress: WorkProgress = {};
          if (value.message !== undefined) progress.message = value.message;
          if (value.percentage !== undefined) progress.percentage = value.percentage;
          report(progress);
        })
      : undefined;
    try {
      return await this.client.sendRequest(AdviseRequest, { ...params, workDoneToken }, token);
    } finally {
      listening?.dispose();
    }
  }

  async valueEdits(params: ValueEditsParams): Promise<ValueEditsResponse> {
    await this.ready();
    return this.client.sendRequest(ValueEditsRequest, params);
  }

  async setVersionOverride(uri: string, sparkVersion: string | undefined): Promise<void> {
    await this.ready();
    await this.client.sendNotification(
      SetVersionOverrideNotification,
      sparkVersion === undefined ? { uri } : { uri, sparkVersion },
    );
  }
}
