// The work pool's slots: requested jobs first, code-lens work only when no request runs or waits, and never in the
// last free slot.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WorkSlots, type JobPriority, type Release } from '../../../server/src/lsp/work/slots';

/** Asks for a slot and records when it is granted. */
function ask(slots: WorkSlots, priority: JobPriority, log: string[], label: string): Promise<Release> {
  return slots.acquire(priority).then((release) => {
    log.push(label);
    return release;
  });
}

/** Lets granted promises settle. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

test('work slots: two requests on two slots → both start at once, a third waits for a release', async () => {
  const slots = new WorkSlots(2);
  const started: string[] = [];
  const first = await ask(slots, 'request', started, 'a');
  await ask(slots, 'request', started, 'b');
  const third = ask(slots, 'request', started, 'c');
  await settle();
  assert.deepEqual(started, ['a', 'b']);
  first();
  await third;
  assert.deepEqual(started, ['a', 'b', 'c']);
});

test('work slots: a lens job while a request runs → it waits until the request ends, though a slot is free', async () => {
  const slots = new WorkSlots(2);
  const started: string[] = [];
  const request = await ask(slots, 'request', started, 'simulate');
  const lens = ask(slots, 'background', started, 'lens');
  await settle();
  assert.deepEqual(started, ['simulate']);
  assert.deepEqual(slots.running, { request: 1, background: 0 });
  request();
  await lens;
  assert.deepEqual(started, ['simulate', 'lens']);
});

test('work slots: lens jobs on an idle pool → one at a time, the other slot kept for a request', async () => {
  const slots = new WorkSlots(2);
  const started: string[] = [];
  const firstLens = await ask(slots, 'background', started, 'lens 1');
  const secondLens = ask(slots, 'background', started, 'lens 2');
  await settle();
  assert.deepEqual(started, ['lens 1']);
  // The free slot goes to a request at once, not to the waiting lens.
  const request = await ask(slots, 'request', started, 'simulate');
  assert.deepEqual(started, ['lens 1', 'simulate']);
  firstLens();
  await settle();
  assert.deepEqual(started, ['lens 1', 'simulate'], 'the lens waited while the request ran');
  request();
  await secondLens;
  assert.deepEqual(started, ['lens 1', 'simulate', 'lens 2']);
});

test('work slots: requests and lens jobs waiting together → requests are granted first, in order', async () => {
  const slots = new WorkSlots(1);
  const started: string[] = [];
  const busy = await ask(slots, 'request', started, 'busy');
  const waiting = [
    ask(slots, 'background', started, 'lens'),
    ask(slots, 'request', started, 'r1'),
    ask(slots, 'request', started, 'r2'),
  ];
  busy();
  for (const next of waiting) {
    // Each grant is released at once so the next one can start.
    void next.then((release) => setImmediate(release));
  }
  await Promise.all(waiting);
  assert.deepEqual(started, ['busy', 'r1', 'r2', 'lens']);
});

test('work slots: a release called twice → frees one slot only', async () => {
  const slots = new WorkSlots(1);
  const started: string[] = [];
  const first = await ask(slots, 'request', started, 'a');
  const second = ask(slots, 'request', started, 'b');
  const third = ask(slots, 'request', started, 'c');
  first();
  first();
  await second;
  await settle();
  assert.deepEqual(started, ['a', 'b'], 'the second release of the same turn let no other job in');
  (await second)();
  await third;
  assert.deepEqual(started, ['a', 'b', 'c']);
});
