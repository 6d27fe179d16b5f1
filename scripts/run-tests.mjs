// Runs the test tiers in order (unit, protocol, e2e) and fails when any tier fails or runs no test.
// Usage: node scripts/run-tests.mjs [unit] [protocol] [e2e]
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const allTiers = ['unit', 'protocol', 'e2e'];
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
        '--import', 'tsx',
        '--test',
        '--test-reporter=spec', '--test-reporter-destination=stdout',
        '--test-reporter=./scripts/count-reporter.mjs', '--test-reporter-destination=stdout',
        ...files,
      ],
      { stdio: 'inherit', env: { ...process.env, SPARK_DRA_TEST_TIER: tier } },
    );
  }
  if (result.status !== 0) failedTiers++;
}
process.exit(failedTiers === 0 ? 0 : 1);
