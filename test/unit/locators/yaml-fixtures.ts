// YAML texts for the fast-path differential test: the shapes the yaml locator tests use, plus documents that reach
// the corners of the block subset (sequences, compact maps, comments at every depth, empty values, odd scalars).

export const APP = `apiVersion: sparkoperator.k8s.io/v1beta2
kind: SparkApplication
metadata:
  name: spark-pi
  namespace: jobs
spec:
  type: Scala
  sparkVersion: "3.4.1"
  sparkConf:
    "spark.dynamicAllocation.maxExecutors": "20"
    spark.executor.cores: 4
    'spark.dynamicAllocation.enabled': true   # a boolean, which the CRD rejects
    spark.dynamicAllocation.minExecutors: "1"
  executor:
    cores: 2
    instances: 3
    memory: "4g"
    coreRequest: "1500m"
    coreLimit: 2
    memoryOverhead: 1g
  dynamicAllocation:
    enabled: true
    initialExecutors: 2
    minExecutors: 2
    maxExecutors: 10
    shuffleTrackingTimeout: 60000
`;

const SCHEDULED = `apiVersion: sparkoperator.k8s.io/v1beta2
kind: ScheduledSparkApplication
metadata:
  name: nightly
spec:
  schedule: "@every 1h"
  template:
    type: Python
    sparkVersion: 3.5.1
    sparkConf:
      spark.dynamicAllocation.executorIdleTimeout: "30s"
    dynamicAllocation:
      enabled: true
      maxExecutors: 8
`;

const STORAGE_CLASS = `---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: gp3-wait
provisioner: ebs.csi.aws.com
reclaimPolicy: Delete
volumeBindingMode: WaitForFirstConsumer
allowVolumeExpansion: true
parameters:
  type: gp3
  iops: 3000
`;

const CONFIG_MAP =
  '---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: spark-conf\ndata:\n  spark.executor.cores: "4"\n';

/** Sequences, compact maps, comments at every depth and blank lines in between. */
const RICH = `# spark-dra: sparkVersion=3.5.1
apiVersion: sparkoperator.k8s.io/v1beta2   # the operator's group
kind: SparkApplication
metadata:
  name: etl   # trailing
    # deeper than the map: absorbed by the value above

  # at the map's own column
  labels:
    team: data
      # deeper again
  # back at labels' parent column
spec:
  type: Python
  arguments:
  - --input
  - "s3://bucket/in"
  -   'single ''quoted'''
    # a comment deeper than the sequence
  - 42
  deps:
    jars:
      - local:///opt/a.jar
      - local:///opt/b.jar

      # after a blank line
    files:
  sparkConf:
    # spark-dra-disable-next-line unknown-key
    spark.executor.cores: "4"
    spark.dynamicAllocation.enabled: TRUE
    spark.x.float: 1.50
    spark.x.exp: 1e3
    spark.x.hex: 0x1F
    spark.x.oct: 0o17
    spark.x.inf: -.inf
    spark.x.nan: .NaN
    spark.x.null: ~
    spark.x.empty:
    spark.x.emptyComment:   # nothing here
    spark.x.escapes: "tab\\tquote\\"unicode\\u00e9 \\x41"
    spark.x.hash: a#b # but this is a comment
    spark.x.colon: a:b
    spark.x.dash: -Dfoo=bar
    spark.x.url: http://example.com:8080/path
    "spark.x.quoted key": 'v'
    # trailing comment at the entries' column
  driver:
    env:
      - name: A
        value: "1"
      # between items
      - name: B
        value:
      -   name: C   # wide dash
          value: c
    volumeMounts:
    - name: spark-local-dir-1
      mountPath: /data
  executor:
    instances: 2
    cores:
  # a comment below an empty value, at the parent's column

  dynamicAllocation:
    enabled: true
    maxExecutors: 10
# a comment at column 0

`;

const EMPTY_VALUES = [
  'kind: SparkApplication',
  'spec:',
  '  a:',
  '  # x',
  '  b:',
  '',
  '    # deeper after blank',
  '  c:',
  '# zero',
  '',
  '  d:',
  '    # deep',
  '  # same',
  '  # same again',
  '  e: 1',
  '  f:',
  '',
  '',
  'other:',
  '  g:',
  '  # last',
  '',
].join('\n');

const TRAILING = [
  'kind: SparkApplication',
  'spec:',
  '  sparkConf:',
  '    a: "1"',
  '    # same column as the entries',
  '  executor:',
  '    list:',
  '    - x',
  '    # at the list column',
  '  # at executor column',
  '  driver:',
  '    m:',
  '      k: v',
  '        # deep',
  '',
  '      # still m',
  '    # driver column',
  'tail: 1',
  '  # deeper than root, at the end',
].join('\n');

/** Every inline fixture, LF. */
export const YAML_FIXTURES: readonly { name: string; text: string }[] = [
  { name: 'app', text: APP },
  { name: 'scheduled', text: SCHEDULED },
  {
    name: 'multi',
    text: `apiVersion: sparkoperator.k8s.io/v1beta2\nkind: SparkApplication\nspec:\n  sparkConf:\n    a.b: "1"\n${STORAGE_CLASS}${CONFIG_MAP}`,
  },
  {
    name: 'broken-middle',
    text:
      'kind: SparkApplication\napiVersion: sparkoperator.k8s.io/v1beta2\nspec:\n  sparkConf:\n    a.b: "1"\n' +
      '---\nkind: ConfigMap\ndata:\n  x: "never closed\n  y: [1, 2\n' +
      '---\nkind: StorageClass\napiVersion: storage.k8s.io/v1\nmetadata:\n  name: fast\nprovisioner: x\n',
  },
  {
    name: 'half-typed',
    text: 'apiVersion: sparkoperator.k8s.io/v1beta2\nkind: SparkApplication\nspec:\n  sparkConf:\n    spark.a: "1"\n    spark.dyn\n---\nkind: StorageClass\nmetadata:\n  name: ok\n',
  },
  { name: 'unreadable', text: 'kind: SparkApplication\nspec: [unclosed\n  sparkConf: x\n' },
  {
    name: 'compose',
    text: 'version: "3.8"\nservices:\n  spark:\n    image: bitnami/spark:3.5\n    environment:\n      - SPARK_MODE=master\n    ports: ["8080:8080"]\n',
  },
  {
    name: 'deployment',
    text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  sparkConf:\n    a: b\n',
  },
  { name: 'foreign', text: 'apiVersion: example.com/v1\nkind: SparkApplication\nspec:\n  sparkConf:\n    a: b\n' },
  {
    name: 'suppressions',
    text: 'kind: SparkApplication\nspec:\n  sparkConf:\n    # spark-dra-disable-next-line rule-a, rule-b -- known\n    spark.a: "1"\n    spark.b: "2" # spark-dra-disable-line\n',
  },
  {
    name: 'hash-in-quotes',
    text: 'kind: SparkApplication\nspec:\n  sparkConf:\n    spark.a: "x # spark-dra-disable-line"\n',
  },
  { name: 'empty-conf', text: 'kind: SparkApplication\nspec:\n  sparkConf:\n  type: Scala\n' },
  { name: 'flow-conf', text: 'kind: SparkApplication\nspec:\n  sparkConf: { "a.b": "1" }\n' },
  {
    name: 'duplicate',
    text: 'kind: SparkApplication\nspec:\n  sparkConf:\n    a: "1"\n    b: 2\n    a: "3"\n  executor: {x: 1, x: 2}\n',
  },
  {
    name: 'duplicate-block',
    text: 'kind: SparkApplication\nspec:\n  sparkConf:\n    a: "1"\n    b:\n    a: "3"\n    c:\n\n    c: 1\n    d:\n    # d\n    d: 2\n  sparkConf:\n  x:\n    y:\n  x: 1\n',
  },
  { name: 'rich', text: RICH },
  { name: 'empty-values', text: EMPTY_VALUES },
  { name: 'trailing', text: TRAILING },
  {
    name: 'marker',
    text: '--- # first\nkind: StorageClass\nmetadata:\n  name: a\n---\n\n# only a comment\n---\nkind: SparkApplication\nspec:\n  sparkConf:\n    a: 1\n',
  },
];
