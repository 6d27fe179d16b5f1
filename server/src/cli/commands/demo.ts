// `spark-dra demo [DIR]`: checks every job file in DIR, simulates each job in it, then checks DIR/mistakes (files that
// are wrong on purpose), so a newcomer sees the checks and the simulator at work on the bundled examples.
import { readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { createSparkDraService } from '../../engine';
import { problemText } from '../../../../protocol/result';
import { checkFiles, formatText } from '../check';
import { expandFileArgs } from '../files';
import { formatDuration, formatSimulation } from '../simulation-report';

/** Files under this subfolder of the demo folder are wrong on purpose; they get their own section. */
const MISTAKES = 'mistakes';

export function runDemoCommand(argv: string[]): number {
  const dir = argv[0] ?? 'examples';
  const all = expandFileArgs([dir]).files;
  const mistakesDir = join(dir, MISTAKES);
  const isMistake = (path: string) => path.startsWith(mistakesDir + sep);
  const files = all.filter((path) => !isMistake(path));
  if (files.length === 0) {
    process.stderr.write(`spark-dra: no job files found in ${dir}\n`);
    return 2;
  }
  const out: string[] = [`== spark-dra check ${dir} ==`, formatText(checkFiles(files, {}))];

  const service = createSparkDraService();
  const documents = files.map((path) => ({
    path,
    document: service.open({ fileName: path, text: readFileSync(path, 'utf8') }),
  }));
  const storageClasses = documents.flatMap((d) => d.document.storageClasses);
  let detailed = false;
  // Short queries with idle gaps: the workload where dynamic allocation has most to win or lose.
  const preset = 'interactive-burst';
  out.push('', `== spark-dra simulate (each job of ${dir}, workload preset ${preset}) ==`);
  for (const { path, document } of documents) {
    for (let jobIndex = 0; jobIndex < document.jobs.length; jobIndex++) {
      const outcome = document.simulate({ jobIndex, preset, workspaceStorageClasses: storageClasses });
      if (!outcome.ok) {
        out.push(`${path}: cannot simulate: ${problemText(outcome.problem)}`);
        continue;
      }
      const { dra, static: baseline } = outcome.value;
      const saved = baseline.summary.cost.total - dra.summary.cost.total;
      out.push(
        `${path}: runtime ${formatDuration(dra.summary.runtimeSec)}, peak ${dra.summary.peakExecutors} executors, ` +
          `${(dra.summary.executorSeconds / 3600).toFixed(2)} executor-hours, $${dra.summary.cost.total.toFixed(3)} ` +
          `(static ${baseline.executors}: $${baseline.summary.cost.total.toFixed(3)}, DRA ${saved >= 0 ? 'saves' : 'costs'} $${Math.abs(saved).toFixed(3)})`,
      );
      if (!detailed) {
        out.push('', formatSimulation(`Details for ${path}`, outcome.value), '');
        detailed = true;
      }
    }
  }
  const mistakes = all.filter(isMistake);
  if (mistakes.length > 0) {
    out.push(`== spark-dra check ${mistakesDir} (wrong on purpose) ==`, formatText(checkFiles(mistakes, {})));
  }
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}
