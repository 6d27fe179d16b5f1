// Validator for an executor-time breakdown before it reaches the webview: a clean copy with the known categories
// only, or undefined when a category is missing or not a finite, non-negative number. Pure: no DOM, no vscode.
import { EXECUTOR_TIME_CATEGORIES, type ExecutorTimeBreakdown } from './advice';
import { isObj, nonNegative, nonNegativeFields } from './value-checks';

export function parseExecutorTimeBreakdown(x: unknown): ExecutorTimeBreakdown | undefined {
  if (!isObj(x) || !nonNegative(x.totalSec)) return undefined;
  const seconds = nonNegativeFields(x.seconds, EXECUTOR_TIME_CATEGORIES);
  return seconds ? { seconds, totalSec: x.totalSec } : undefined;
}
