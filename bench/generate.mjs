// Deterministic generators of large job files for the benchmarks: multi-document SparkApplication YAML and an EMR
// StartJobRun JSON, each of about a requested number of lines, with a sprinkling of the mistakes the rules catch.

/** mulberry32: a tiny seeded PRNG; the same seed gives the same file on every machine. */
export function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (rand, list) => list[Math.floor(rand() * list.length)];
const int = (rand, lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
function shuffled(rand, list) {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/** Keys a real job sets, with value makers. */
const GOOD_CONF = [
  ['spark.dynamicAllocation.executorIdleTimeout', (r) => `${int(r, 30, 300)}s`],
  ['spark.dynamicAllocation.cachedExecutorIdleTimeout', (r) => `${int(r, 5, 60)}min`],
  ['spark.dynamicAllocation.schedulerBacklogTimeout', (r) => `${int(r, 1, 5)}s`],
  ['spark.dynamicAllocation.sustainedSchedulerBacklogTimeout', (r) => `${int(r, 1, 5)}s`],
  ['spark.dynamicAllocation.shuffleTracking.timeout', (r) => `${int(r, 60, 900)}s`],
  ['spark.dynamicAllocation.executorAllocationRatio', (r) => pick(r, ['0.5', '0.75', '1'])],
  ['spark.kubernetes.allocation.batch.size', (r) => String(int(r, 5, 20))],
  ['spark.kubernetes.allocation.batch.delay', (r) => `${int(r, 1, 3)}s`],
  ['spark.executor.memoryOverhead', (r) => `${int(r, 1, 4)}g`],
  ['spark.sql.shuffle.partitions', (r) => String(int(r, 50, 2000))],
  ['spark.sql.adaptive.enabled', () => 'true'],
  ['spark.speculation', (r) => pick(r, ['true', 'false'])],
  ['spark.task.cpus', () => '1'],
  ['spark.decommission.enabled', (r) => pick(r, ['true', 'false'])],
  ['spark.kubernetes.executor.podNamePrefix', (r) => `job-${int(r, 1, 9999)}`],
  ['spark.hadoop.fs.s3a.connection.maximum', (r) => String(int(r, 100, 500))],
];

/** Mistakes: a typo'd key, a truncated duration, a non-string value, min > max (handled apart). */
const BAD_CONF = [
  ['spark.dynamicAllocation.executorIdleTimout', (r) => `${int(r, 30, 300)}s`],
  ['spark.dynamicAllocation.schedulerBacklogTimeout', () => '500ms'],
  ['spark.dynamicAllocation.maxExecutor', (r) => String(int(r, 10, 50))],
  ['spark.kubernetes.allocation.batch.size', () => 'ten'],
];

const VOLUME = 'spark.kubernetes.executor.volumes.persistentVolumeClaim.spark-local-dir-1';

function sparkApplication(rand, index) {
  const lines = [];
  const bad = rand() < 0.3;
  const name = `job-${String(index).padStart(5, '0')}`;
  const min = bad && rand() < 0.4 ? int(rand, 30, 60) : int(rand, 0, 4);
  const max = int(rand, 10, 40);
  if (rand() < 0.2) lines.push(`# spark-dra: sparkVersion=${pick(rand, ['3.3.2', '3.4.1', '3.5.1'])}`);
  lines.push(
    'apiVersion: sparkoperator.k8s.io/v1beta2',
    'kind: SparkApplication',
    'metadata:',
    `  name: ${name}`,
    `  namespace: team-${int(rand, 1, 20)}`,
    '  labels:',
    `    app: ${name}`,
    '    tier: batch',
    'spec:',
    `  type: ${pick(rand, ['Python', 'Scala'])}`,
    '  mode: cluster',
    `  image: registry.example/spark:${pick(rand, ['3.4.1', '3.5.1'])}`,
    `  mainApplicationFile: local:///opt/spark/jobs/${name}.py`,
    `  sparkVersion: "${pick(rand, ['3.4.1', '3.5.1', '3.5.0'])}"`,
    '  sparkConf:',
  );
  // Distinct keys: a YAML map with a key twice is a syntax error, which only a few documents have on purpose.
  const conf = shuffled(rand, GOOD_CONF).slice(0, int(rand, 8, 14));
  for (const [key, value] of conf) lines.push(`    ${key}: "${value(rand)}"`);
  if (bad) {
    const unused = BAD_CONF.filter(([key]) => !conf.some(([used]) => used === key));
    const [key, value] = pick(rand, unused);
    if (rand() < 0.3) lines.push(`    # spark-dra-disable-next-line unknown-key`);
    lines.push(`    ${key}: "${value(rand)}"`);
    if (rand() < 0.3) lines.push(`    spark.executor.instances: ${int(rand, 1, 5)}`);
  }
  if (rand() < 0.4) {
    lines.push(
      `    ${VOLUME}.options.claimName: "OnDemand"`,
      `    ${VOLUME}.options.storageClass: "gp3"`,
      `    ${VOLUME}.options.sizeLimit: "${int(rand, 50, 500)}Gi"`,
      `    ${VOLUME}.mount.path: "/data"`,
      `    ${VOLUME}.mount.readOnly: "false"`,
    );
  }
  lines.push(
    '  dynamicAllocation:',
    '    enabled: true',
    `    initialExecutors: ${int(rand, 1, 4)}`,
    `    minExecutors: ${min}`,
    `    maxExecutors: ${max}`,
  );
  if (!bad || rand() < 0.5) lines.push('    shuffleTrackingEnabled: true');
  if (bad && rand() < 0.1) lines.push(`    maxExecutors: ${max + 10}`); // a YAML duplicate key
  lines.push(
    '  driver:',
    '    cores: 1',
    `    memory: ${int(rand, 1, 4)}g`,
    '    serviceAccount: spark',
    '  executor:',
    `    cores: ${int(rand, 1, 8)}`,
    `    memory: ${int(rand, 2, 16)}g`,
    '  restartPolicy:',
    '    type: Never',
  );
  return lines;
}

/** A multi-document SparkApplication YAML stream of about `targetLines` lines. */
export function generateSparkApplicationYaml(targetLines, seed = 1) {
  const rand = prng(seed);
  const lines = [];
  let index = 0;
  while (lines.length < targetLines) {
    if (index > 0) lines.push('---');
    if (index % 25 === 3) {
      lines.push('apiVersion: v1', 'kind: ConfigMap', 'metadata:', `  name: cm-${index}`, 'data:', '  a: "1"', '---');
    }
    lines.push(...sparkApplication(rand, index++));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * One `properties` map of a spark-defaults classification, as JSON lines at `indent`: the first map sets the usual
 * keys, later ones mostly keys of their own (environment, Hadoop and application settings), with now and then a key
 * set again (a duplicate) or a mistake.
 */
function propertiesBlock(rand, count, indent, first, serial) {
  const members = [];
  if (first) for (const [key, value] of GOOD_CONF) members.push(`"${key}": "${value(rand)}"`);
  while (members.length < count) {
    const roll = rand();
    if (roll < 0.02) {
      const [key, value] = pick(rand, BAD_CONF);
      members.push(`"${key}": "${value(rand)}"`);
    } else if (roll < 0.06) {
      const [key, value] = pick(rand, GOOD_CONF);
      members.push(`"${key}": "${value(rand)}"`);
    } else if (roll < 0.5) {
      members.push(`"spark.executorEnv.VAR_${serial.next++}": "value-${int(rand, 0, 999)}"`);
    } else {
      members.push(`"spark.hadoop.app.setting${serial.next++}": "${int(rand, 0, 99999)}"`);
    }
  }
  return members.map((m, i) => `${indent}${m}${i < members.length - 1 ? ',' : ''}`);
}

/**
 * An EMR on EKS StartJobRun JSON of about `targetLines` lines: one job whose applicationConfiguration holds many
 * spark-defaults classifications (the same keys set again and again, as merged templates do) and other classifications.
 */
export function generateEmrJson(targetLines, seed = 2) {
  const rand = prng(seed);
  const head = [
    '{',
    '  "name": "bench-emr-job",',
    '  "virtualClusterId": "abcdefghijklmnopqrstuvwxyz1",',
    '  "executionRoleArn": "arn:aws:iam::111122223333:role/emr-eks-job-role",',
    '  "releaseLabel": "emr-7.2.0-latest",',
    '  "jobDriver": {',
    '    "sparkSubmitJobDriver": {',
    '      "entryPoint": "s3://example-bucket/jobs/etl.py",',
    '      "sparkSubmitParameters": "--conf spark.executor.cores=4 --conf spark.executor.memory=12g --conf spark.dynamicAllocation.maxExecutors=40"',
    '    }',
    '  },',
    '  "configurationOverrides": {',
    '    "applicationConfiguration": [',
  ];
  const tail = [
    '    ],',
    '    "monitoringConfiguration": {',
    '      "persistentAppUI": "ENABLED",',
    '      "s3MonitoringConfiguration": { "logUri": "s3://example-bucket/logs/" }',
    '    }',
    '  }',
    '}',
  ];
  const blocks = [];
  let lines = head.length + tail.length;
  let first = true;
  const serial = { next: 0 };
  while (lines < targetLines) {
    const block = [];
    if (rand() < 0.25) {
      block.push('      {', '        "classification": "spark-env",', '        "configurations": [');
      block.push('          { "classification": "export", "properties": { "PYSPARK_PYTHON": "/usr/bin/python3" } }');
      block.push('        ]', '      }');
    } else {
      const count = int(rand, 20, 60);
      block.push('      {', '        "classification": "spark-defaults",', '        "properties": {');
      const wasFirst = first;
      if (first) {
        block.push(
          '          "spark.dynamicAllocation.enabled": "true",',
          '          "spark.dynamicAllocation.minExecutors": "2",',
          '          "spark.dynamicAllocation.shuffleTracking.enabled": "true",',
        );
        first = false;
      }
      block.push(...propertiesBlock(rand, count, '          ', wasFirst, serial));
      block.push('        }', '      }');
    }
    blocks.push(block);
    lines += block.length;
  }
  const body = blocks.flatMap((block, i) => {
    const copy = [...block];
    if (i < blocks.length - 1) copy[copy.length - 1] += ',';
    return copy;
  });
  return `${[...head, ...body, ...tail].join('\n')}\n`;
}

/**
 * One SparkApplication whose `spec.sparkConf` is a single map of about `targetLines` entries (a job carrying a large
 * generated configuration: per-bucket S3A settings, SQL and Hadoop options, the DRA keys, a few mistakes). Large maps
 * are where a duplicate-key check that compares every key with every other key turns quadratic.
 */
export function generateLargeSparkConfYaml(targetLines, seed = 3) {
  const rand = prng(seed);
  const lines = [
    'apiVersion: sparkoperator.k8s.io/v1beta2',
    'kind: SparkApplication',
    'metadata:',
    '  name: lakehouse-compaction',
    'spec:',
    '  type: Scala',
    '  mode: cluster',
    '  image: registry.example/spark:3.5.1',
    '  mainClass: com.example.Compaction',
    '  mainApplicationFile: local:///opt/spark/jars/compaction.jar',
    '  sparkVersion: "3.5.1"',
    '  sparkConf:',
  ];
  for (const [key, value] of GOOD_CONF) lines.push(`    ${key}: "${value(rand)}"`);
  const settings = [
    'endpoint.region',
    'access.key',
    'aws.credentials.provider',
    'connection.maximum',
    'fast.upload.buffer',
  ];
  let bucket = 0;
  const footer = 12;
  while (lines.length < targetLines - footer) {
    const roll = rand();
    if (roll < 0.002) {
      const [key, value] = pick(rand, BAD_CONF);
      lines.push(`    ${key}.b${bucket}: "${value(rand)}"`);
    } else {
      const setting = settings[bucket % settings.length];
      lines.push(
        `    spark.hadoop.fs.s3a.bucket.data-${Math.floor(bucket / settings.length)}.${setting}: "${int(rand, 1, 9999)}"`,
      );
    }
    bucket++;
  }
  lines.push(
    '  dynamicAllocation:',
    '    enabled: true',
    '    minExecutors: 2',
    `    maxExecutors: ${int(rand, 20, 80)}`,
    '    shuffleTrackingEnabled: true',
    '    shuffleTrackingTimeout: 600000',
    '  driver:',
    '    cores: 2',
    '    memory: 8g',
    '  executor:',
    '    cores: 4',
    '    memory: 16g',
  );
  return `${lines.join('\n')}\n`;
}
