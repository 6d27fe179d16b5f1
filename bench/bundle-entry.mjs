// Bundles a bench entry (TypeScript that imports the engine) into one CommonJS file a bench can require or run in a
// child process, with the options every bench uses.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export async function bundleEntry(entryPoint, outfile) {
  mkdirSync(dirname(outfile), { recursive: true });
  await build({
    entryPoints: [entryPoint],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
  });
}
