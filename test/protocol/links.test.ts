// Links over a real LSP connection: rule ids → docs/rules.md sections (codeDescription), hovers → Spark's docs for
// the job's version, options.storageClass values → the StorageClass they name (textDocument/documentLink).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { DocumentLink, MarkupContent } from 'vscode-languageserver-protocol';
import { caret, TestLspClient } from './lsp-client';

const example = (name: string): string => readFileSync(resolve(__dirname, '../../examples', name), 'utf8');

let client: TestLspClient;
before(async () => {
  client = await TestLspClient.start({ settings: {} });
});
after(async () => {
  await client.stop();
});

async function documentLinks(uri: string): Promise<DocumentLink[]> {
  return (await client.request<DocumentLink[] | null>('textDocument/documentLink', { textDocument: { uri } })) ?? [];
}

describe('links', () => {
  it('every diagnostic links its rule id to the heading of its section in the packaged docs/rules.md', async () => {
    const uri = await client.open('links-mistakes.json', 'json', example('mistakes/emr-eks-mistakes.json'));
    const diagnostics = await client.nextDiagnostics(uri);
    assert.ok(diagnostics.length >= 5);
    for (const diagnostic of diagnostics) {
      const href = diagnostic.codeDescription?.href ?? '';
      const match = /^(file:\/\/.+\/docs\/rules\.md)#L(\d+)$/.exec(href);
      assert.ok(match, `${String(diagnostic.code)}: ${href}`);
      const lines = readFileSync(fileURLToPath(match[1] ?? ''), 'utf8').split('\n');
      assert.equal(lines[Number(match[2]) - 1], `### \`${String(diagnostic.code)}\``);
    }
  });

  it('hover on a DRA key links to the configuration page of the job’s Spark version', async () => {
    const text = example('emr-eks-dra.json');
    const uri = await client.open('links-hover.json', 'json', text);
    const at = caret(text.replace('"spark.dynamicAllocation.maxExecutors"', '"spark.dynamicAllocation.max|Executors"'));
    const hover = await client.hover(uri, at.position);
    assert.match(
      (hover?.contents as MarkupContent).value,
      /\[Spark 3\.5\.1 configuration\]\(https:\/\/spark\.apache\.org\/docs\/3\.5\.1\/configuration\.html#dynamic-allocation\)/,
    );
  });

  it('hover on a Kubernetes key of a Spark 4.0.1 job links to that version’s Running on Kubernetes page', async () => {
    const text = example('apache-spark-application-dra.yaml');
    const key = /spark\.kubernetes\.[A-Za-z.]+/.exec(text)?.[0];
    assert.ok(key, 'the example writes a spark.kubernetes key');
    const uri = await client.open('links-hover.yaml', 'yaml', text);
    const hover = await client.hover(uri, caret(text.replace(key, `${key.slice(0, 20)}|${key.slice(20)}`)).position);
    assert.match(
      (hover?.contents as MarkupContent).value,
      /https:\/\/spark\.apache\.org\/docs\/4\.0\.1\/running-on-kubernetes\.html#spark-properties/,
    );
  });

  it('options.storageClass links to the StorageClass in the same file, at its name', async () => {
    const job = example('spark-application-dra.yaml').replace(
      '  sparkConf:\n',
      '  sparkConf:\n    spark.kubernetes.executor.volumes.persistentVolumeClaim.data.options.storageClass: "fast-local"\n',
    );
    const text = `${job}---\napiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: fast-local\nprovisioner: ebs.csi.aws.com\n`;
    const uri = await client.open('links-same-file.yaml', 'yaml', text);
    const links = await documentLinks(uri);
    assert.equal(links.length, 1);
    const nameLine = text.split('\n').indexOf('  name: fast-local');
    assert.equal(links[0]?.target, `${uri}#L${nameLine + 1}`);
    const value = links[0]?.range;
    assert.ok(value);
    assert.equal(text.split('\n')[value.start.line]?.slice(value.start.character, value.end.character), 'fast-local');
  });

  it('options.storageClass links to a StorageClass in another open file; an unknown name gets no link', async () => {
    const classUri = await client.open('links-class.yaml', 'yaml', example('storageclass-spark-local.yaml'));
    // Diagnostics of the class file are what record its classes for the workspace.
    await client.nextDiagnostics(classUri);
    const jobUri = await client.open('links-job.json', 'json', example('emr-eks-dra-pvc-reuse.json'));
    const links = await documentLinks(jobUri);
    assert.deepEqual(
      links.map((link) => link.target),
      [`${classUri}#L5`],
    );
    const unknown = await client.open(
      'links-unknown.json',
      'json',
      example('emr-eks-dra-pvc-reuse.json').replace('"spark-local-gp3"', '"no-such-class"'),
    );
    assert.deepEqual(await documentLinks(unknown), []);
  });
});
