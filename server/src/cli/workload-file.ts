// Reads a workload description (docs/workload-format.md) from a JSON file for `simulate` and `advise`.
import { readFileSync } from 'node:fs';
import type { SparkDraService, Workload } from '../engine';

/** The workload, or a message saying why it cannot be used. */
export function readWorkloadFile(service: SparkDraService, path: string): Workload | string {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return `cannot read workload ${path}: ${error instanceof Error ? error.message : String(error)}`;
  }
  const parsed = service.parseWorkload(raw);
  return parsed.ok ? parsed.value : `invalid workload ${path}: ${parsed.problem.message}`;
}
