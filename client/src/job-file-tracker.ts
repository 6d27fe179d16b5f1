// Follows the active editor: asks the server what the file is (sparkDra/fileInfo), sets the `sparkDra.isJobFile`
// context key and shows the file kind and Spark version in the status bar. Re-asks after edits, debounced.
import * as vscode from 'vscode';
import type { FileInfoResponse } from '../../protocol/requests';
import { KeyedDebouncer } from './debounce';
import { isJobFile, statusBarView } from './file-status';
import { STATUS_MENU_COMMAND } from './status-menu';
import { isCandidateLanguage } from './languages';
import type { ServerApi } from './server-api';
import type { VersionOverrides } from './version-overrides';

export const IS_JOB_FILE_CONTEXT = 'sparkDra.isJobFile';

export class JobFileTracker implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly debouncer: KeyedDebouncer;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly infos = new Map<string, FileInfoResponse>();
  /** Bumped on every refresh: answers to older questions are dropped. */
  private generation = 0;
  private contextValue: boolean | undefined;

  constructor(
    private readonly api: ServerApi,
    private readonly overrides: VersionOverrides,
    debounceMs: () => number,
    private readonly log: (message: string) => void,
  ) {
    this.item = vscode.window.createStatusBarItem('sparkDra.fileInfo', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'Spark DRA';
    this.item.command = STATUS_MENU_COMMAND;
    this.debouncer = new KeyedDebouncer(() => debounceMs() + 50);
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => void this.refresh()),
      vscode.workspace.onDidChangeTextDocument((event) => {
        const active = vscode.window.activeTextEditor?.document;
        if (active && event.document === active && event.contentChanges.length > 0) {
          this.debouncer.schedule('active', () => void this.refresh());
        }
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => this.infos.delete(doc.uri.toString())),
      // The default Spark version may have changed.
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('sparkDra')) this.debouncer.schedule('active', () => void this.refresh());
      }),
    );
  }

  /** The last answer for a document (undefined until asked). */
  info(uri: vscode.Uri): FileInfoResponse | undefined {
    return this.infos.get(uri.toString());
  }

  /** Asks the server about the active editor's file now and updates the context key and status bar. */
  async refresh(): Promise<void> {
    this.debouncer.cancel('active');
    const generation = ++this.generation;
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || !isCandidateLanguage(doc.languageId)) {
      this.show(undefined, undefined);
      return;
    }
    let info: FileInfoResponse | undefined;
    try {
      info = await this.api.fileInfo(doc.uri.toString());
    } catch (error) {
      this.log(`fileInfo failed for ${doc.uri.toString()}: ${error instanceof Error ? error.message : String(error)}`);
      info = undefined;
    }
    if (generation !== this.generation) return; // a newer refresh is under way
    if (info) this.infos.set(doc.uri.toString(), info);
    this.show(doc.uri, info);
  }

  private show(uri: vscode.Uri | undefined, info: FileInfoResponse | undefined): void {
    const jobFile = isJobFile(info);
    if (this.contextValue !== jobFile) {
      this.contextValue = jobFile;
      void vscode.commands.executeCommand('setContext', IS_JOB_FILE_CONTEXT, jobFile);
    }
    const view = uri ? statusBarView(info, this.overrides.get(uri.toString()) !== undefined) : undefined;
    if (!view) {
      this.item.hide();
      return;
    }
    this.item.text = view.text;
    this.item.tooltip = view.tooltip;
    this.item.show();
  }

  dispose(): void {
    this.debouncer.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
