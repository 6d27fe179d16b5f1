// Hostile documents a user can open in one step: a 1 MB line, 10,000 levels of nesting, a YAML alias bomb and
// 100,000 keys. Shared by the protocol test (each is answered, the server stays up) and `npm run bench` (how fast).

export interface HostileDocument {
  name: string;
  languageId: string;
  text: string;
}

function aliasBomb(levels: number): string {
  const lines = ['apiVersion: sparkoperator.k8s.io/v1beta2', 'kind: SparkApplication', 'a0: &a0 ["lol","lol"]'];
  for (let i = 1; i < levels; i++)
    lines.push(
      `a${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(',')}]`,
    );
  lines.push('spec:', '  sparkConf:', `    spark.dynamicAllocation.enabled: "true"`, '');
  return lines.join('\n');
}

/** The documents, each with a file name whose extension and language id pick the locator. */
export const HOSTILE_DOCUMENTS: readonly HostileDocument[] = [
  {
    name: 'long-line.json',
    languageId: 'json',
    text: `{"releaseLabel":"emr-7.2.0-latest","configurationOverrides":{"applicationConfiguration":[{"classification":"spark-defaults","properties":{"spark.executor.extraJavaOptions":"${'x'.repeat(1_000_000)}","spark.dynamicAllocation.enabled":"true"}}]}}`,
  },
  { name: 'nested.json', languageId: 'json', text: `${'['.repeat(10_000)}${']'.repeat(10_000)}` },
  { name: 'nested.yaml', languageId: 'yaml', text: `${'- '.repeat(10_000)}x\n` },
  { name: 'alias-bomb.yaml', languageId: 'yaml', text: aliasBomb(10) },
  {
    name: 'many.spark-defaults.conf',
    languageId: 'spark-defaults',
    text: Array.from({ length: 100_000 }, (_, i) => `spark.custom.key${i} ${i}`).join('\n'),
  },
];
