// Shared helpers for the event-log tests: where the public fixture logs live, and reading one that must succeed.
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { readEventLog } from '../../../server/src/engine/eventlog';
import type { EventLogReplay, EventLogResult } from '../../../server/src/engine/eventlog';

/** /work/shared/eventlogs locally; CI keeps ../shared beside the repository too. Tests run from the repo root. */
export const LOGS = resolve(process.cwd(), '../shared/eventlogs');

export const SPARK_SHELL = resolve(LOGS, 'job_spark_shell');
export const DRA = resolve(LOGS, 'eventlog_4nodes_8cores_dynamic_alloc.zstd');
export const STATIC_FAILURES = resolve(LOGS, 'tasks_executors_fail_compressed_eventlog.zstd');
export const LINKEDIN_DRA = resolve(LOGS, 'application_1628109047826_1317105');

export function expectOk(r: EventLogResult): EventLogReplay {
  if (!r.ok) assert.fail(`expected the log to be read, got: ${r.error}`);
  return r;
}

const cache = new Map<string, Promise<EventLogResult>>();

/** Reads a fixture once per test file. */
export async function load(path: string): Promise<EventLogReplay> {
  let p = cache.get(path);
  if (!p) {
    p = readEventLog(path);
    cache.set(path, p);
  }
  return expectOk(await p);
}
