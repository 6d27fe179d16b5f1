// One pod-latency model: the knob (and the editor setting of the same name) is the whole creation → registered time.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { KNOBS } from '../../../protocol/limits';
import { DEFAULT_PRICES } from '../../../server/src/engine/simulator/prices';
import { LATENCY_KNOBS, resolvePodLatency } from '../../../server/src/engine/simulator/k8s/latency';

const manifest = JSON.parse(readFileSync(resolve(__dirname, '../../../package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, { default?: unknown }> } };
};
const settings = manifest.contributes.configuration.properties;

const total = (knobs: Record<string, number> = {}): number => {
  const l = resolvePodLatency(knobs);
  return l.apiMs + l.startMs + l.registerMs;
};

describe('pod latency model', () => {
  it('the default total is the one declared in protocol/limits.ts', () => {
    assert.equal(LATENCY_KNOBS.podStartLatencySec, KNOBS.podStartLatencySec.default);
    assert.equal(total(), KNOBS.podStartLatencySec.default * 1000);
  });

  it('a given total is the whole creation → registered time, with nothing added on top', () => {
    assert.equal(total({ podStartLatencySec: 30 }), 30_000);
    const l = resolvePodLatency({ podStartLatencySec: 30 });
    assert.deepEqual([l.apiMs, l.startMs, l.registerMs], [1000, 27_000, 2000]);
  });

  it('a total shorter than the typical parts shortens them', () => {
    const l = resolvePodLatency({ podStartLatencySec: 2 });
    assert.deepEqual([l.apiMs, l.startMs, l.registerMs], [1000, 0, 1000]);
    assert.equal(total({ podStartLatencySec: 0 }), 0);
  });

  it('package.json offers the same defaults as the engine (latency and prices)', () => {
    assert.equal(settings['sparkDra.simulation.podStartLatencySec']?.default, KNOBS.podStartLatencySec.default);
    assert.equal(settings['sparkDra.simulation.emrVcpuHourUsd']?.default, DEFAULT_PRICES.emrVcpuHour);
    assert.equal(settings['sparkDra.simulation.emrGbHourUsd']?.default, DEFAULT_PRICES.emrGbHour);
    assert.equal(settings['sparkDra.simulation.ebsGibMonthUsd']?.default, DEFAULT_PRICES.ebsGibMonth);
    assert.equal(settings['sparkDra.simulation.instanceVcpuHourUsd']?.default, DEFAULT_PRICES.instanceVcpuHour);
  });
});
