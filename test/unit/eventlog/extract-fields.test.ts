// Differential tests of the field extractor (extract-fields.ts): whenever it gives fields, they equal the full
// JSON.parse of the line restricted to the declared fields; otherwise it gives undefined and the reader parses the
// line whole. Both of its ways are checked separately: the head pattern (Spark's layout) and the member walk.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  extractByHead,
  extractByWalk,
  extractFields,
  hasHeadPattern,
} from '../../../server/src/engine/eventlog/extract-fields';
import { EventCollector } from '../../../server/src/engine/eventlog/collect';
import { LineReader } from '../../../server/src/engine/eventlog/lines';
import { mulberry32 } from '../../../server/src/engine/workload/prng';
import { expectedFields, extractedLine, sharedLogLines } from './extract-lines';

type Outcome = 'extracted' | 'parsed whole';

/** Asserts every way of extracting the line is right or gives up; returns what the reader's extractor did. */
function check(line: string): Outcome {
  const x = extractedLine(line);
  if (x === undefined) return 'parsed whole';
  const expected = expectedFields(line, x.tree);
  const ways = {
    any: extractFields(line, x.from, x.name, x.withLayout),
    head: extractByHead(line, x.from, x.name, x.withLayout),
    walk: extractByWalk(line, x.from, x.name, x.walkOnly),
  };
  for (const [way, got] of Object.entries(ways)) {
    if (got === undefined || got === 'not laid out so') continue;
    assert.ok(expected !== undefined, `${way}: fields from a line JSON.parse rejects: ${line.slice(0, 160)}`);
    assert.deepEqual(got, expected, `${way}: ${line.slice(0, 160)}`);
  }
  return ways.any === undefined ? 'parsed whole' : 'extracted';
}

/** A TaskEnd line laid out as Spark 3.x writes it, with `tail` after the Task Info's Killed flag. */
function taskEnd(tail = ',"Accumulables":[{"ID":1,"Name":"x","Update":2}]},"Task Metrics":{"a":1}}'): string {
  return (
    '{"Event":"SparkListenerTaskEnd","Stage ID":3,"Stage Attempt ID":0,"Task Type":"ResultTask",' +
    '"Task End Reason":{"Reason":"Success"},"Task Info":{"Task ID":7,"Index":7,"Attempt":0,"Launch Time":1000,' +
    '"Executor ID":"2","Host":"h","Locality":"PROCESS_LOCAL","Speculative":false,"Getting Result Time":0,' +
    `"Finish Time":1500,"Failed":false,"Killed":false${tail}`
  );
}

describe('field extractor', () => {
  it('extract-fields: both extracted events → a head pattern (the layout covers every declared field)', () => {
    for (const name of ['SparkListenerTaskStart', 'SparkListenerTaskEnd']) {
      const x = extractedLine(`{"Event":"${name}"}`);
      assert.ok(x && hasHeadPattern(x.withLayout), name);
      assert.equal(hasHeadPattern(x.walkOnly), false);
    }
  });

  it('extract-fields: every line of every shared log → the full parse restricted to the declared fields', () => {
    for (const [name, lines] of sharedLogLines()) {
      let tasks = 0;
      for (const line of lines) {
        if (extractedLine(line) === undefined) continue;
        tasks++;
        const outcome = check(line);
        // The fast path must be the one real logs take: every task start and successful task end (a failure's
        // reason carries more members, and may be parsed whole).
        if (line.startsWith('{"Event":"SparkListenerTaskStart"') || line.includes('{"Reason":"Success"}'))
          assert.equal(outcome, 'extracted', `${name}: ${line.slice(0, 200)}`);
      }
      assert.ok(tasks > 0, `${name}: no TaskStart or TaskEnd lines`);
    }
  });

  it('extract-fields: each shared log through the line reader → the collector state JSON.parse of every line gives', () => {
    for (const [name, lines] of sharedLogLines()) {
      const fast = new EventCollector();
      const reader = new LineReader({ name }, true, 0, (e, n) => fast.handle(e, n));
      // In pieces that split lines, as the reader gets them from a stream.
      const text = `${lines.join('\n')}\n`;
      for (let at = 0; at < text.length; at += 65_536) reader.push(text.slice(at, at + 65_536));
      assert.equal(reader.end().ok, true, name);
      const full = new EventCollector();
      for (const line of lines) {
        const event = JSON.parse(line) as { Event: string };
        full.handle(event, event.Event.slice(event.Event.lastIndexOf('.') + 1));
      }
      assert.deepEqual(fast, full, name);
    }
  });

  it('extract-fields: hand-made lines laid out as Spark writes them → extracted', () => {
    assert.equal(check(taskEnd()), 'extracted');
    assert.equal(check(taskEnd(',"Accumulables":[]}}')), 'extracted');
    // Spark 3.3+ writes the partition id; escapes in values nobody reads are fine.
    assert.equal(check(taskEnd().replace('"Attempt":0,', '"Attempt":0,"Partition ID":7,')), 'extracted');
    assert.equal(check(taskEnd().replace('"Host":"h"', '"Host":"\\"\\u0041\\\\"')), 'extracted');
    const start =
      '{"Event":"SparkListenerTaskStart","Stage ID":0,"Stage Attempt ID":0,"Task Info":{"Task ID":0,"Index":0,' +
      '"Attempt":0,"Launch Time":5,"Executor ID":"1","Host":"h","Locality":"ANY","Speculative":true,' +
      '"Getting Result Time":0,"Finish Time":0,"Failed":false,"Killed":false,"Accumulables":[]}}';
    assert.equal(check(start), 'extracted');
  });

  it('extract-fields: a declared key again after the head (plain, \\u-escaped, spaced, or "Event") → parsed whole', () => {
    const again = [
      ',"Accumulables":[]},"Stage ID":4}',
      ',"Accumulables":[{"x":1}],"Launch Time":9}}',
      ',"Accumulables":[{"x":1}],"Launch\\u0020Time":9}}',
      ',"Accumulables":[{"x":1}],"Finish Time" :9}}',
      ',"Accumulables":[{"x":1}]},"Event":"SparkListenerJobEnd"}',
      ',"Accumulables":[{"x":1}]},"Task Info":{}}',
      // A key that ends in a declared name after an escaped quote: another key, but the search cannot tell.
      ',"Accumulables":[{"a\\"Index":1}]}}',
    ];
    for (const tail of again) assert.equal(check(taskEnd(tail)), 'parsed whole', tail);
    // A declared name quoted inside a string value has its quotes escaped, so it is not taken for a key.
    assert.equal(check(taskEnd(',"Accumulables":[{"Name":"\\"Index\\":1, \\"Event\\":"}]}}')), 'extracted');
  });

  it('extract-fields: unexpected heads → walked or parsed whole, never a wrong field', () => {
    const lines = [
      // Key order changed: Task Info before the reason, the reason's members in another order.
      '{"Event":"SparkListenerTaskEnd","Task Info":{"Launch Time":1,"Finish Time":2},"Stage ID":1,' +
        '"Task End Reason":{"Class Name":"x","Reason":"ExceptionFailure"}}',
      // Escapes in a string the replay reads; a control character in one.
      taskEnd().replace('"Executor ID":"2"', '"Executor ID":"\\u0032"'),
      taskEnd().replace('"Executor ID":"2"', '"Executor ID":"2\t"'),
      // A key missing; a declared key twice in the head (JSON.parse keeps the second).
      taskEnd().replace('"Finish Time":1500,', ''),
      taskEnd().replace('"Index":7,', '"Index":7,"Index":8,'),
      '{"Event":"SparkListenerTaskEnd","Stage ID":1,"Stage ID":2}',
      '{"Event":"SparkListenerTaskEnd","Event":"SparkListenerJobStart","Stage ID":1}',
      // Whitespace; an escaped key; numbers JSON.parse reads differently from a naive reader.
      taskEnd().replace('"Stage ID":3,', '"Stage ID": 3,'),
      taskEnd().replace('"Stage ID":3,', '"Stage\\u0020ID":3,'),
      taskEnd().replace('"Launch Time":1000,', '"Launch Time":1.5e3,'),
      taskEnd().replace('"Launch Time":1000,', '"Launch Time":-0,'),
      taskEnd().replace('"Launch Time":1000,', '"Launch Time":0123,'),
      taskEnd().replace('"Launch Time":1000,', '"Launch Time":12345678901234567890123,'),
      // Values of another kind: a declared object that is not one, a declared scalar that is an object.
      taskEnd().replace('"Task End Reason":{"Reason":"Success"}', '"Task End Reason":null'),
      taskEnd().replace('"Task End Reason":{"Reason":"Success"}', '"Task End Reason":{"Reason":{"a":1}}'),
      '{"Event":"SparkListenerTaskEnd","Task Info":[{"Launch Time":1}]}',
      // Declared keys nested where the replay does not read them, and inside strings.
      '{"Event":"SparkListenerTaskEnd","Other":{"Stage ID":9},"Stage ID":1}',
      '{"Event":"SparkListenerTaskEnd","Host":"\\"Stage ID\\":9","Stage ID":1,"Task Info":{"Launch Time":3}}',
      '{"Event":"SparkListenerTaskEnd","Task Info":{"Host":"{\\"Launch Time\\":9}","Launch Time":3}}',
      // Empty objects and the smallest lines.
      '{"Event":"SparkListenerTaskEnd","Task Info":{},"Task End Reason":{}}',
      '{"Event":"SparkListenerTaskEnd"}',
      '{"Event":"SparkListenerTaskStart","Task Info":{"Launch Time":5}}',
    ];
    for (const line of lines) check(line);
    // Where JSON.parse keeps the later of two keys, the extractor must not give the first.
    assert.equal(check(taskEnd().replace('"Index":7,', '"Index":7,"Index":8,')), 'parsed whole');
    assert.equal(
      check('{"Event":"SparkListenerTaskEnd","Event":"SparkListenerJobStart","Stage ID":1}'),
      'parsed whole',
    );
  });

  it('extract-fields: every truncation of a task line → parsed whole unless it still ends with "}" after the head', () => {
    const line = taskEnd();
    for (let cut = 1; cut < line.length; cut++) {
      const short = line.slice(0, cut);
      const x = extractedLine(short);
      if (x === undefined) continue;
      const got = extractFields(short, x.from, x.name, x.withLayout);
      // A line cut inside the metrics that happens to end with "}" keeps the fields it read in full (the unread rest
      // is not validated, as for skipped events); anything cut sooner is parsed whole, and fails.
      if (got !== undefined) assert.deepEqual(got, expectedFields(line, x.tree), short);
    }
  });

  it('extract-fields: 5,000 seeded mutations of real TaskEnd lines → the full parse, or parsed whole', () => {
    const random = mulberry32(20261205);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
    const taskEnds = [...sharedLogLines().values()].flat().filter((l) => l.includes('"SparkListenerTaskEnd"'));
    const alphabet = ['"', '\\', '{', '}', '[', ']', ',', ':', ' ', 'u', '0', '9', '-', '.', 'e', 't', 'n'];
    const keys = ['"Stage ID":', '"Index":', '"Launch Time":', '"Finish Time":', '"Executor ID":', '"Event":'];
    let extracted = 0;
    for (let n = 0; n < 5000; n++) {
      const original = pick(taskEnds);
      let line = original;
      const at = Math.floor(random() * line.length);
      switch (Math.floor(random() * 5)) {
        case 0:
          line = line.slice(0, at) + line.slice(at + 1);
          break;
        case 1:
          line = line.slice(0, at) + pick(alphabet) + line.slice(at);
          break;
        case 2:
          line = line.slice(0, at) + pick(alphabet) + line.slice(at + 1);
          break;
        case 3: {
          // A declared member written again somewhere, as a duplicate key would be.
          const key = pick(keys);
          line = `${line.slice(0, at)}${key}${Math.floor(random() * 100)},${line.slice(at)}`;
          break;
        }
        default: {
          // A digit changed inside the head, where the read values are.
          const head = Math.floor(random() * Math.min(400, line.length));
          const c = line.charCodeAt(head);
          if (c >= 0x30 && c <= 0x39) line = line.slice(0, head) + String((c - 0x30 + 1) % 10) + line.slice(head + 1);
        }
      }
      const x = extractedLine(line);
      if (x === undefined) continue;
      const expected = expectedFields(line, x.tree);
      for (const got of [
        extractFields(line, x.from, x.name, x.withLayout),
        extractByWalk(line, x.from, x.name, x.walkOnly),
      ]) {
        if (got === undefined) continue;
        // Valid JSON: exactly the full parse. Invalid JSON (damage the extractor does not read): the fields of the
        // line before the damage, never a value the damage made up.
        assert.deepEqual(got, expected ?? expectedFields(original, x.tree), line.slice(0, 200));
      }
      if (extractFields(line, x.from, x.name, x.withLayout) !== undefined) extracted++;
    }
    assert.ok(extracted > 1000, `only ${extracted} mutated lines extracted: the test would prove little`);
  });
});
