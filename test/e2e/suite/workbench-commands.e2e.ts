// The Spark DRA commands, executed as the command palette executes them, with a file URI argument where the command
// takes one (editor title / explorer invocations) so no file picker is needed. Quick picks are answered with VS Code's
// own quickInput.* commands. Runs after the other suites (file name order): it opens webview panels.
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import {
  activateExtension,
  closeAllEditors,
  codeOf,
  copyWorkspaceFile,
  EXTENSION_ID,
  hoverText,
  openInEditor,
  pollFor,
  positionOf,
  waitForDiagnostics,
  workspaceUri,
} from './helpers';

const COMMANDS = [
  'sparkDra.simulate',
  'sparkDra.showEffectiveConfig',
  'sparkDra.replayEventLog',
  'sparkDra.selectSparkVersion',
  'sparkDra.statusMenu',
  'sparkDra.compareSparkVersion',
];

function allTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs);
}

function describeTabs(): string {
  return allTabs()
    .map(
      (tab) =>
        `${tab.label} [${tab.input instanceof vscode.TabInputWebview ? `webview ${tab.input.viewType}` : tab.input instanceof vscode.TabInputText ? 'text' : 'other'}]`,
    )
    .join(', ');
}

/** Waits for a simulation panel tab (a webview of view type sparkDra.simulation) with this title. */
async function simulationTab(title: string, timeoutMs = 20_000): Promise<vscode.Tab> {
  try {
    return await pollFor(
      `a simulation panel titled "${title}"`,
      () =>
        allTabs().find(
          (tab) =>
            tab.label === title &&
            tab.input instanceof vscode.TabInputWebview &&
            tab.input.viewType.endsWith('sparkDra.simulation'),
        ),
      timeoutMs,
    );
  } catch (error) {
    throw new assert.AssertionError({
      message: `${error instanceof Error ? error.message : String(error)}; open tabs: ${describeTabs() || '(none)'}`,
    });
  }
}

/** Where the shared public event logs are: the runner's SPARK_DRA_E2E_EVENTLOGS, else next to the repository. */
function eventLogsFolder(): string {
  const fromRunner = process.env.SPARK_DRA_E2E_EVENTLOGS;
  if (fromRunner) return fromRunner;
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext);
  return join(ext.extensionPath, '..', 'shared', 'eventlogs');
}

/**
 * Runs a command that shows a Quick Pick and answers it with `steps` (quickInput.* command ids, ending in
 * quickInput.accept). The pick opens only after the command has asked the language server about the file, so the
 * steps are repeated until the command finishes (bounded).
 */
async function runAnsweringQuickPick(
  command: string,
  args: unknown[],
  steps: readonly string[],
  timeoutMs: number,
): Promise<void> {
  let settled = false;
  let failure: unknown;
  const running = Promise.resolve(vscode.commands.executeCommand(command, ...args)).then(
    () => {
      settled = true;
    },
    (error: unknown) => {
      settled = true;
      failure = error;
    },
  );
  // The command asks the language server about the file before it shows its pick. A request of ours sent after it
  // on the same connection is answered after it, so once ours is back the pick is on its way; give the workbench a
  // moment to show it, then answer.
  const file = args.find((a): a is vscode.Uri => a instanceof vscode.Uri);
  if (file) await vscode.commands.executeCommand('vscode.executeHoverProvider', file, new vscode.Position(0, 0));
  await Promise.race([running, new Promise((r) => setTimeout(r, 300))]);
  const start = Date.now();
  // At least once: a command built on createQuickPick returns as soon as its pick is shown.
  for (let first = true; first || !settled; first = false) {
    if (Date.now() - start > timeoutMs) {
      await vscode.commands.executeCommand('quickInput.hide');
      assert.fail(
        `${command} did not finish within ${timeoutMs} ms of answering its Quick Pick with ${steps.join(', ')}`,
      );
    }
    for (const step of steps) {
      await vscode.commands.executeCommand(step);
      // Let the workbench apply the step (the list moves its focus on its next render) before the next one.
      await new Promise((r) => setTimeout(r, 150));
    }
    await Promise.race([running, new Promise((r) => setTimeout(r, 250))]);
  }
  if (failure !== undefined) throw failure;
}

/**
 * Answers a command's Quick Pick and checks the outcome. The extension host cannot see the pick, and an answer can
 * reach a pick that is shown but whose items have not arrived yet (it then closes with nothing chosen); so when the
 * outcome is not there the command is run again, at most three times in all, and each retry is logged.
 */
async function chooseInQuickPick(
  command: string,
  args: unknown[],
  steps: readonly string[],
  outcome: { what: string; reached: () => Promise<boolean> },
  timeoutMs = 15_000,
): Promise<void> {
  for (let attempt = 1; attempt <= 3; attempt++) {
    await runAnsweringQuickPick(command, args, steps, timeoutMs);
    if (await outcome.reached()) return;
    console.log(`    (${command}: ${outcome.what} not reached after attempt ${attempt}; running it again)`);
  }
  assert.fail(`${command} answered with ${steps.join(', ')} three times, and still not ${outcome.what}`);
}

describe('commands', () => {
  before(activateExtension);
  after(closeAllEditors);

  it('every Spark DRA command is registered', async () => {
    const known = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(
      COMMANDS.filter((c) => !known.has(c)),
      [],
      'commands missing',
    );
  });

  it('sparkDra.simulate opens the simulation panel beside the job file', async () => {
    const uri = workspaceUri('examples/emr-eks-dra.json');
    await openInEditor(uri);
    await vscode.commands.executeCommand('sparkDra.simulate', uri);
    const tab = await simulationTab('Simulation: emr-eks-dra.json');
    const editorGroup = vscode.window.tabGroups.all.find((g) =>
      g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString()),
    );
    assert.ok(editorGroup, 'the job file stays open');
    assert.notEqual(
      tab.group.viewColumn,
      editorGroup.viewColumn,
      'the panel opens beside the editor, in another group',
    );
    // Running it again reveals the same panel rather than opening a second one.
    await openInEditor(uri);
    await vscode.commands.executeCommand('sparkDra.simulate', uri);
    await simulationTab('Simulation: emr-eks-dra.json');
    assert.equal(
      allTabs().filter((t) => t.label === 'Simulation: emr-eks-dra.json').length,
      1,
      `one panel per file; tabs: ${describeTabs()}`,
    );
  });

  it('the status bar menu offers the actions; its second entry simulates the active job file', async () => {
    const uri = workspaceUri('examples/emr-eks-dra-pvc-reuse.json');
    await openInEditor(uri);
    const title = 'Simulation: emr-eks-dra-pvc-reuse.json';
    await chooseInQuickPick(
      'sparkDra.statusMenu',
      [],
      ['quickInput.first', 'workbench.action.quickOpenSelectNext', 'quickInput.accept'],
      { what: `the ${title} panel`, reached: async () => allTabs().some((t) => t.label === title) },
    );
    await simulationTab(title);
  });

  it('sparkDra.compareSparkVersion shows what the job does differently on the newest Spark', async () => {
    const uri = workspaceUri('examples/emr-eks-dra.json');
    await openInEditor(uri);
    const shown = () =>
      vscode.workspace.textDocuments.some(
        (d) =>
          d.uri.scheme === 'untitled' && /→ Spark 4\.2\.0/.test(d.getText()) && /Simulated effect/.test(d.getText()),
      );
    await chooseInQuickPick('sparkDra.compareSparkVersion', [uri], ['quickInput.first', 'quickInput.accept'], {
      what: 'the comparison with Spark 4.2.0',
      reached: async () => {
        for (let i = 0; i < 40 && !shown(); i++) await new Promise((r) => setTimeout(r, 250));
        return shown();
      },
    });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('sparkDra.showEffectiveConfig lists the effective keys; choosing a written key goes to its line', async () => {
    const uri = workspaceUri('fixtures/effective.spark-defaults.conf');
    const editor = await openInEditor(uri);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    // The first item is the only key the file writes; choosing it reveals its line (line 3).
    const onKeyLine = (): vscode.TextEditor | undefined => {
      const active = vscode.window.activeTextEditor;
      return active?.document.uri.toString() === uri.toString() && active.selection.start.line === 2
        ? active
        : undefined;
    };
    await chooseInQuickPick('sparkDra.showEffectiveConfig', [uri], ['quickInput.first', 'quickInput.accept'], {
      what: 'the cursor on the written key',
      reached: async () => {
        try {
          await pollFor('the cursor to move to the written key', onKeyLine, 2_000);
          return true;
        } catch {
          return false;
        }
      },
    });
    const moved = onKeyLine();
    assert.ok(moved);
    assert.match(moved.document.lineAt(moved.selection.start.line).text, /^spark\.dynamicAllocation\.maxExecutors 7/);

    // The same table as a read-only document (what the Quick Pick's "Open as a document" button opens).
    const query = new URLSearchParams({ job: uri.toString(), index: '0' }).toString();
    const docUri = vscode.Uri.from({
      scheme: 'spark-dra-effective',
      path: '/effective.spark-defaults.conf (effective configuration).md',
      query,
    });
    const doc = await vscode.workspace.openTextDocument(docUri);
    const text = doc.getText();
    assert.match(text, /Spark 3\.5\.1/);
    assert.match(text, /\| `spark\.dynamicAllocation\.maxExecutors` \| `7` \|/);
    assert.match(
      text,
      /\| `spark\.dynamicAllocation\.minExecutors` \| `0` \|/,
      'defaults of keys the file does not write are listed',
    );
  });

  it('sparkDra.selectSparkVersion changes the version the checks use, and "Detect from file" restores it', async () => {
    const uri = await copyWorkspaceFile('examples/spark-defaults.conf', 'e2e-tmp/version.spark-defaults.conf');
    const editor = await openInEditor(uri);
    const doc = editor.document;
    await waitForDiagnostics(
      uri,
      'no diagnostics on the example (Spark 3.5.1 from its comment)',
      (list) => list.length === 0,
    );
    const key = positionOf(doc, 'spark.dynamicAllocation.shuffleTracking.enabled', 5);
    assert.match(await hoverText(uri, key), /Default in Spark 3\.5\.1/);

    // The last item is the oldest version, Spark 2.4.4, which has no shuffle tracking.
    await chooseInQuickPick('sparkDra.selectSparkVersion', [uri], ['quickInput.last', 'quickInput.accept'], {
      what: 'hover showing Spark 2.4.4',
      reached: async () => /Default in Spark 2\.4\.4/.test(await hoverText(uri, key)),
    });
    await waitForDiagnostics(uri, 'key-not-in-version findings under Spark 2.4.4', (list) =>
      list.some((d) => codeOf(d) === 'key-not-in-version'),
    );

    // The first item is "Detect from file".
    await chooseInQuickPick('sparkDra.selectSparkVersion', [uri], ['quickInput.first', 'quickInput.accept'], {
      what: 'hover showing Spark 3.5.1 again',
      reached: async () => /Default in Spark 3\.5\.1/.test(await hoverText(uri, key)),
    });
    await waitForDiagnostics(uri, 'the findings to go once the version is detected again', (list) => list.length === 0);
  });

  it('sparkDra.replayEventLog with a log URI replays it into a simulation panel', async function () {
    this.timeout(90_000);
    const path = join(eventLogsFolder(), 'eventlog_4nodes_8cores_dynamic_alloc.zstd');
    assert.ok(existsSync(path), `the shared event log is missing: ${path}`);
    await closeAllEditors();
    // With a URI argument the command asks nothing and simulates the log's own configuration.
    await vscode.commands.executeCommand('sparkDra.replayEventLog', vscode.Uri.file(path));
    await simulationTab('Replay: eventlog_4nodes_8cores_dynamic_alloc.zstd · logged conf', 60_000);
  });
});

describe('replay with a job file whose StorageClass is in another workspace file', () => {
  before(activateExtension);
  after(closeAllEditors);

  it("sparkDra.replayEventLog(log, { job }) replays with the job file's configuration, no pickers", async function () {
    this.timeout(90_000);
    const path = join(eventLogsFolder(), 'eventlog_4nodes_8cores_dynamic_alloc.zstd');
    assert.ok(existsSync(path), `the shared event log is missing: ${path}`);
    await closeAllEditors();
    const job = workspaceUri('fixtures/replay-retain/retain-job.yaml');
    // The Retain class lives in fixtures/k8s/: the server's workspace scan found it when the job warns about it.
    await openInEditor(job);
    await waitForDiagnostics(job, 'storage-class-retain from the StorageClass in fixtures/k8s/', (list) =>
      list.some((d) => codeOf(d) === 'storage-class-retain'),
    );
    await vscode.commands.executeCommand('sparkDra.replayEventLog', vscode.Uri.file(path), { job });
    await simulationTab('Replay: eventlog_4nodes_8cores_dynamic_alloc.zstd · retain-job.yaml', 60_000);
  });
});
