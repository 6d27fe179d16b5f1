// The panel and the CLI give the same figures: sparkDra/simulate with the editor's default settings (package.json's
// defaults, as VS Code sends them) equals `spark-dra simulate --json` on every job file in examples/.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { SimulateResponse } from '../../protocol/requests';
import { TestLspClient } from './lsp-client';

const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');
const EXAMPLES = join(ROOT, 'examples');

const LANGUAGES: Readonly<Record<string, string>> = {
  '.json': 'json',
  '.yaml': 'yaml',
  '.yml': 'yaml',
  '.sh': 'shellscript',
  '.py': 'python',
  '.conf': 'spark-defaults',
};

function filesBelow(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesBelow(path) : LANGUAGES[extname(name)] ? [path] : [];
    });
}

/** The `sparkDra` section VS Code sends when the user changed nothing: every declared default, nested by dots. */
function defaultSettings(): Record<string, unknown> {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    contributes: { configuration: { properties: Record<string, { default?: unknown }> } };
  };
  const section: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(manifest.contributes.configuration.properties)) {
    const path = name.split('.').slice(1);
    let node = section;
    for (const part of path.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[path[path.length - 1]] = schema.default;
  }
  return section;
}

let client: TestLspClient;
before(async () => {
  client = await TestLspClient.start({ settings: defaultSettings() });
});
after(async () => {
  await client.stop();
});

describe('panel and CLI agree', () => {
  const files = filesBelow(EXAMPLES);

  it('finds the examples', () => {
    assert.ok(files.length >= 10, `${files.length} example files`);
  });

  for (const path of files) {
    const name = relative(ROOT, path);
    it(`${name}: the panel's simulation equals spark-dra simulate --json`, async () => {
      const uri = await client.open(name, LANGUAGES[extname(path)] ?? 'plaintext', readFileSync(path, 'utf8'));
      const panel = await client.request<SimulateResponse>('sparkDra/simulate', { uri });
      const run = spawnSync(process.execPath, [CLI, 'simulate', name, '--json'], {
        cwd: ROOT,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      if (!panel.ok) {
        // No job, or one Spark would refuse: the CLI refuses it too.
        assert.equal(run.status, 2, `${name}: the panel said ${panel.problem.message}; the CLI: ${run.stdout}`);
        return;
      }
      assert.equal(run.status, 0, `${name}: ${run.stderr}`);
      assert.deepEqual(panel.value, JSON.parse(run.stdout));
    });
  }
});
