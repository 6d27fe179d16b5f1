// Benchmark runner: `npm run bench` (builds first) or `node bench/run.mjs [options]` after `npm run build`.
//
// Which benchmarks run: every `bench/*.bench.mjs` module, in file-name order, plus the modules named in LISTED below
// when the file exists (for benchmarks kept under another name, e.g. `bench/simulator.mjs`). A module's name is its
// `name` export, else its file name without `.bench.mjs` / `.mjs`.
//
// Module contract: `export async function run(options)` (or a default export function) that prints its own figures
// through `options.log` and returns a JSON-serialisable summary (or nothing). The runner writes each summary to
// `test-output/bench/<name>.json`.
//
// Options:
//   --only a,b       run only the named benchmarks (e.g. `--only diagnostics`)
//   --repeat N       runs per measurement (median reported); default chosen by each benchmark
//   --sizes a,b,c    line counts for benchmarks that generate files (diagnostics: 2000,10000,50000)
//   --skip-yaml-ls   diagnostics: do not run yaml-language-server
// At the end it prints issue 12's targets with their peers and floors from this run (bench/issue-12-summary.mjs).
// Exit code: 0 when every benchmark ran (missed targets are reported, not failed), 1 when one threw, 2 on bad usage.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { issue12Summary } from './issue-12-summary.mjs';

const BENCH_DIR = import.meta.dirname;
const ROOT = resolve(BENCH_DIR, '..');
const OUT_DIR = join(ROOT, 'test-output/bench');
/** Benchmarks that are not named `*.bench.mjs`; run when present. */
const LISTED = ['simulator.mjs', 'fidelity.mjs'];

function usage(message) {
  console.error(
    `bench: ${message}\nusage: node bench/run.mjs [--only a,b] [--repeat N] [--sizes 2000,10000] [--skip-yaml-ls]`,
  );
  process.exit(2);
}

function parseArgs(argv) {
  const options = {};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') usage(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--only':
        options.only = value()
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        break;
      case '--repeat': {
        const n = Number(value());
        if (!Number.isInteger(n) || n < 1) usage('--repeat must be a positive integer');
        options.repeat = n;
        break;
      }
      case '--sizes': {
        const sizes = value().split(',').map(Number);
        if (sizes.some((n) => !Number.isInteger(n) || n < 10)) usage('--sizes takes line counts like 2000,10000');
        options.sizes = sizes;
        break;
      }
      case '--skip-yaml-ls':
        options.skipYamlLs = true;
        break;
      default:
        usage(`unknown option ${argv[i]}`);
    }
  }
  return options;
}

function moduleFiles() {
  const found = readdirSync(BENCH_DIR)
    .filter((f) => f.endsWith('.bench.mjs'))
    .sort();
  for (const f of LISTED) if (existsSync(join(BENCH_DIR, f)) && !found.includes(f)) found.push(f);
  return found;
}

const fileName = (f) => basename(f).replace(/\.bench\.mjs$|\.mjs$/, '');

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!existsSync(join(ROOT, 'dist/server.js')))
    usage('dist/server.js is missing: run `npm run build` first (or `npm run bench`)');
  const files = moduleFiles();
  const known = files.map(fileName);
  for (const name of options.only ?? [])
    if (!known.includes(name)) usage(`no benchmark named '${name}' (have: ${known.join(', ')})`);
  mkdirSync(OUT_DIR, { recursive: true });

  let failed = 0;
  const summaries = {};
  for (const file of files) {
    if (options.only && !options.only.includes(fileName(file))) continue;
    const mod = await import(pathToFileURL(join(BENCH_DIR, file)).href);
    const name = typeof mod.name === 'string' ? mod.name : fileName(file);
    const run = typeof mod.run === 'function' ? mod.run : typeof mod.default === 'function' ? mod.default : undefined;
    if (!run) {
      console.error(`bench: ${file} exports no run() function; skipped`);
      failed++;
      continue;
    }
    console.log(`\n=== ${name}${mod.description ? `: ${mod.description}` : ''} ===`);
    const started = performance.now();
    try {
      const summary = await run({ ...options, log: (line) => console.log(line) });
      if (summary !== undefined) {
        summaries[name] = summary;
        const out = join(OUT_DIR, `${name}.json`);
        writeFileSync(out, `${JSON.stringify(summary, null, 2)}\n`);
        console.log(`(figures written to ${out.slice(ROOT.length + 1)})`);
      }
      console.log(`=== ${name} done in ${((performance.now() - started) / 1000).toFixed(1)} s ===`);
    } catch (error) {
      failed++;
      console.error(
        `bench: ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    }
  }
  const targets = issue12Summary(summaries);
  if (targets.length > 0) {
    console.log("\n=== issue 12's targets, from this run ===");
    for (const line of targets) console.log(line);
  }
  process.exitCode = failed === 0 ? 0 : 1;
}

await main();
