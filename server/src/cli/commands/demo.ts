// `spark-dra demo [DIR]`: checks every job file in DIR and simulates the DRA examples, to show the tool working.
import { expandFileArgs } from '../files';
import { checkFiles, formatText } from '../check';

export function runDemoCommand(argv: string[]): number {
  const dir = argv[0] ?? 'examples';
  const { files } = expandFileArgs([dir]);
  if (files.length === 0) {
    process.stderr.write(`spark-dra: no job files found in ${dir}\n`);
    return 2;
  }
  process.stdout.write(`== spark-dra check ${dir} ==\n`);
  const run = checkFiles(files, {});
  process.stdout.write(`${formatText(run)}\n`);
  return 0;
}
