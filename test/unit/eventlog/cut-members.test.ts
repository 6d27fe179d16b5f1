// Differential tests of cutting a TaskEnd's unread parts before JSON.parse: whenever a cut is made, parsing its
// result equals parsing the whole line and then deleting the cut members; otherwise the cut gives up (undefined) and
// the reader parses the whole line.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cutMembers, type CutRule } from '../../../server/src/engine/eventlog/cut-members';
import { decodeEventLogBytes } from '../../../server/src/engine/eventlog/decode';
import { TASK_END_UNREAD, withoutUnreadParts } from '../../../server/src/engine/eventlog/relevant-events';
import { LOGS } from './logs';

/** The parsed value with the members `rule` names deleted: what a correct cut must parse to. */
function minus(value: unknown, rule: CutRule): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    if (rule.drop.has(key)) continue;
    const nested = rule.inside?.get(key);
    out[key] = nested ? minus(member, nested) : member;
  }
  return out;
}

/** Asserts the cut is right when made; returns whether it was made. */
function checkCut(line: string, rule: CutRule = TASK_END_UNREAD): boolean {
  const cut = cutMembers(line, rule);
  if (cut === undefined) return false;
  assert.deepEqual(JSON.parse(cut), minus(JSON.parse(line), rule), `cut of ${line.slice(0, 120)}`);
  return true;
}

function sharedLogLines(): Map<string, string[]> {
  const logs = new Map<string, string[]>();
  for (const name of readdirSync(LOGS)) {
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

const HOSTILE_TASK_END = [
  // Braces, brackets and quotes inside strings, in kept and cut parts alike.
  String.raw`{"Event":"SparkListenerTaskEnd","Stage ID":1,"Task Metrics":{"a":"}{][\"x","b":[1,{"c":"]"}]},"Task Info":{"Host":"{\"Accumulables\":[1]}","Accumulables":[{"Name":"a]}\\","V":1}],"Launch Time":5},"Task End Reason":{"Reason":"Success"}}`,
  // Runs of backslashes before a quote: even runs end the string, odd runs escape the quote.
  String.raw`{"Event":"SparkListenerTaskEnd","Task Info":{"Host":"a\\\\","Accumulables":[{"S":"q\\\"}"}],"Index":2},"Task Metrics":{"k":"\\\\\\\"}}"}}`,
  // Unicode escapes in values, including an escaped quote and brace.
  String.raw`{"Event":"SparkListenerTaskEnd","Task Info":{"Host":"\u0022\u007b","Accumulables":[{"N":"\u005d\u0022"}]},"Task Metrics":{"x":"\u00e9\ud83d\ude00"}}`,
  // Key order changed: the cut members first, Task Info last, Accumulables first inside it.
  `{"Task Metrics":{"a":1},"Task Executor Metrics":{"b":2},"Task Info":{"Accumulables":[],"Launch Time":7},"Event":"SparkListenerTaskEnd"}`,
  // The cut keys appearing inside string values (and as values), which must stay.
  `{"Event":"SparkListenerTaskEnd","Task Type":"\\"Task Metrics\\":{","Note":"Task Metrics","Task Info":{"Host":"Accumulables","Locality":",\\"Accumulables\\":[]"},"Task Metrics":"Task Metrics"}`,
  // Every member cut; the same key twice; scalars and nulls as cut values.
  `{"Task Metrics":1,"Task Executor Metrics":null}`,
  `{"Event":"SparkListenerTaskEnd","Task Metrics":{"a":1},"Stage ID":3,"Task Metrics":[true,false,null],"Task Info":{"Accumulables":1,"Accumulables":"x"}}`,
  // Nested objects under a kept key with the cut names, which are not at the cut depth.
  `{"Event":"SparkListenerTaskEnd","Task End Reason":{"Task Metrics":{"a":1},"Accumulables":[1]},"Task Info":{"Inner":{"Accumulables":[2]}}}`,
  // An empty Task Info, an empty line object, and a Task Info that is not an object.
  `{"Event":"SparkListenerTaskEnd","Task Info":{}}`,
  `{}`,
  `{"Event":"SparkListenerTaskEnd","Task Info":[{"Accumulables":[]}],"Task Metrics":{}}`,
];

describe('cutting unread TaskEnd parts before JSON.parse', () => {
  it('cut-members: every line of every shared log → parses to the full parse minus the cut parts', () => {
    let taskEnds = 0;
    let withUpdates = 0;
    for (const [name, lines] of sharedLogLines()) {
      for (const line of lines) {
        const isTaskEnd = line.startsWith('{"Event":"SparkListenerTaskEnd",');
        const made = checkCut(line);
        if (isTaskEnd) {
          taskEnds++;
          // The shared logs are Spark's compact writing: the cut must not fall back on any of their TaskEnds.
          assert.ok(made, `${name}: a TaskEnd fell back to the full parse`);
          const reader = withoutUnreadParts(line);
          if (line.includes('"Accumulables":[{')) {
            assert.ok(reader.length < line.length, `${name}: a TaskEnd with accumulator updates kept them`);
            withUpdates++;
          } else {
            assert.equal(reader, line, `${name}: a TaskEnd without accumulator updates is parsed whole`);
          }
        } else {
          assert.equal(withoutUnreadParts(line), line, `${name}: only TaskEnd lines are cut`);
        }
      }
    }
    assert.ok(taskEnds > 8_630, `expected the shared logs' TaskEnds, saw ${taskEnds}`);
    assert.ok(withUpdates > 8_000, `expected most shared TaskEnds to carry accumulator updates, saw ${withUpdates}`);
  });

  it('cut-members: hostile but valid lines → cut equals full parse minus the cut parts', () => {
    for (const line of HOSTILE_TASK_END) {
      JSON.parse(line); // each is valid JSON
      assert.ok(checkCut(line), `expected a cut of ${line}`);
    }
  });

  it('cut-members: strings holding the cut keys → kept word for word', () => {
    const cut = cutMembers(HOSTILE_TASK_END[4]!, TASK_END_UNREAD);
    assert.deepEqual(JSON.parse(cut!), {
      Event: 'SparkListenerTaskEnd',
      'Task Type': '"Task Metrics":{',
      Note: 'Task Metrics',
      'Task Info': { Host: 'Accumulables', Locality: ',"Accumulables":[]' },
    });
  });

  it('cut-members: every truncation of a line → no cut (the whole line is parsed and fails)', () => {
    for (const line of HOSTILE_TASK_END) {
      for (let length = 0; length < line.length; length++) {
        assert.equal(cutMembers(line.slice(0, length), TASK_END_UNREAD), undefined, `prefix ${length} of ${line}`);
      }
    }
  });

  it('cut-members: whitespace, escaped keys, trailing text or mismatched brackets → no cut', () => {
    const unusual = [
      '{ "Event":"SparkListenerTaskEnd","Task Metrics":{}}',
      '{"Event": "SparkListenerTaskEnd","Task Metrics":{}}',
      '{"Event":"SparkListenerTaskEnd","Task Metrics":{}} ',
      '{"Event":"SparkListenerTaskEnd","Task Metrics":{}}{}',
      String.raw`{"Event":"SparkListenerTaskEnd","Task\u0020Metrics":{"a":1}}`,
      String.raw`{"Event":"SparkListenerTaskEnd","Task Info":{"Accum\u0075lables":[]}}`,
      '{"Event":"SparkListenerTaskEnd","Task Metrics":{"a":[1}]}',
      '{"Event":"SparkListenerTaskEnd","Task Metrics":{"a":1]}',
      '{"Event":"SparkListenerTaskEnd","Task Metrics":}',
      '{"Event":"SparkListenerTaskEnd",,"Task Metrics":{}}',
      '{"Event":"SparkListenerTaskEnd","Task Metrics"{}}',
      '["Task Metrics"]',
      '',
    ];
    for (const line of unusual) assert.equal(cutMembers(line, TASK_END_UNREAD), undefined, line);
  });

  it('cut-members: values nested deeper than the patterns → cut metrics still cut; other deep members kept whole', () => {
    const deep = (depth: number): string => '['.repeat(depth) + '"]}"' + ']'.repeat(depth);
    const line = `{"Event":"SparkListenerTaskEnd","Task Metrics":{"x":${deep(40)}},"Task Info":{"Accumulables":${deep(40)},"Index":1}}`;
    assert.equal(cutMembers(line, TASK_END_UNREAD), '{"Event":"SparkListenerTaskEnd","Task Info":{"Index":1}}');
    const keptDeep = `{"Event":"SparkListenerTaskEnd","Extra":${deep(40)},"Task Metrics":{}}`;
    assert.ok(checkCut(keptDeep) || cutMembers(keptDeep, TASK_END_UNREAD) === undefined);
  });

  it('cut-members: a long unbalanced line → no cut, in time linear in its length', () => {
    for (const filler of ['[', '{"a":', '"\\', '1,']) {
      const line = `{"Event":"SparkListenerTaskEnd","Task Metrics":${filler.repeat(50_000)}`;
      assert.equal(cutMembers(line, TASK_END_UNREAD), undefined);
      assert.equal(cutMembers(`${line}}`, TASK_END_UNREAD), undefined);
    }
  });

  it('cut-members: an escaped-key TaskEnd line → the reader parses it whole, metrics included', () => {
    const line = String.raw`{"Event":"SparkListenerTaskEnd","Task\u0020Metrics":{"a":1}}`;
    assert.equal(withoutUnreadParts(line), line);
  });

  it('cut-members: random compact objects with hostile strings → cut equals full parse minus the cut parts', () => {
    let seed = 12345;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const pieces = ['Task Metrics', 'Accumulables', '"', '\\', '{', '}', '[', ']', ',', ':', '\u00e9', '\u2028', 'a'];
    const randomString = (): string => {
      let s = '';
      for (let n = random(6); n > 0; n--) s += pieces[random(pieces.length)];
      return s;
    };
    const keys = ['Task Metrics', 'Task Executor Metrics', 'Task Info', 'Accumulables', 'Event', 'Stage ID'];
    const randomValue = (depth: number): unknown => {
      switch (random(depth > 2 ? 4 : 6)) {
        case 0:
          return randomString();
        case 1:
          return random(1000) - 500 + random(100) / 100;
        case 2:
          return [true, false, null][random(3)];
        case 3:
          return random(2) === 0 ? randomString() : -1e21;
        case 4:
          return Array.from({ length: random(4) }, () => randomValue(depth + 1));
        default:
          return randomObject(depth + 1);
      }
    };
    const randomObject = (depth: number): Record<string, unknown> => {
      const o: Record<string, unknown> = {};
      for (let n = random(6); n > 0; n--) {
        const key = random(3) === 0 ? randomString() : keys[random(keys.length)]!;
        o[key] = randomValue(depth);
      }
      return o;
    };
    let made = 0;
    for (let i = 0; i < 3000; i++) {
      const line = JSON.stringify(randomObject(0));
      if (checkCut(line)) made++;
    }
    // JSON.stringify writes the compact form, so only keys with escapes (quotes, backslashes) may fall back.
    assert.ok(made > 2000, `only ${made} of 3000 random lines were cut`);
  });
});
