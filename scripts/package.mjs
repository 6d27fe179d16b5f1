// npm run package: production build, then `vsce package` into dist/spark-dra.vsix, then a check of what went in.
// The .vsix must hold only what runs (see .vscodeignore): no source maps, no node_modules, at most 1.5 MB.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const out = join(root, 'dist', 'spark-dra.vsix');
const MAX_BYTES = 1.5 * 1024 * 1024;

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`package: ${[command, ...args].join(' ')} failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
}

/** Source maps from earlier development builds: the production build writes none, so old ones must go. */
function removeMaps(dir) {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) removeMaps(path);
    else if (name.endsWith('.map')) rmSync(path);
  }
}

rmSync(out, { force: true });
removeMaps(join(root, 'dist'));
run(process.execPath, ['scripts/build.mjs', '--production']);

const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
const vsceArgs = ['package', '--no-dependencies', '--out', out];
// Without a repository in package.json vsce would stop and ask, and could not turn README links into absolute
// ones: say that is fine, and keep the links relative (they point at files inside the .vsix, e.g. docs/rules.md).
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
if (!manifest.repository) vsceArgs.push('--allow-missing-repository', '--no-rewrite-relative-links');
run(process.execPath, [vsce, ...vsceArgs]);

// Check what went in.
const listing = execFileSync('unzip', ['-l', out], { encoding: 'utf8' });
const files = listing
  .split('\n')
  .map((line) => /^\s*\d+\s+\S+\s+\S+\s+(.+)$/.exec(line)?.[1])
  .filter((name) => name !== undefined && name !== 'Name' && !name.startsWith('-'));
const problems = [];
const size = statSync(out).size;
if (size > MAX_BYTES) problems.push(`the .vsix is ${size} bytes, over ${MAX_BYTES}`);
for (const name of files) {
  if (name.endsWith('.map')) problems.push(`source map packaged: ${name}`);
  if (name.includes('node_modules/')) problems.push(`dependency packaged: ${name}`);
}
const needed = [
  'extension/dist/extension.js',
  'extension/dist/server.js',
  'extension/dist/eventlog-decoder.js',
  'extension/dist/advise-worker.js',
  'extension/dist/simulation-worker.js',
  'extension/package.json',
  'extension/LICENSE.txt',
  // What diagnostics link to and what the walkthrough opens and shows.
  'extension/docs/rules.md',
  'extension/examples/mistakes/first-job-tour.json',
  'extension/media/walkthrough/open-example.md',
];
for (const name of needed) {
  if (!files.includes(name)) problems.push(`missing from the .vsix: ${name}`);
}
console.log(`package: ${out} (${(size / 1024).toFixed(0)} KiB, ${files.length} entries)`);
if (problems.length > 0) {
  for (const p of problems) console.error(`package: ${p}`);
  process.exit(1);
}
