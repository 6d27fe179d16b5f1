// Going over an event-log limit is an `over-budget` problem that names the limit; a damaged log stays
// `unreadable-input`. Checked through the facade, for text in memory and for a file read from disk.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSparkDraService } from '../../../server/src/engine';
import type { Problem, Result } from '../../../protocol/result';
import { SPARK_SHELL } from './logs';

let root = '';
let hugeStage = '';

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'spark-dra-limit-problems-'));
  const shell = await readFile(SPARK_SHELL, 'utf8');
  hugeStage = shell.replaceAll('"Number of Tasks":8,', '"Number of Tasks":1000000000,');
  assert.notEqual(hugeStage, shell);
});

after(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

function problemOf<T>(r: Result<T>): Problem {
  if (r.ok) assert.fail('expected a problem');
  return r.problem;
}

const TASK_LIMIT = { name: 'EVENTLOG_LIMITS.maxTasksPerStage', figure: 1_000_000_000, allowed: 5_000_000 };

test('a stage over the task limit, in memory → over-budget naming the limit', () => {
  const problem = problemOf(createSparkDraService().parseEventLog(hugeStage, 'huge'));
  assert.equal(problem.code, 'over-budget');
  assert.match(problem.message, /stage 0 claims 1,000,000,000 tasks/);
  assert.deepEqual(problem.limit, { ...TASK_LIMIT, stage: 'during' });
});

test('a stage over the task limit, read from a file → over-budget naming the limit', async () => {
  const path = join(root, 'huge.json');
  await writeFile(path, hugeStage);
  const problem = problemOf(await createSparkDraService().readEventLog(path));
  assert.equal(problem.code, 'over-budget');
  assert.deepEqual(problem.limit, { ...TASK_LIMIT, stage: 'during' });
});

test('a damaged line → unreadable-input with no limit', () => {
  const lines = hugeStage.split('\n');
  lines[1] = '{"Event": broken';
  const problem = problemOf(createSparkDraService().parseEventLog(lines.join('\n'), 'damaged'));
  assert.equal(problem.code, 'unreadable-input');
  assert.equal(problem.limit, undefined);
});
