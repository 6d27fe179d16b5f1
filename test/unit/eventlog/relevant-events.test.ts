// The reader's routing of a line by its leading "Event" field: names compared in place and names looked up must
// give the same route.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  EventRoutes,
  ignoredEvent,
  leadingEventEnd,
  RELEVANT_EVENTS,
} from '../../../server/src/engine/eventlog/relevant-events';

const routes = new EventRoutes(new Map([['SparkListenerTaskEnd', 'task end reading']]));

function routeOf(name: string): { name: string; ignored: boolean; reading: string | undefined } {
  const line = `{"Event":"${name}","x":1}`;
  const end = leadingEventEnd(line);
  assert.ok(end > 0, name);
  const { name: routed, ignored, reading } = routes.route(line, end);
  return { name: routed, ignored, reading };
}

test('relevant-events: known, frequent and unknown names → the route their name gives', () => {
  const names = [
    ...RELEVANT_EVENTS,
    'SparkListenerBlockUpdated',
    'org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionStart',
    'SparkListenerSomethingNew',
    'com.example.SparkListenerTaskEnd',
    // The same length as a known name, differing in one letter.
    'SparkListenerTaskEnX',
  ];
  for (const name of names) {
    const expected = {
      name,
      ignored: ignoredEvent(name),
      reading: name === 'SparkListenerTaskEnd' ? 'task end reading' : undefined,
    };
    assert.deepEqual(routeOf(name), expected, name);
  }
  assert.equal(routeOf('SparkListenerBlockUpdated').ignored, true);
  assert.equal(routeOf('SparkListenerJobStart').ignored, false);
});

test('relevant-events: lines not opening with a plain "Event" field → no route (parsed whole)', () => {
  for (const line of [
    '{ "Event":"SparkListenerTaskEnd"}',
    '{"Event":"Spark\\u004cistenerTaskEnd"}',
    '{"Event":"SparkListenerTaskEnd"',
    '{"Stage ID":1,"Event":"SparkListenerTaskEnd"}',
  ])
    assert.equal(leadingEventEnd(line), -1, line);
});
