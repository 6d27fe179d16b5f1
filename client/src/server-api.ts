// Typed calls to the language server's custom requests. The only place the client names them.
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  EffectiveConfigRequest,
  FileInfoRequest,
  ReplayEventLogRequest,
  SetVersionOverrideNotification,
  SimulateRequest,
  ValueEditsRequest,
  type EffectiveConfigParams,
  type EffectiveConfigResponse,
  type FileInfoParams,
  type FileInfoResponse,
  type ReplayEventLogParams,
  type ReplayEventLogResponse,
  type SetVersionOverrideParams,
  type SimulateParams,
  type SimulateResponse,
  type ValueEditsParams,
  type ValueEditsResponse,
} from '../../server/src/protocol';

export class ServerApi {
  constructor(
    private readonly client: LanguageClient,
    /** Resolves once the client is running (requests wait for it). */
    private readonly ready: () => Promise<void>,
  ) {}

  async fileInfo(uri: string): Promise<FileInfoResponse> {
    await this.ready();
    const params: FileInfoParams = { uri };
    return this.client.sendRequest<FileInfoResponse>(FileInfoRequest, params);
  }

  async effectiveConfig(params: EffectiveConfigParams): Promise<EffectiveConfigResponse | null> {
    await this.ready();
    return this.client.sendRequest<EffectiveConfigResponse | null>(EffectiveConfigRequest, params);
  }

  async simulate(params: SimulateParams): Promise<SimulateResponse> {
    await this.ready();
    return this.client.sendRequest<SimulateResponse>(SimulateRequest, params);
  }

  async replay(params: ReplayEventLogParams, token?: vscode.CancellationToken): Promise<ReplayEventLogResponse> {
    await this.ready();
    return this.client.sendRequest<ReplayEventLogResponse>(ReplayEventLogRequest, params, token);
  }

  async valueEdits(params: ValueEditsParams): Promise<ValueEditsResponse> {
    await this.ready();
    return this.client.sendRequest<ValueEditsResponse>(ValueEditsRequest, params);
  }

  async setVersionOverride(uri: string, sparkVersion: string | undefined): Promise<void> {
    await this.ready();
    const params: SetVersionOverrideParams = sparkVersion === undefined ? { uri } : { uri, sparkVersion };
    await this.client.sendNotification(SetVersionOverrideNotification, params);
  }
}
