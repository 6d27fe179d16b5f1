// The declaration of what the replay reads from TaskStart and TaskEnd (read-fields.ts) is what EventCollector reads:
// every shared log is fed to a collector with its task events wrapped in proxies that record each field read. A field
// read but not declared would be missing from extracted events; a field declared but never read is dead weight.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EventCollector } from '../../../server/src/engine/eventlog/collect';
import { EXTRACTED_EVENTS, type FieldTree } from '../../../server/src/engine/eventlog/read-fields';
import { sharedLogLines } from './extract-lines';

type Json = Record<string, unknown>;

const isPlainObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `value` behind a proxy that adds to `reads` the path of every member read ("*" for a listing of its keys). */
function recording(value: Json, path: string, reads: Set<string>): Json {
  return new Proxy(value, {
    get(target, key, receiver) {
      const member: unknown = Reflect.get(target, key, receiver);
      if (typeof key !== 'string') return member;
      const at = path === '' ? key : `${path}.${key}`;
      reads.add(at);
      return isPlainObject(member) ? recording(member, at, reads) : member;
    },
    has(target, key) {
      if (typeof key === 'string') reads.add(path === '' ? key : `${path}.${key}`);
      return Reflect.has(target, key);
    },
    ownKeys(target) {
      reads.add(path === '' ? '*' : `${path}.*`);
      return Reflect.ownKeys(target);
    },
  });
}

/** Every path of the tree: objects and the members read in them. */
function declaredPaths(tree: FieldTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, node]) => {
    const at = prefix === '' ? key : `${prefix}.${key}`;
    return node === true ? [at] : [at, ...declaredPaths(node, at)];
  });
}

describe('the declared fields of the extracted events', () => {
  it('read-fields: collect.ts over every shared log → reads exactly the declared fields of TaskStart and TaskEnd', () => {
    const reads = new Map<string, Set<string>>([...EXTRACTED_EVENTS.keys()].map((name) => [name, new Set()]));
    for (const lines of sharedLogLines().values()) {
      const collector = new EventCollector();
      for (const line of lines) {
        const event = JSON.parse(line) as Json;
        const name = String(event.Event);
        const read = reads.get(name);
        collector.handle(read ? recording(event, '', read) : event, name.slice(name.lastIndexOf('.') + 1));
      }
    }
    for (const [name, tree] of EXTRACTED_EVENTS) {
      const declared = declaredPaths(tree);
      const read = [...(reads.get(name) ?? [])];
      assert.deepEqual(
        read.filter((p) => !declared.includes(p)),
        [],
        `${name}: collect.ts reads fields that read-fields.ts does not declare (the extractor would drop them)`,
      );
      assert.deepEqual(
        declared.filter((p) => !read.includes(p)),
        [],
        `${name}: read-fields.ts declares fields collect.ts never reads`,
      );
    }
  });

  it('read-fields: a collector reading an undeclared field → caught by the recording', () => {
    const reads = new Set<string>();
    const event = recording({ Event: 'SparkListenerTaskEnd', 'Task Info': { Host: 'h' } }, '', reads);
    const info = event['Task Info'] as Json;
    assert.equal(info.Host, 'h');
    assert.ok(reads.has('Task Info.Host'));
    assert.equal(declaredPaths(EXTRACTED_EVENTS.get('SparkListenerTaskEnd') ?? {}).includes('Task Info.Host'), false);
  });
});
