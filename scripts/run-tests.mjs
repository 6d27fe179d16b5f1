// Runs the test tiers in order (unit, protocol, webview, e2e) and fails when any tier fails or runs no test.
// Usage: node scripts/run-tests.mjs [unit] [protocol] [webview] [e2e]
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const allTiers = ['unit', 'protocol', 'webview', 'e2e'];
/** Tiers that drive a real browser: they need Chromium (and the editor tier code-server) installed first. */
const browserTiers = new Set(['webview', 'e2e']);
let browserReady = false;
const requested = process.argv.slice(2);
const tiers = requested.length > 0 ? requested : allTiers;

function findTests(dir) {
  if (!existsSync(dir)) return [];
  const found = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...findTests(path));
    else if (name.endsWith('.test.ts')) found.push(path);
  }
  return found;
}

let failedTiers = 0;
for (const tier of tiers) {
  if (!allTiers.includes(tier)) {
    console.error(`unknown test tier: ${tier}`);
    process.exit(2);
  }
  if (browserTiers.has(tier) && !browserReady) {
    // Idempotent and near-instant once done; on a fresh machine it installs Chromium and code-server.
    const setup = spawnSync('bash', ['scripts/setup-vscode-offline.sh'], { stdio: 'inherit' });
    if (setup.status !== 0) {
      console.error(`${tier}: 0 passed, 1 failed (browser setup failed)`);
      failedTiers++;
      continue;
    }
    browserReady = true;
  }
  let result;
  if (tier === 'e2e') {
    // The editor tier drives a real VS Code workbench; its runner prints its own closing line.
    result = spawnSync(process.execPath, ['test/e2e/run-offline.mjs'], { stdio: 'inherit' });
  } else {
    const files = findTests(join('test', tier));
    if (files.length === 0) {
      console.error(`${tier}: no test files found`);
      failedTiers++;
      continue;
    }
    console.log(`\n=== ${tier} tests (${files.length} files) ===`);
    result = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--test',
        '--test-reporter=spec',
        '--test-reporter-destination=stdout',
        '--test-reporter=./scripts/count-reporter.mjs',
        '--test-reporter-destination=stdout',
        ...files,
      ],
      { stdio: 'inherit', env: { ...process.env, SPARK_DRA_TEST_TIER: tier } },
    );
  }
  if (result.status !== 0) failedTiers++;
}
process.exit(failedTiers === 0 ? 0 : 1);
