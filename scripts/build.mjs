// Bundles the extension client, the language server, the CLI and the webview with esbuild.
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
  // The one place the package version enters the code (protocol/build-info.ts).
  define: { SPARK_DRA_VERSION: JSON.stringify(version) },
  // jsonc-parser's UMD build hides its requires from the bundler; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
};

const nodeTargets = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The zstd decoder thread of server.js and cli.js, which find it next to themselves (eventlog/decoder-thread.ts).
  { entryPoints: ['server/src/engine/eventlog/decoder-worker.ts'], outfile: 'dist/eventlog-decoder.js' },
  // The advisor's evaluation threads, found the same way (engine/advisor/threads.ts).
  { entryPoints: ['server/src/engine/advisor/worker.ts'], outfile: 'dist/advise-worker.js' },
  // The language server's simulation workers (server/src/lsp/work/pool.ts finds it next to dist/server.js).
  { entryPoints: ['server/src/lsp/work/worker.ts'], outfile: 'dist/simulation-worker.js' },
];

// libzstd's WebAssembly decoder (the zstddec package, about 85 KB) is copied once into dist/ and loaded from there
// by every bundle that reads event logs (engine/eventlog/codecs/zstd-wasm.ts), instead of being bundled into each.
const ZSTDDEC = 'zstddec/stream';
mkdirSync('dist', { recursive: true });
copyFileSync('node_modules/zstddec/dist/zstddec-stream.mjs', 'dist/zstddec-stream.mjs');

const jobs = nodeTargets
  .filter((t) => existsSync(t.entryPoints[0]))
  .map((t) =>
    build({
      ...common,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      ...t,
      external: [...(t.external ?? []), ZSTDDEC],
    }),
  );

if (existsSync('client/webview/main.ts')) {
  jobs.push(
    build({
      ...common,
      entryPoints: ['client/webview/main.ts'],
      outfile: 'dist/webview/main.js',
      platform: 'browser',
      format: 'iife',
      target: 'es2022',
      loader: { '.css': 'css' },
    }),
  );
}

await Promise.all(jobs);
