// Key completion as an editor applies it: a JSON property name with no value gets the value written too, and a volume
// that already has a name is offered its remaining options under that name.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { complete, type EngineCompletionItem } from '../../../server/src/engine/features/completion';
import { parseFile } from '../../../server/src/engine/locators';

function itemsAt(fileName: string, source: string): { text: string; items: EngineCompletionItem[] } {
  const offset = source.indexOf('|');
  const text = source.slice(0, offset) + source.slice(offset + 1);
  const file = { fileName, text };
  return { text, items: complete({ file, parsed: parseFile(file), offset, sparkVersionOf: () => '3.5.1' }) };
}

function item(items: readonly EngineCompletionItem[], label: string): EngineCompletionItem {
  const found = items.find((candidate) => candidate.label === label);
  assert.ok(found, `no item ${label}`);
  return found;
}

/** The text after accepting `chosen`, with snippet tab stops replaced by their placeholder text. */
function accept(text: string, chosen: EngineCompletionItem): string {
  const inserted = chosen.snippet ? chosen.insertText.replace(/\$\{\d+:([^}]*)\}/g, '$1') : chosen.insertText;
  return text.slice(0, chosen.replace.start) + inserted + text.slice(chosen.replace.end);
}

const EMR = (properties: string) => `{
  "virtualClusterId": "vc",
  "releaseLabel": "emr-7.2.0-latest",
  "configurationOverrides": {"applicationConfiguration": [{"classification": "spark-defaults", "properties": {
    ${properties}
  }}]}
}`;

describe('JSON key completion inserts the value where there is none', () => {
  it('inside the quotes of a name with no colon after it → `"key": "value"` with the value as a tab stop', () => {
    const { text, items } = itemsAt('job.json', EMR('"spark.dynamicAllocation.maxExe|"'));
    const chosen = item(items, 'spark.dynamicAllocation.maxExecutors');
    assert.equal(chosen.snippet, true);
    assert.match(chosen.insertText, /^spark\.dynamicAllocation\.maxExecutors": "\$\{1:[^}]*\}$/);
    assert.match(accept(text, chosen), /\{\n {4}"spark\.dynamicAllocation\.maxExecutors": "[^"]*"\n/);
    const result = JSON.parse(accept(text, chosen)) as object;
    assert.ok(result);
  });

  it('an unclosed name at the end of its line → the closing quote is written too', () => {
    const { text, items } = itemsAt(
      'job.json',
      EMR('"spark.dynamicAllocation.enabled": "true",\n    "spark.executor.cor|'),
    );
    const chosen = item(items, 'spark.executor.cores');
    assert.match(accept(text, chosen), /"spark\.executor\.cores": "[^"]*"\n/);
  });

  it('a name that already has a value → only the name is replaced', () => {
    const { text, items } = itemsAt('job.json', EMR('"spark.dynamicAllocation.maxExe|" : "12"'));
    const chosen = item(items, 'spark.dynamicAllocation.maxExecutors');
    assert.equal(chosen.insertText, 'spark.dynamicAllocation.maxExecutors');
    assert.match(accept(text, chosen), /"spark\.dynamicAllocation\.maxExecutors" : "12"/);
  });
});

describe('options of an already-named volume', () => {
  const PVC = 'spark.kubernetes.executor.volumes.persistentVolumeClaim';

  it('JSON: the volume being typed gets its options under its real name, filterable by that name', () => {
    const { text, items } = itemsAt('job.json', EMR(`"${PVC}.scratch.|"`));
    const chosen = item(items, `${PVC}.scratch.options.claimName`);
    assert.equal(chosen.filterText, `${PVC}.scratch.options.claimName`);
    assert.ok(chosen.filterText?.startsWith(text.slice(chosen.replace.start, chosen.replace.end)));
    assert.match(
      accept(text, chosen),
      new RegExp(`"${PVC.replace(/\./g, '\\.')}\\.scratch\\.options\\.claimName": "OnDemand"`),
    );
    assert.ok(items.some((i) => i.label === `${PVC}.scratch.mount.path`));
  });

  it('JSON: volumes the job already names are offered their missing options, not the ones written', () => {
    const { items } = itemsAt('job.json', EMR(`"${PVC}.spark-local-dir-1.mount.path": "/data",\n    "spark.kub|"`));
    assert.ok(items.some((i) => i.label === `${PVC}.spark-local-dir-1.options.claimName`));
    assert.equal(
      items.some((i) => i.label === `${PVC}.spark-local-dir-1.mount.path`),
      false,
    );
  });

  it('spark-defaults.conf: the typed volume name is kept in label, insert text and filter text', () => {
    const { text, items } = itemsAt('spark-defaults.conf', 'spark.kubernetes.driver.volumes.hostPath.logs.mo|\n');
    const chosen = item(items, 'spark.kubernetes.driver.volumes.hostPath.logs.mount.path');
    assert.equal(chosen.filterText, chosen.label);
    assert.match(accept(text, chosen), /^spark\.kubernetes\.driver\.volumes\.hostPath\.logs\.mount\.path \S+\n$/);
  });
});
