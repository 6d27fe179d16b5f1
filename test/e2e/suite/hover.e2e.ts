// Hover through VS Code's hover command: each key's documentation with the default of the job's own Spark version.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activateExtension,
  closeAllEditors,
  hoverText,
  openInEditor,
  positionOf,
  workspaceUri,
  writeWorkspaceFile,
} from './helpers';

/** Hover text in the middle of the first occurrence of `needle` in a workspace file. */
async function hoverOn(relativePath: string, needle: string): Promise<string> {
  const editor = await openInEditor(workspaceUri(relativePath));
  const text = await hoverText(editor.document.uri, positionOf(editor.document, needle, Math.floor(needle.length / 2)));
  assert.ok(text.length > 0, `no hover on ${needle} in ${relativePath}`);
  return text;
}

describe('hover', () => {
  before(activateExtension);
  after(closeAllEditors);

  it('EMR job (emr-7.2.0 → Spark 3.5.1): default for 3.5.1 and the effective value from the entry', async () => {
    const md = await hoverOn('examples/emr-eks-dra.json', 'spark.dynamicAllocation.shuffleTracking.enabled');
    assert.match(md, /spark\.dynamicAllocation\.shuffleTracking\.enabled/);
    assert.match(md, /Default in Spark 3\.5\.1:\*\* `true`/);
    assert.match(md, /Effective value:\*\* `true`/);
  });

  it('EMR job: a key inside the sparkSubmitParameters string hovers too', async () => {
    const md = await hoverOn('examples/emr-eks-dra.json', 'spark.executor.memory=12g');
    assert.match(md, /spark\.executor\.memory/);
    assert.match(md, /Default in Spark 3\.5\.1/);
  });

  it('SparkApplication: the default follows spec.sparkVersion (3.5.1 → 5, 4.0.1 → 10)', async () => {
    const md351 = await hoverOn('examples/spark-application-dra.yaml', 'spark.kubernetes.allocation.batch.size');
    assert.match(md351, /Default in Spark 3\.5\.1:\*\* `5`/);
    const example = new TextDecoder().decode(
      await vscode.workspace.fs.readFile(workspaceUri('examples/spark-application-dra.yaml')),
    );
    await writeWorkspaceFile(
      'e2e-tmp/spark-application-4.yaml',
      example.replace('sparkVersion: "3.5.1"', 'sparkVersion: "4.0.1"'),
    );
    const md401 = await hoverOn('e2e-tmp/spark-application-4.yaml', 'spark.kubernetes.allocation.batch.size');
    assert.match(md401, /Default in Spark 4\.0\.1:\*\* `10`/);
  });

  it('spark-defaults.conf and PySpark: the sparkVersion comment sets the version', async () => {
    const conf = await hoverOn('examples/spark-defaults.conf', 'spark.dynamicAllocation.executorIdleTimeout');
    assert.match(conf, /Default in Spark 3\.5\.1:\*\* `60s`/);
    const py = await hoverOn('examples/pyspark_dra_job.py', 'spark.dynamicAllocation.shuffleTracking.enabled');
    assert.match(py, /Default in Spark 3\.5\.1:\*\* `true`/);
  });
});
