// Validator for an executor-time breakdown before it reaches the webview: a clean copy with the known categories
// only, or undefined when a category is missing or not a finite, non-negative number. Pure: no DOM, no vscode.
import { EXECUTOR_TIME_CATEGORIES, type ExecutorTimeBreakdown } from './advice';
import { isObj, nonNegative } from './value-checks';

export function parseExecutorTimeBreakdown(x: unknown): ExecutorTimeBreakdown | undefined {
  if (!isObj(x) || !isObj(x.seconds) || !nonNegative(x.totalSec)) return undefined;
  const given = x.seconds;
  const seconds = {} as ExecutorTimeBreakdown['seconds'];
  for (const category of EXECUTOR_TIME_CATEGORIES) {
    const value = given[category];
    if (!nonNegative(value)) return undefined;
    seconds[category] = value;
  }
  return { seconds, totalSec: x.totalSec };
}
