// Bundles the editor-test suite (test/e2e/suite/index.ts + every suite/*.e2e.ts, mocha included) with esbuild into
// out/e2e/suite/index.js: CommonJS, `vscode` external. That file is the extensionTestsPath for both runners
// (run-offline.mjs through code-server, run-electron.mjs through @vscode/test-electron).
// Usage: node test/e2e/build-suite.mjs  → prints the bundle path.
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const suiteDir = join(repoRoot, 'test', 'e2e', 'suite');
export const suiteBundle = join(repoRoot, 'out', 'e2e', 'suite', 'index.js');

/** The test files, in name order. */
export function listTestFiles() {
  return readdirSync(suiteDir)
    .filter((name) => name.endsWith('.e2e.ts'))
    .sort()
    .map((name) => join(suiteDir, name));
}

// index.ts loads the tests with require('spark-dra:e2e-tests'); this plugin makes that module, which requires each
// test file in turn (esbuild keeps them lazy, so they register only once mocha's globals exist).
const testsPlugin = {
  name: 'spark-dra-e2e-tests',
  setup(b) {
    b.onResolve({ filter: /^spark-dra:e2e-tests$/ }, (args) => ({ path: args.path, namespace: 'e2e-tests' }));
    b.onLoad({ filter: /.*/, namespace: 'e2e-tests' }, () => {
      const files = listTestFiles();
      const body = files.map((f) => `  require(${JSON.stringify(f)});`).join('\n');
      return {
        contents: `exports.files = ${JSON.stringify(files)};\nexports.load = function () {\n${body}\n};\n`,
        loader: 'js',
        resolveDir: suiteDir,
      };
    });
  },
};

export async function buildSuite() {
  if (listTestFiles().length === 0) throw new Error(`no *.e2e.ts files in ${suiteDir}`);
  await build({
    entryPoints: [join(suiteDir, 'index.ts')],
    outfile: suiteBundle,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode'],
    logLevel: 'warning',
    // mocha's parallel mode (unused here) resolves worker files at run time.
    logOverride: { 'require-resolve-not-external': 'silent' },
    plugins: [testsPlugin],
    // mocha's ESM files use import.meta.url; give them this bundle's own URL.
    define: { 'import.meta.url': '__e2e_import_meta_url', 'import.meta.dirname': '__dirname' },
    banner: { js: "var __e2e_import_meta_url = require('url').pathToFileURL(__filename).href;" },
  });
  return suiteBundle;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = await buildSuite();
  console.log(out);
}
