// `spark-dra simulate`: trace mode now; job-file simulation is added with the cluster simulator.
import { readFileSync } from 'node:fs';
import { runTrace } from '../../engine/simulator/trace';
import { parseArgs, UsageError } from '../args';

export function runSimulateCommand(argv: string[]): number {
  const args = parseArgs(argv, ['trace', 'workload', 'eventlog', 'preset', 'job', 'spark-version'], ['json']);
  const tracePath = args.options.get('trace');
  if (tracePath !== undefined) return runTraceFile(tracePath, args.flags.has('json'));
  throw new UsageError('simulate needs --trace FILE');
}

function runTraceFile(path: string, json: boolean): number {
  let input: unknown;
  try {
    input = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    process.stderr.write(`spark-dra: cannot read trace ${path}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const result = runTrace(input);
  if (!result.ok) {
    process.stderr.write(`spark-dra: invalid trace ${path}: ${result.error}\n`);
    return 2;
  }
  if (json) {
    process.stdout.write(`${JSON.stringify(result.output, null, 2)}\n`);
    return 0;
  }
  const out = result.output;
  const lines = ['time      target  delta', ...out.decisions.map((d) => `${d.t.toFixed(1).padStart(7)}s ${String(d.target).padStart(7)} ${(d.delta > 0 ? '+' : '') + d.delta}`)];
  for (const r of out.removals) lines.push(`${r.t.toFixed(1).padStart(7)}s remove ${r.executors.join(', ')}`);
  lines.push(`final target ${out.final.target}; pending removal: ${out.final.pendingRemoval.join(', ') || 'none'}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
