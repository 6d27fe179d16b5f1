// Typed calls to the language server's custom requests. The only place the client sends them; the message types
// come from the shared protocol folder.
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  EffectiveConfigRequest,
  FileInfoRequest,
  ReplayEventLogRequest,
  ServerFactsRequest,
  SetVersionOverrideNotification,
  SimulateRequest,
  UpgradeDiffRequest,
  ValueEditsRequest,
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

export class ServerApi {
  private facts: Promise<ServerFacts> | undefined;

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
