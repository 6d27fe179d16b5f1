// Runs the same editor-test suite in desktop VS Code through @vscode/test-electron.
// It downloads VS Code on first use, so it needs internet access: on the offline build machines use
// test/e2e/run-offline.mjs instead (it is what `npm test` runs). Not called by npm test.
// Usage: npm run build && node test/e2e/run-electron.mjs [--version=stable|insiders|1.91.0]
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { buildSuite, repoRoot } from './build-suite.mjs';

const version = process.argv.find((a) => a.startsWith('--version='))?.slice('--version='.length) ?? 'stable';

if (!existsSync(join(repoRoot, 'dist', 'extension.js'))) {
  console.error('[e2e:electron] dist/extension.js is missing: run `npm run build` first');
  console.log('e2e: 0 passed, 1 failed');
  process.exit(1);
}

const suiteBundle = await buildSuite();
const tempRoot = mkdtempSync(join(tmpdir(), 'spark-dra-e2e-electron-'));
const workspace = join(tempRoot, 'workspace');
mkdirSync(workspace);
if (existsSync(join(repoRoot, 'examples')))
  cpSync(join(repoRoot, 'examples'), join(workspace, 'examples'), { recursive: true });
if (existsSync(join(repoRoot, 'test', 'fixtures', 'e2e'))) {
  cpSync(join(repoRoot, 'test', 'fixtures', 'e2e'), join(workspace, 'fixtures'), { recursive: true });
}

let code;
try {
  code = await runTests({
    version,
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: suiteBundle,
    launchArgs: [
      workspace,
      '--disable-extensions',
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      '--user-data-dir',
      join(tempRoot, 'user-data'),
      '--extensions-dir',
      join(tempRoot, 'extensions'),
    ],
    extensionTestsEnv: { SPARK_DRA_E2E: '1' },
    // Idle limit for the VS Code download (not for the tests).
    timeout: 60_000,
  });
} catch (err) {
  console.error(`[e2e:electron] FAILED: ${err?.message ?? err}`);
  code = 1;
} finally {
  rmSync(tempRoot, { recursive: true, force: true });
}
console.log(`[e2e:electron] exit code ${code} (counts: see the E2E-RESULT line above)`);
process.exit(code === 0 ? 0 : 1);
