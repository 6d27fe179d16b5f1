// PySpark SparkConf objects and map-style config: `SparkConf().set(…)` chains, `conf.set(…)` statements,
// `setAll([(k, v), …])`, `.config(conf=conf)` and `.config(map={…})`, each key and value with its exact range.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parsePyspark, pysparkCompletionContext } from '../../../server/src/engine/locators/pyspark';
import type { ConfigEntry, JobConfig, Range } from '../../../server/src/engine/model';

const slice = (text: string, range: Range): string => text.slice(range.start, range.end);

function onlyJob(text: string): JobConfig {
  const parsed = parsePyspark(text);
  assert.equal(parsed.jobs.length, 1);
  return parsed.jobs[0] as JobConfig;
}

function byKey(job: JobConfig, key: string): ConfigEntry {
  const found = job.entries.filter((e) => e.key === key);
  assert.equal(found.length, 1, key);
  return found[0] as ConfigEntry;
}

/** Asserts the entry's key and value ranges hold exactly the key and the value as written (inside their quotes). */
function assertExact(text: string, entry: ConfigEntry, key: string, value: string): void {
  assert.equal(slice(text, entry.keyRange), key);
  assert.equal(slice(text, entry.valueRange), value);
  assert.equal(text[entry.keyRange.start - 1], text[entry.keyRange.end], 'key range sits inside its quotes');
}

const CONF_APP = `from pyspark import SparkConf
from pyspark.sql import SparkSession

conf = (
    SparkConf()
    .setAppName("nightly")
    .set("spark.dynamicAllocation.enabled", "true")
    .set('spark.dynamicAllocation.maxExecutors', '30')
)
conf.set("spark.dynamicAllocation.minExecutors", "2")
conf.setAll([
    ("spark.dynamicAllocation.shuffleTracking.enabled", "true"),
    ('spark.executor.cores', "4"),
    ("spark.executor.memory", memory),
])
other = SparkConf().setAll((("spark.other.key", "x"),))

spark = (
    SparkSession.builder
    .config("spark.dynamicAllocation.maxExecutors", "10")
    .config(conf=conf)
    .config(map={"spark.sql.shuffle.partitions": "64", 'spark.dynamicAllocation.executorIdleTimeout': "90s"})
    .getOrCreate()
)
`;

describe('PySpark: SparkConf objects', () => {
  const job = onlyJob(CONF_APP);

  it('reads set chains on SparkConf(), set statements and setAll pairs with exact ranges', () => {
    assertExact(CONF_APP, byKey(job, 'spark.dynamicAllocation.enabled'), 'spark.dynamicAllocation.enabled', 'true');
    assertExact(
      CONF_APP,
      byKey(job, 'spark.dynamicAllocation.minExecutors'),
      'spark.dynamicAllocation.minExecutors',
      '2',
    );
    assertExact(
      CONF_APP,
      byKey(job, 'spark.dynamicAllocation.shuffleTracking.enabled'),
      'spark.dynamicAllocation.shuffleTracking.enabled',
      'true',
    );
    const cores = byKey(job, 'spark.executor.cores');
    assertExact(CONF_APP, cores, 'spark.executor.cores', '4');
    assert.equal(cores.keyRange.start, CONF_APP.indexOf("'spark.executor.cores'") + 1);
    assert.equal(byKey(job, 'spark.other.key').value, 'x', 'a tuple of tuples');
  });

  it('a value that is a variable is not an entry (unknown until run time)', () => {
    assert.equal(job.entries.filter((e) => e.key === 'spark.executor.memory').length, 0);
  });

  it('reads config(map={…}) items with exact ranges', () => {
    const partitions = byKey(job, 'spark.sql.shuffle.partitions');
    assertExact(CONF_APP, partitions, 'spark.sql.shuffle.partitions', '64');
    assertExact(
      CONF_APP,
      byKey(job, 'spark.dynamicAllocation.executorIdleTimeout'),
      'spark.dynamicAllocation.executorIdleTimeout',
      '90s',
    );
  });

  it('config(conf=conf) applies the conf where it is linked: it overrides builder calls before it', () => {
    const fromConf = job.entries.find((e) => e.key === 'spark.dynamicAllocation.maxExecutors' && e.value === '30');
    const fromBuilder = job.entries.find((e) => e.key === 'spark.dynamicAllocation.maxExecutors' && e.value === '10');
    assert.ok(fromConf && fromBuilder);
    assert.ok(fromConf.rank > fromBuilder.rank, 'the conf is copied after .config("…", "10")');
    // The map call comes after the link, so it outranks every conf setting.
    assert.ok(byKey(job, 'spark.sql.shuffle.partitions').rank > fromConf.rank);
  });

  it('entries stay in document order', () => {
    const starts = job.entries.map((e) => e.keyRange.start);
    assert.deepEqual(
      starts,
      [...starts].sort((a, b) => a - b),
    );
  });

  it('an unlinked SparkConf keeps its own order; a builder call after it wins', () => {
    const text = `conf = SparkConf().set("spark.executor.cores", "2")\nspark = SparkSession.builder.config("spark.executor.cores", "8").getOrCreate()\n`;
    const entries = onlyJob(text).entries;
    assert.equal(entries.length, 2);
    const [first, second] = entries as [ConfigEntry, ConfigEntry];
    assert.ok(second.rank > first.rank);
    assert.equal(second.value, '8');
  });

  it('a .set on something that is not a SparkConf is ignored', () => {
    const parsed = parsePyspark('seen = set()\nseen.set("spark.not.a.conf", "x")\nitems.setAll([("a", "b")])\n');
    assert.equal(parsed.jobs.length, 0);
  });

  it('completion inside a setAll key and a map value', () => {
    const keyAt = CONF_APP.indexOf("spark.executor.cores'") + 'spark.exec'.length;
    const key = pysparkCompletionContext(CONF_APP, parsePyspark(CONF_APP), keyAt);
    assert.ok(key && key.kind === 'key');
    assert.equal(key.prefix, 'spark.exec');
    assert.equal(slice(CONF_APP, key.replace), 'spark.executor.cores');
    const valueAt = CONF_APP.indexOf('"90s"') + 2;
    const value = pysparkCompletionContext(CONF_APP, parsePyspark(CONF_APP), valueAt);
    assert.ok(value && value.kind === 'value');
    assert.equal(value.key, 'spark.dynamicAllocation.executorIdleTimeout');
    assert.equal(slice(CONF_APP, value.replace), '90s');
  });
});
