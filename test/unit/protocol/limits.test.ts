// The protocol's one declaration of every limit: package.json's settings declare the same ranges, and the checkers
// accept exactly what the declarations allow.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import {
  isJobIndex,
  isKnobValue,
  isSettableValue,
  isSparkKey,
  KNOBS,
  SETTING_RANGES,
  VALUE_MAX,
} from '../../../protocol/limits';

interface SettingSchema {
  minimum?: number;
  maximum?: number;
}
const manifest = JSON.parse(readFileSync(resolve(__dirname, '../../../package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, SettingSchema> } };
};
const settings = manifest.contributes.configuration.properties;

describe('protocol limits', () => {
  it('package.json declares the same range for every numeric setting the server reads', () => {
    for (const [name, range] of Object.entries(SETTING_RANGES)) {
      const schema = settings[name];
      assert.ok(schema, `${name} is declared in package.json`);
      assert.equal(schema.minimum, range.min, `${name} minimum`);
      assert.equal(schema.maximum, range.max, `${name} maximum`);
    }
    const numeric = Object.entries(settings).filter(([, s]) => 'minimum' in s || 'maximum' in s);
    for (const [name] of numeric) assert.ok(name in SETTING_RANGES, `${name} has a declared range`);
  });

  it('every knob has a setting of the same range', () => {
    for (const knob of Object.values(KNOBS)) {
      assert.deepEqual(SETTING_RANGES[knob.setting], { min: knob.min, max: knob.max });
    }
  });

  it('checks values, keys, knobs and job indexes against the declarations', () => {
    assert.ok(isSettableValue('x'.repeat(VALUE_MAX)));
    assert.ok(!isSettableValue('x'.repeat(VALUE_MAX + 1)));
    for (const bad of ['', ' 5', '5 ', '1\n2', '\u2028', 5, null])
      assert.ok(!isSettableValue(bad), JSON.stringify(bad));
    assert.ok(isSparkKey('spark.dynamicAllocation.maxExecutors'));
    for (const bad of ['spark.', 'park.x', 'spark.a b', `spark.${'a'.repeat(400)}`]) assert.ok(!isSparkKey(bad), bad);
    assert.ok(isKnobValue('podStartLatencySec', KNOBS.podStartLatencySec.max));
    assert.ok(!isKnobValue('podStartLatencySec', KNOBS.podStartLatencySec.max + 1));
    assert.ok(!isKnobValue('podStartLatencySec', Number.NaN));
    assert.ok(isJobIndex(0) && !isJobIndex(-1) && !isJobIndex(1.5) && !isJobIndex(1e9));
  });
});
