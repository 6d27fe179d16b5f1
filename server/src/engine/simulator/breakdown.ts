// A run's executor time split (time-ledger.ts) in the result's units: seconds per category and their sum.
import { EXECUTOR_TIME_CATEGORIES, type ExecutorTimeBreakdown } from '../../../../protocol/advice';
import type { ExecutorTimeSplit } from './time-ledger';

const seconds = (ms: number): number => Math.round(ms) / 1000;

export function toBreakdown(split: ExecutorTimeSplit): ExecutorTimeBreakdown {
  const out = {} as ExecutorTimeBreakdown['seconds'];
  let totalMs = 0;
  for (const category of EXECUTOR_TIME_CATEGORIES) {
    const ms = Math.round(split.ms[category]);
    out[category] = seconds(ms);
    totalMs += ms;
  }
  return { seconds: out, totalSec: seconds(totalMs) };
}
