import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, insertKeyEdit, setValueEdit, suppressionEdit } from '../../../server/src/engine/edits/index';
import { parseFile } from '../../../server/src/engine/locators/index';
import type { ConfigEntry, JobConfig } from '../../../server/src/engine/model';

function job(fileName: string, text: string): JobConfig {
  const parsed = parseFile({ fileName, text });
  const first = parsed.jobs[0];
  if (!first) throw new Error('no job');
  return first;
}
function entry(j: JobConfig, key: string): ConfigEntry {
  const found = j.entries.find((e) => e.key === key);
  if (!found) throw new Error(`no ${key}`);
  return found;
}
function insert(fileName: string, text: string, key: string, value: string): string {
  const edit = insertKeyEdit(text, job(fileName, text), key, value);
  assert.ok(edit, 'an insert edit');
  return applyEdits(text, [edit]);
}

const EMR = `{
  "releaseLabel": "emr-7.2.0-latest",
  "jobDriver": {
    "sparkSubmitJobDriver": {
      "entryPoint": "s3://b/main.py",
      "sparkSubmitParameters": "--conf spark.executor.cores=2"
    }
  },
  "configurationOverrides": {
    "applicationConfiguration": [
      {
        "classification": "spark-defaults",
        "properties": {
          "spark.dynamicAllocation.enabled": "true"
        }
      }
    ]
  }
}
`;

test('setValueEdit: JSON property, value inside sparkSubmitParameters (escaped), non-string literal quoted', () => {
  const j = job('job.json', EMR);
  assert.ok(
    applyEdits(EMR, [setValueEdit(entry(j, 'spark.dynamicAllocation.enabled'), 'fa"lse')]).includes(
      '"spark.dynamicAllocation.enabled": "fa\\"lse"',
    ),
  );
  assert.ok(
    applyEdits(EMR, [setValueEdit(entry(j, 'spark.executor.cores'), 'a "b"')]).includes(
      '--conf spark.executor.cores=a \\"b\\""',
    ),
  );
  const numeric = EMR.replace('"spark.dynamicAllocation.enabled": "true"', '"spark.executor.instances": 4');
  const jn = job('job.json', numeric);
  assert.ok(
    applyEdits(numeric, [setValueEdit(entry(jn, 'spark.executor.instances'), '4')]).includes(
      '"spark.executor.instances": "4"',
    ),
  );
});

test('insertKeyEdit: EMR JSON adds to the spark-defaults properties with indentation and a comma', () => {
  const out = insert('job.json', EMR, 'spark.dynamicAllocation.maxExecutors', '10');
  assert.ok(
    out.includes(
      '"spark.dynamicAllocation.enabled": "true",\n          "spark.dynamicAllocation.maxExecutors": "10"\n        }',
    ),
  );
  JSON.parse(out);
});

test('insertKeyEdit: EMR JSON without properties appends --conf to sparkSubmitParameters', () => {
  const text =
    '{"releaseLabel":"emr-7.2.0-latest","jobDriver":{"sparkSubmitJobDriver":{"entryPoint":"x","sparkSubmitParameters":"--conf spark.executor.cores=2"}}}';
  const out = insert('job.json', text, 'spark.dynamicAllocation.enabled', 'true');
  assert.ok(
    out.includes('"sparkSubmitParameters":"--conf spark.executor.cores=2 --conf spark.dynamicAllocation.enabled=true"'),
  );
  JSON.parse(out);
});

test('insertKeyEdit: YAML sparkConf map, and creating sparkConf under spec', () => {
  const withConf =
    'apiVersion: sparkoperator.k8s.io/v1beta2\nkind: SparkApplication\nmetadata:\n  name: a\nspec:\n  type: Python\n  sparkConf:\n    spark.executor.cores: "2"\n  mainApplicationFile: x.py\n';
  assert.equal(
    insert('app.yaml', withConf, 'spark.dynamicAllocation.enabled', 'true'),
    withConf.replace(
      '    spark.executor.cores: "2"\n',
      '    spark.executor.cores: "2"\n    spark.dynamicAllocation.enabled: "true"\n',
    ),
  );
  const noConf =
    'apiVersion: sparkoperator.k8s.io/v1beta2\nkind: SparkApplication\nmetadata:\n  name: a\nspec:\n  type: Python\n  sparkVersion: "3.5.1"\n';
  const out = insert('app.yaml', noConf, 'spark.dynamicAllocation.enabled', 'true');
  assert.equal(out, noConf.replace('spec:\n', 'spec:\n  sparkConf:\n    spark.dynamicAllocation.enabled: "true"\n'));
  assert.equal(job('app.yaml', out).entries.find((e) => e.key === 'spark.dynamicAllocation.enabled')?.value, 'true');
});

test('insertKeyEdit: spark-defaults.conf appends a line', () => {
  assert.equal(
    insert('spark-defaults.conf', 'spark.executor.cores 2', 'spark.task.cpus', '1'),
    'spark.executor.cores 2\nspark.task.cpus 1\n',
  );
});

test('insertKeyEdit: PySpark builder chains in parentheses, with backslashes, and on one line', () => {
  const parens =
    'spark = (\n    SparkSession.builder\n    .config("spark.executor.cores", "2")\n    .getOrCreate()\n)\n';
  assert.equal(
    insert('a.py', parens, 'spark.task.cpus', '1'),
    parens.replace('"2")\n', '"2")\n    .config("spark.task.cpus", "1")\n'),
  );
  const slashes = 'spark = SparkSession.builder \\\n    .config("spark.executor.cores", "2") \\\n    .getOrCreate()\n';
  assert.equal(
    insert('a.py', slashes, 'spark.task.cpus', '1'),
    slashes.replace('"2") \\\n', '"2") \\\n    .config("spark.task.cpus", "1") \\\n'),
  );
  const oneLine = 'spark = SparkSession.builder.config("spark.executor.cores", "2").getOrCreate()\n';
  assert.equal(
    insert('a.py', oneLine, 'spark.task.cpus', '1'),
    oneLine.replace('"2")', '"2").config("spark.task.cpus", "1")'),
  );
  for (const text of [parens, slashes, oneLine]) {
    const out = insert('a.py', text, 'spark.task.cpus', '1');
    assert.equal(job('a.py', out).entries.find((e) => e.key === 'spark.task.cpus')?.value, '1');
  }
});

test('suppressionEdit: YAML and conf get an indented comment line; JSON gets none; Python continuation lines', () => {
  const yaml = 'spec:\n  sparkConf:\n    a: "1"\n';
  const at = yaml.indexOf('    a:');
  assert.equal(
    applyEdits(yaml, [suppressionEdit(yaml, 'yaml', at, 'x-rule')!]),
    'spec:\n  sparkConf:\n    # spark-dra-disable-next-line x-rule\n    a: "1"\n',
  );
  assert.equal(suppressionEdit('{}', 'json', 0, 'x-rule'), undefined);
  const py = 'spark = SparkSession.builder \\\n    .config("a", "b") \\\n    .getOrCreate()\n';
  assert.equal(suppressionEdit(py, 'python', py.indexOf('    .config'), 'x-rule'), undefined);
  const last = py.indexOf('    .getOrCreate');
  assert.equal(
    applyEdits(py, [suppressionEdit(py, 'python', last, 'x-rule')!]),
    py.replace('.getOrCreate()', '.getOrCreate()  # spark-dra-disable-line x-rule'),
  );
});
