// The extension-tests entry (the @vscode/test-electron `run()` contract; code-server's smoke-test driver uses the
// same one). Bundled by test/e2e/build-suite.mjs together with every suite/*.e2e.ts and mocha itself.
// Prints a line `E2E-RESULT {"passed":n,"failed":m,"pending":p}` that run-offline.mjs reads for its closing line.
import Mocha from 'mocha';

interface BundledTests {
  files: string[];
  load(): void;
}

export function run(): Promise<void> {
  // A module made by build-suite.mjs: requires each *.e2e.ts file.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const tests = require('spark-dra:e2e-tests') as BundledTests;
  const grep = process.env.SPARK_DRA_E2E_GREP;
  const mocha = new Mocha({ ui: 'bdd', color: false, reporter: 'spec', timeout: 60_000 });
  if (grep) mocha.grep(grep);

  return new Promise<void>((resolve, reject) => {
    let passed = 0;
    let failed = 0;
    let pending = 0;
    try {
      // What mocha.loadFiles() does for each file, for tests that are already in this bundle.
      mocha.suite.emit('pre-require', globalThis, 'e2e-bundle', mocha);
      tests.load();
      mocha.suite.emit('post-require', globalThis, 'e2e-bundle', mocha);
    } catch (err) {
      console.log(`E2E-RESULT ${JSON.stringify({ passed: 0, failed: 1, pending: 0, error: String(err) })}`);
      reject(err instanceof Error ? err : new Error(String(err)));
      return;
    }
    console.log('E2E-BEGIN');
    const runner = mocha.run(() => {
      console.log(`E2E-RESULT ${JSON.stringify({ passed, failed, pending })}`);
      if (failed > 0) reject(new Error(`${failed} editor test(s) failed`));
      else if (passed === 0) reject(new Error('no editor test ran'));
      else resolve();
    });
    runner.on('pass', () => passed++);
    runner.on('fail', () => failed++);
    runner.on('pending', () => pending++);
  });
}
