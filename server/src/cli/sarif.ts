// SARIF 2.1.0 output for `spark-dra check --format sarif`, so code scanning can show the findings.
import { relative, sep } from 'node:path';
import { RULES } from '../engine';
import type { CheckRun } from './check';

const LEVEL = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;

export function formatSarif(run: CheckRun, toolVersion: string, baseDir = process.cwd()): string {
  const ruleIndex = new Map(RULES.map((r, i) => [r.id, i]));
  const results = run.files.flatMap((file) =>
    file.findings.map((f) => ({
      ruleId: f.ruleId,
      ...(ruleIndex.has(f.ruleId) ? { ruleIndex: ruleIndex.get(f.ruleId) } : {}),
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: toUri(file.path, baseDir), uriBaseId: '%SRCROOT%' },
            region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
          },
        },
      ],
    })),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'spark-dra',
            version: toolVersion,
            rules: RULES.map((r) => ({
              id: r.id,
              name: r.id.replace(/(^|-)([a-z])/g, (_, __: string, c: string) => c.toUpperCase()),
              shortDescription: { text: r.description },
              defaultConfiguration: { level: LEVEL[r.severity] },
              properties: { family: r.family },
            })),
          },
        },
        results,
        invocations: [
          {
            executionSuccessful: run.unreadable.length === 0,
            toolExecutionNotifications: run.unreadable.map((u) => ({
              level: 'error',
              message: { text: `cannot read ${u.path}: ${u.reason}` },
            })),
          },
        ],
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}

/** A relative, forward-slash path (SARIF artifact URIs are URI references). */
function toUri(path: string, baseDir: string): string {
  return relative(baseDir, path)
    .split(sep)
    .map((part) => encodeURIComponent(part))
    .join('/');
}
