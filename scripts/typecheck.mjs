// Typechecks the whole tree, then each part on its own (server, extension host, webview), where an import outside
// the part and protocol/ is an error. Uses TypeScript 7 (the `typescript-native` alias); the `typescript` package
// (6.x) is kept for typescript-eslint, which needs its JavaScript API.
import { spawnSync } from 'node:child_process';

const TSC = 'node_modules/typescript-native/bin/tsc';
const runs = [
  ['--noEmit', '-p', '.'],
  ['-p', 'server'],
  ['-p', 'client'],
  ['-p', 'client/webview'],
];
for (const args of runs) {
  const result = spawnSync(process.execPath, [TSC, ...args], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`typecheck failed: tsc ${args.join(' ')}`);
    process.exit(result.status ?? 1);
  }
}
