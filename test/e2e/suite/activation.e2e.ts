// The extension activates in a real VS Code when a Spark configuration file is opened, and
// spark-defaults.conf files get the extension's own language id.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'spark-dra.spark-dra';

const SPARK_DEFAULTS = [
  '# written by the editor tests',
  'spark.dynamicAllocation.enabled true',
  'spark.dynamicAllocation.minExecutors 1',
  'spark.dynamicAllocation.maxExecutors 10',
  '',
].join('\n');

const SPARK_APPLICATION = [
  'apiVersion: sparkoperator.k8s.io/v1beta2',
  'kind: SparkApplication',
  'metadata:',
  '  name: e2e-activation',
  'spec:',
  '  sparkVersion: "3.5.1"',
  '  sparkConf:',
  '    spark.dynamicAllocation.enabled: "true"',
  '',
].join('\n');

function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the editor tests need a workspace folder open');
  return folder.uri;
}

async function writeWorkspaceFile(relativePath: string, text: string): Promise<vscode.Uri> {
  const uri = vscode.Uri.joinPath(workspaceRoot(), ...relativePath.split('/'));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

async function waitFor(what: string, check: () => boolean, timeoutMs = 30_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('activation', () => {
  it('the extension is installed from the development path', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not known to VS Code`);
    assert.equal(ext.packageJSON.name, 'spark-dra');
  });

  it('a spark-defaults.conf file has language id spark-defaults and activates the extension', async () => {
    const uri = await writeWorkspaceFile('conf/spark-defaults.conf', SPARK_DEFAULTS);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, 'spark-defaults');
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    await waitFor(`${EXTENSION_ID} to activate`, () => ext.isActive);
    // isActive is also true after a failed activation; activate() then rejects with the activation error
    // (for this extension: the language server did not start).
    await ext.activate();
  });

  it('the examples copied into the workspace open with their languages', async () => {
    const root = workspaceRoot();
    const conf = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(root, 'examples', 'spark-defaults.conf'));
    assert.equal(conf.languageId, 'spark-defaults');
    const app = await vscode.workspace.openTextDocument(
      vscode.Uri.joinPath(root, 'examples', 'spark-application-dra.yaml'),
    );
    assert.equal(app.languageId, 'yaml');
  });

  it('a SparkApplication YAML file opens as yaml with the extension active', async () => {
    const uri = await writeWorkspaceFile('e2e-spark-application.yaml', SPARK_APPLICATION);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, 'yaml');
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext?.isActive, `${EXTENSION_ID} is not active`);
  });
});
