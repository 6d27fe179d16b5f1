// Shared helpers for the field-extractor tests: the lines of every shared log, and what a correct extraction of a
// line is (its full parse restricted to the declared fields).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeEventLogBytes } from '../../../server/src/engine/eventlog/decode';
import { compileEvent, type CompiledEvent } from '../../../server/src/engine/eventlog/extract-fields';
import { EXTRACTED_EVENTS, type FieldTree } from '../../../server/src/engine/eventlog/read-fields';
import { leadingEventEnd, leadingEventName } from '../../../server/src/engine/eventlog/relevant-events';
import { SPARK_LAYOUTS } from '../../../server/src/engine/eventlog/spark-layouts';
import { LOGS } from './logs';

/** Every non-blank line of every shared log (the zstd ones decoded), by file name. */
export function sharedLogLines(): Map<string, string[]> {
  const logs = new Map<string, string[]>();
  for (const name of readdirSync(LOGS).sort()) {
    if (name.endsWith('.md') || name.endsWith('.txt')) continue;
    const decoded = decodeEventLogBytes(readFileSync(join(LOGS, name)), name);
    if (!decoded.ok) assert.fail(`${name}: ${decoded.error}`);
    logs.set(
      name,
      decoded.text.split('\n').filter((l) => l.trim() !== ''),
    );
  }
  return logs;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The parsed value restricted to the declared fields (a declared object that is not one is kept as it is). */
export function restricted(value: Record<string, unknown>, tree: FieldTree): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, node] of Object.entries(tree)) {
    if (!Object.hasOwn(value, key)) continue;
    const member = value[key];
    out[key] = node !== true && isPlainObject(member) ? restricted(member, node) : member;
  }
  return out;
}

/** The full parse of a line as the extractor must give it: "Event" plus the declared fields. */
export function expectedFields(line: string, tree: FieldTree): Record<string, unknown> | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!isPlainObject(parsed)) return undefined;
  return { Event: parsed.Event, ...restricted(parsed, tree) };
}

export interface ExtractedLine {
  line: string;
  name: string;
  from: number;
  tree: FieldTree;
  /** With the Spark layout (head pattern first), and with the walk alone. */
  withLayout: CompiledEvent;
  walkOnly: CompiledEvent;
}

const compiled = new Map(
  [...EXTRACTED_EVENTS].map(([name, tree]) => [
    name,
    { tree, withLayout: compileEvent(tree, SPARK_LAYOUTS.get(name)), walkOnly: compileEvent(tree) },
  ]),
);

/** The line's extractors when it opens with the "Event" field of an extracted event; undefined otherwise. */
export function extractedLine(line: string): ExtractedLine | undefined {
  const end = leadingEventEnd(line);
  if (end < 0) return undefined;
  const name = leadingEventName(line, end);
  const c = compiled.get(name);
  return c && { line, name, from: end + 1, ...c };
}
