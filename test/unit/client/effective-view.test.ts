// The effective configuration as a Markdown table and as Quick Pick items.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cell, effectivePickItems, lineLink, renderEffectiveMarkdown } from '../../../client/src/effective-view';
import type { EffectiveConfig } from '../../../protocol/requests';

const config: EffectiveConfig = {
  sparkVersion: '3.5.1',
  versionFrom: 'releaseLabel',
  kind: 'emr-eks',
  kindLabel: 'EMR on EKS',
  rows: [
    {
      key: 'spark.dynamicAllocation.maxExecutors',
      value: '40',
      source: 'properties (spark-defaults)',
      defaultValue: '2147483647',
      line: 22,
    },
    {
      key: 'spark.executor.extraJavaOptions',
      value: '-Da=b|c',
      source: '--conf in sparkSubmitParameters',
      defaultValue: undefined,
      line: 9,
    },
    { key: 'spark.dynamicAllocation.minExecutors', value: '0', source: 'default for Spark 3.5.1', defaultValue: '0' },
    {
      key: 'spark.dynamicAllocation.initialExecutors',
      value: '0',
      source: 'falls back to spark.dynamicAllocation.minExecutors',
      defaultValue: undefined,
    },
  ],
};

const options = { fileName: 'job.json', documentUri: 'file:///w/job.json', jobIndex: 0, jobs: 1, overridden: false };

describe('effective configuration view', () => {
  it('renders written keys with line links, then fallbacks and defaults', () => {
    const md = renderEffectiveMarkdown(config, options);
    assert.match(md, /^# Effective configuration: job\.json\n/);
    assert.match(md, /EMR on EKS · Spark 3\.5\.1 \(from the EMR releaseLabel\)/);
    assert.match(md, /## Written in the file \(2\)/);
    assert.match(md, /## Not written: fallbacks and defaults \(2\)/);
    assert.match(
      md,
      /\| `spark\.dynamicAllocation\.maxExecutors` \| `40` \| properties \(spark-defaults\) \| `2147483647` \| \[23\]\(file:\/\/\/w\/job\.json#L23\) \|/,
    );
    assert.ok(md.indexOf('maxExecutors') < md.indexOf('minExecutors'), 'written keys first');
    assert.match(md, /`-Da=b\\\|c`/, 'a pipe in a value does not break the table');
    assert.match(md, /falls back to spark\.dynamicAllocation\.minExecutors \| — \|/);
  });

  it('with a workspace-relative path, line links read path:line and still open the file at the line', () => {
    const md = renderEffectiveMarkdown(config, { ...options, relativePath: 'jobs/[daily]/job.json' });
    assert.match(md, /\| \[jobs\/\\\[daily\\\]\/job\.json:23\]\(file:\/\/\/w\/job\.json#L23\) \|/);
  });

  it('says which job of a multi-job file it shows, and when the version was chosen by hand', () => {
    const md = renderEffectiveMarkdown(config, { ...options, jobIndex: 1, jobs: 3, overridden: true });
    assert.match(md, /\(job 2 of 3\)/);
    assert.match(md, /chosen with "Spark DRA: Select Spark Version"/);
  });

  it('handles a job with no written keys', () => {
    const md = renderEffectiveMarkdown({ ...config, rows: config.rows.filter((r) => r.line === undefined) }, options);
    assert.match(md, /_The job writes no Spark keys\._/);
  });

  it('gives Quick Pick items: separators, written keys with their line, defaults after', () => {
    const items = effectivePickItems(config);
    assert.deepEqual(
      items.map((i) => (i.separator ? `-- ${i.label}` : i.label)),
      [
        '-- Written in the file',
        'spark.dynamicAllocation.maxExecutors',
        'spark.executor.extraJavaOptions',
        '-- Fallbacks and defaults',
        'spark.dynamicAllocation.minExecutors',
        'spark.dynamicAllocation.initialExecutors',
      ],
    );
    const max = items[1];
    assert.equal(max.line, 22);
    assert.equal(max.description, '40');
    assert.match(max.detail ?? '', /line 23 · default 2147483647 \(differs\)/);
    assert.equal(items[4].line, undefined);
  });

  it('escapes table cells and builds one-based line links', () => {
    assert.equal(cell('a|b\nc'), 'a\\|b c');
    assert.equal(cell(undefined), '—');
    assert.equal(cell('<script>'), '&lt;script>');
    assert.equal(lineLink('file:///a.json#old', 0), 'file:///a.json#L1');
  });
});
