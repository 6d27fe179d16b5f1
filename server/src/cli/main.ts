// The `spark-dra` command line: check job files, simulate dynamic allocation, diff Spark versions, run the demo.
import { UsageError } from './args';
import { runAdviseCommand } from './commands/advise';
import { runCheckCommand } from './commands/check';
import { runDemoCommand } from './commands/demo';
import { runDiffCommand } from './commands/diff';
import { runSimulateCommand } from './commands/simulate';
import { PACKAGE_VERSION as VERSION } from '../../../protocol/build-info';

const HELP = `spark-dra ${VERSION}: Spark dynamic allocation and executor PVC checks and simulation

Usage:
  spark-dra check <files|dirs|globs...> [--format text|json|sarif] [--spark-version X] [--max-file-mb N]
                 [--workspace DIR | --no-workspace]
      Report what the editor would show. Exit 0: no errors; 1: errors found; 2: bad usage or unreadable input.
  spark-dra simulate [JOBFILE] [--workload FILE | --eventlog PATH [--app ID] | --preset NAME] [--job N] [--json]
                    [--conf key=value]... [--knob name=value]... [--no-calibration] [--workspace DIR | --no-workspace]
      Simulate the job's dynamic allocation against static allocation and print a summary (or JSON). With
      --eventlog, replay the log under its own configuration (and JOBFILE's), calibrated from the log; --conf sets
      Spark properties over the configuration, --knob sets simulator knobs (docs/simulator.md). --eventlog takes a
      log file (plain, zstd, lz4, snappy, lzf), a rolled eventlog_v2_* directory or a History Server .zip; --app ID
      chooses the application when the zip holds several.
  spark-dra simulate --trace FILE --json
      Drive Spark's allocation manager with a scripted trace (see docs/trace-format.md).
  spark-dra diff FILE --to-version X [--spark-version X] [--job N] [--preset NAME] [--format text|json]
      What the job does differently on Spark X: defaults and checks that change, written keys one version ignores,
      and the same workload simulated on both versions. Exit 0: diff printed; 2: bad usage, unreadable file, no
      such job or a version spark-dra does not know. --spark-version sets the job's current version.
  spark-dra advise JOBFILE [--preset NAME | --workload FILE | --eventlog PATH [--app ID]] [--job N]
                  [--max-slowdown PCT] [--spark-version X] [--knob name=value]... [--json]
                  [--workspace DIR | --no-workspace]
      Search the job's dynamic allocation settings on the workload: the cheapest settings at most PCT% (default 5)
      slower than the file as written, the cheapest and fastest settings, the cost/runtime frontier, and rules of
      thumb simulated beside them. Each point is the smallest set of changes; \`simulate JOBFILE\` with the same
      workload and those changes as --conf gives the same runtime and cost. --json prints the Advice object.
  spark-dra demo [DIR]
      Check every job file in DIR (default: examples) and simulate the first DRA job.
  spark-dra --help | --version

The workspace (check, simulate, advise): StorageClasses and PersistentVolumeClaims in other YAML files count, as in
the editor with the folder open. A job file's workspace is the nearest folder at or above it holding .git or .vscode,
else the file's own folder; --workspace DIR names it, --no-workspace reads only the files given. The scan reads at
most 3000 files, 8 folders deep, YAML files up to 512 KB, skipping hidden folders, node_modules and build output, and
enters a folder reached twice through symbolic links once.
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'check':
      return runCheckCommand(rest);
    case 'simulate':
      return runSimulateCommand(rest);
    case 'diff':
      return runDiffCommand(rest);
    case 'advise':
      return runAdviseCommand(rest);
    case 'demo':
      return runDemoCommand(rest);
    case '--version':
    case '-v':
      process.stdout.write(`${VERSION}\n`);
      return 0;
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      process.stdout.write(HELP);
      return command === undefined ? 2 : 0;
    default:
      throw new UsageError(`unknown command '${command}'`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`spark-dra: ${error.message}\n\n${HELP}`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`spark-dra: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    }
  },
);
