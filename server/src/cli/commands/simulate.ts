// `spark-dra simulate`
import { UsageError } from '../args';

export function runSimulateCommand(argv: string[]): number {
  void argv;
  throw new UsageError('simulate is being wired');
}
