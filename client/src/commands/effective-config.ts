// Spark DRA: Show Effective Configuration — every effective key of a job with its value, source and the default for
// the job's Spark version. A Quick Pick (choosing a written key reveals its line) with a button that opens the same
// table as a read-only Markdown document (spark-dra-effective:), which follows edits of the job file.
import * as vscode from 'vscode';
import { failure, problemText } from '../../../protocol/result';
import { effectivePickItems, renderEffectiveMarkdown } from '../effective-view';
import { KeyedDebouncer } from '../debounce';
import { errorText, type Services } from '../services';
import { basename, jobTarget, pickJob } from './target';

export const EFFECTIVE_SCHEME = 'spark-dra-effective';

function effectiveDocUri(jobUri: vscode.Uri, jobIndex: number): vscode.Uri {
  const query = new URLSearchParams({ job: jobUri.toString(), index: String(jobIndex) }).toString();
  return vscode.Uri.from({
    scheme: EFFECTIVE_SCHEME,
    path: `/${basename(jobUri)} (effective configuration).md`,
    query,
  });
}

function readEffectiveDocUri(uri: vscode.Uri): { jobUri: string; jobIndex: number } | undefined {
  const params = new URLSearchParams(uri.query);
  const job = params.get('job');
  const index = Number(params.get('index') ?? '0');
  if (!job || !Number.isSafeInteger(index) || index < 0) return undefined;
  return { jobUri: job, jobIndex: index };
}

class EffectiveConfigDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly debouncer: KeyedDebouncer;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly services: Services,
    debounceMs: () => number,
  ) {
    this.debouncer = new KeyedDebouncer(() => Math.max(250, debounceMs()));
    this.subscription = vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length === 0) return;
      const job = event.document.uri.toString();
      for (const doc of vscode.workspace.textDocuments) {
        if (doc.uri.scheme !== EFFECTIVE_SCHEME || readEffectiveDocUri(doc.uri)?.jobUri !== job) continue;
        const uri = doc.uri;
        this.debouncer.schedule(uri.toString(), () => this.changed.fire(uri));
      }
    });
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const target = readEffectiveDocUri(uri);
    if (!target) return '# Effective configuration\n\nThis link does not name a job file.\n';
    const jobUri = vscode.Uri.parse(target.jobUri, true);
    try {
      const info = await this.services.api.fileInfo(target.jobUri);
      const config = await this.services.api.effectiveConfig({ uri: target.jobUri, jobIndex: target.jobIndex });
      if (!config.ok) return `# Effective configuration\n\n${basename(jobUri)}: ${problemText(config.problem)}\n`;
      return renderEffectiveMarkdown(config.value, {
        fileName: basename(jobUri),
        documentUri: target.jobUri,
        jobIndex: target.jobIndex,
        jobs: info.jobs,
        overridden: this.services.overrides.get(target.jobUri) !== undefined,
        relativePath: vscode.workspace.getWorkspaceFolder(jobUri)
          ? vscode.workspace.asRelativePath(jobUri, false)
          : undefined,
      });
    } catch (error) {
      return `# Effective configuration\n\nThe language server did not answer: ${errorText(error)}\n`;
    }
  }

  dispose(): void {
    this.debouncer.dispose();
    this.subscription.dispose();
    this.changed.dispose();
  }
}

type Item = vscode.QuickPickItem & { line?: number };

async function revealLine(document: vscode.TextDocument, line: number): Promise<void> {
  const editor = await vscode.window.showTextDocument(document, { preserveFocus: false, preview: false });
  const position = new vscode.Position(line, 0);
  editor.selection = new vscode.Selection(position, document.lineAt(Math.min(line, document.lineCount - 1)).range.end);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

export function registerEffectiveConfig(services: Services, debounceMs: () => number): vscode.Disposable[] {
  const provider = new EffectiveConfigDocuments(services, debounceMs);
  const openAsDocument: vscode.QuickInputButton = {
    iconPath: new vscode.ThemeIcon('open-preview'),
    tooltip: 'Open as a table',
  };
  const command = vscode.commands.registerCommand('sparkDra.showEffectiveConfig', async (arg?: unknown) => {
    const target = await jobTarget(services, arg, 'show its effective configuration');
    if (!target) return;
    const jobIndex = await pickJob(target.info, 'Show Effective Configuration');
    if (jobIndex === undefined) return;
    const response = await services.api
      .effectiveConfig({ uri: target.document.uri.toString(), jobIndex })
      .catch((error: unknown) => failure('internal', errorText(error)));
    if (!response.ok) {
      void vscode.window.showErrorMessage(
        `Spark DRA could not compute the effective configuration: ${problemText(response.problem)}`,
      );
      return;
    }
    const config = response.value;
    const pick = vscode.window.createQuickPick<Item>();
    pick.title = `Effective configuration of ${basename(target.document.uri)} · Spark ${config.sparkVersion}`;
    pick.placeholder = 'Type to filter keys; choose a written key to go to its line';
    pick.matchOnDescription = true;
    pick.matchOnDetail = true;
    pick.buttons = [openAsDocument];
    pick.items = effectivePickItems(config).map((item): Item =>
      item.separator
        ? { label: item.label, kind: vscode.QuickPickItemKind.Separator }
        : { label: item.label, description: item.description, detail: item.detail, line: item.line },
    );
    pick.onDidTriggerButton(async () => {
      pick.hide();
      // Rendered: the Markdown preview of the read-only table, whose line links open the job file at the line.
      const uri = effectiveDocUri(target.document.uri, jobIndex);
      await vscode.workspace.openTextDocument(uri);
      await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
    });
    pick.onDidAccept(() => {
      const chosen = pick.selectedItems[0];
      pick.hide();
      if (chosen?.line !== undefined) void revealLine(target.document, chosen.line);
    });
    pick.onDidHide(() => pick.dispose());
    pick.show();
  });
  return [provider, vscode.workspace.registerTextDocumentContentProvider(EFFECTIVE_SCHEME, provider), command];
}
