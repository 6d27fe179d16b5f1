// Messages between the advisor and its evaluation threads (structured clone, plain data only).
import type { Changes, Evaluation, SearchTarget } from './types';

export type ToEvaluator = { kind: 'target'; target: SearchTarget } | { kind: 'batch'; id: number; items: Changes[] };

export interface FromEvaluator {
  id: number;
  results: Evaluation[];
}

export function isFromEvaluator(message: unknown): message is FromEvaluator {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Partial<FromEvaluator>;
  return typeof m.id === 'number' && Array.isArray(m.results);
}
