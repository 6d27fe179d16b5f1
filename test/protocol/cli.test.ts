// `spark-dra check` through the built CLI (dist/cli.js): exit codes, text lines, JSON and SARIF 2.1.0 output.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';

const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');
const FIXTURES = 'test/fixtures/cli';
const BROKEN_EMR = `${FIXTURES}/broken-emr.json`;
const MIN_ABOVE_MAX = `${FIXTURES}/min-above-max.yaml`;
const NO_TRACKING = `${FIXTURES}/dra-no-tracking.spark-defaults.conf`;
const FIXED_CLAIM = `${FIXTURES}/fixed-claim.spark-defaults.conf`;
const SHARED_CLAIM = `${FIXTURES}/shared-data-claim.yaml`;
const SARIF_SCHEMA = join(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function cli(...args: string[]): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT, timeout: 30_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `file:line:col severity rule-id message` lines, parsed. */
interface TextFinding {
  path: string;
  line: number;
  column: number;
  severity: string;
  ruleId: string;
  message: string;
}

const FINDING_LINE = /^(.+?):(\d+):(\d+) (error|warning|info|hint) ([a-z0-9-]+) (.+)$/;

function textFindings(stdout: string): TextFinding[] {
  return stdout
    .split('\n')
    .map((line) => FINDING_LINE.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((m) => ({
      path: m[1] ?? '',
      line: Number(m[2]),
      column: Number(m[3]),
      severity: m[4] ?? '',
      ruleId: m[5] ?? '',
      message: m[6] ?? '',
    }));
}

/** 1-based line and column of the first occurrence of `needle` in a fixture (plus `shift` characters). */
function positionOf(path: string, needle: string, shift = 0): { line: number; column: number } {
  const text = readFileSync(join(ROOT, path), 'utf8');
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `${needle} not in ${path}`);
  const before = text.slice(0, offset + shift).split('\n');
  return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}

function findingAt(findings: TextFinding[], ruleId: string): TextFinding {
  const found = findings.find((f) => f.ruleId === ruleId);
  assert.ok(found, `no ${ruleId} in ${JSON.stringify(findings, null, 2)}`);
  return found;
}

describe('spark-dra check: text output and exit codes', () => {
  it('checks every example without errors and prints the summary (exit 0)', () => {
    // Top-level files only: examples/mistakes/ is wrong on purpose.
    const examples = readdirSync(join(ROOT, 'examples'), { withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => `examples/${e.name}`);
    const run = cli('check', ...examples);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(textFindings(run.stdout).filter((f) => f.severity === 'error').length, 0);
    assert.match(run.stdout, /^\d+ files checked: 0 error\(s\), \d+ warning\(s\), \d+ note\(s\)$/m);
    const checked = Number(/^(\d+) files checked/m.exec(run.stdout)?.[1]);
    assert.ok(checked >= 7, `only ${checked} files checked`);
  });

  it('reports the typo, the truncated timeout and the missing comma of a broken EMR job at their positions (exit 1)', () => {
    const run = cli('check', BROKEN_EMR);
    assert.equal(run.status, 1, run.stderr);
    const findings = textFindings(run.stdout);
    for (const f of findings) assert.equal(f.path, BROKEN_EMR);

    const typo = findingAt(findings, 'unknown-key');
    assert.deepEqual(
      { line: typo.line, column: typo.column },
      positionOf(BROKEN_EMR, 'spark.dynamicAllocation.executorIdleTimout'),
    );
    assert.equal(typo.severity, 'warning');
    assert.match(typo.message, /executorIdleTimeout/);

    const truncated = findingAt(findings, 'duration-truncated');
    assert.deepEqual({ line: truncated.line, column: truncated.column }, positionOf(BROKEN_EMR, '500ms'));
    const notPositive = findingAt(findings, 'backlog-timeout-not-positive');
    assert.equal(notPositive.severity, 'error');
    assert.deepEqual({ line: notPositive.line, column: notPositive.column }, positionOf(BROKEN_EMR, '500ms'));

    const comma = findingAt(findings, 'syntax');
    assert.equal(comma.severity, 'error');
    // Reported where the comma is missing: right after the value whose line lacks it.
    assert.deepEqual({ line: comma.line, column: comma.column }, positionOf(BROKEN_EMR, '"500ms"', '"500ms"'.length));
    assert.match(run.stdout, /^1 file checked: 2 error\(s\), 2 warning\(s\), 0 note\(s\)$/m);
  });

  it('reports min > max in a SparkApplication on the minExecutors value (exit 1)', () => {
    const run = cli('check', MIN_ABOVE_MAX);
    assert.equal(run.status, 1, run.stderr);
    const finding = findingAt(textFindings(run.stdout), 'min-greater-than-max');
    assert.equal(finding.severity, 'error');
    assert.deepEqual(
      { line: finding.line, column: finding.column },
      positionOf(MIN_ABOVE_MAX, 'minExecutors: 10', 'minExecutors: '.length),
    );
  });

  it('--spark-version 3.3.0 makes DRA without shuffle tracking an error', () => {
    const current = cli('check', NO_TRACKING);
    assert.equal(current.status, 0, current.stdout);
    assert.equal(textFindings(current.stdout).filter((f) => f.ruleId === 'dra-without-shuffle-support').length, 0);

    const old = cli('check', '--spark-version', '3.3.0', NO_TRACKING);
    assert.equal(old.status, 1, old.stdout);
    const finding = findingAt(textFindings(old.stdout), 'dra-without-shuffle-support');
    assert.equal(finding.severity, 'error');
    assert.match(finding.message, /3\.3\.0/);
    assert.deepEqual(
      { line: finding.line, column: finding.column },
      positionOf(NO_TRACKING, 'spark.dynamicAllocation.enabled'),
    );

    assert.equal(cli('check', '--spark-version=3.3.0', NO_TRACKING).status, 1);
  });

  it('executor-pvc-fixed-claim: warns on a shared claim name, quiet when a checked file shows it ReadWriteMany', () => {
    // --no-workspace: the claim file is also in the repository, which the CLI would read as the job's workspace.
    const alone = cli('check', FIXED_CLAIM, '--no-workspace');
    assert.equal(alone.status, 0, alone.stdout);
    const finding = findingAt(textFindings(alone.stdout), 'executor-pvc-fixed-claim');
    assert.equal(finding.severity, 'warning');
    assert.deepEqual(
      { line: finding.line, column: finding.column },
      positionOf(FIXED_CLAIM, 'claimName shared-data', 'claimName '.length),
    );
    for (const args of [
      [FIXED_CLAIM, SHARED_CLAIM, '--no-workspace'],
      [FIXED_CLAIM], // the claim file found in the job file's workspace (this repository)
    ]) {
      const withClaim = cli('check', ...args);
      assert.equal(withClaim.status, 0, withClaim.stdout);
      assert.deepEqual(
        textFindings(withClaim.stdout).filter((f) => f.ruleId === 'executor-pvc-fixed-claim'),
        [],
        args.join(' '),
      );
    }
  });
});

describe('spark-dra check: bad usage and unreadable input (exit 2)', () => {
  it('rejects an unknown option', () => {
    const run = cli('check', '--bogus', BROKEN_EMR);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /unknown option --bogus/);
  });

  it('rejects an unknown --format', () => {
    const run = cli('check', '--format', 'xml', BROKEN_EMR);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /--format must be text, json or sarif/);
  });

  it('rejects a malformed --spark-version and an option without its value', () => {
    assert.equal(cli('check', '--spark-version', 'three', BROKEN_EMR).status, 2);
    assert.equal(cli('check', BROKEN_EMR, '--format').status, 2);
  });

  it('needs at least one file', () => {
    const run = cli('check');
    assert.equal(run.status, 2);
    assert.match(run.stderr, /at least one file/);
  });

  it('exits 2 on a missing file, even next to files with errors', () => {
    const missing = cli('check', `${FIXTURES}/no-such-file.json`);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /no such file: .*no-such-file\.json/);
    const mixed = cli('check', MIN_ABOVE_MAX, `${FIXTURES}/no-such-file.json`);
    assert.equal(mixed.status, 2);
    assert.equal(findingAt(textFindings(mixed.stdout), 'min-greater-than-max').path, MIN_ABOVE_MAX);
  });
});

interface JsonReport {
  files: {
    path: string;
    findings: {
      ruleId: string;
      severity: string;
      message: string;
      line: number;
      column: number;
      endLine: number;
      endColumn: number;
    }[];
  }[];
  unreadable: unknown[];
  skipped: unknown[];
}

describe('spark-dra check --format json', () => {
  it('prints parseable JSON holding the findings with positions', () => {
    const run = cli('check', '--format', 'json', BROKEN_EMR, MIN_ABOVE_MAX);
    assert.equal(run.status, 1, run.stderr);
    const report = JSON.parse(run.stdout) as JsonReport;
    assert.deepEqual(
      report.files.map((f) => f.path),
      [BROKEN_EMR, MIN_ABOVE_MAX],
    );
    const emr = report.files[0]?.findings ?? [];
    assert.deepEqual(emr.map((f) => f.ruleId).sort(), [
      'backlog-timeout-not-positive',
      'duration-truncated',
      'syntax',
      'unknown-key',
    ]);
    const typo = emr.find((f) => f.ruleId === 'unknown-key');
    const at = positionOf(BROKEN_EMR, 'spark.dynamicAllocation.executorIdleTimout');
    assert.deepEqual({ line: typo?.line, column: typo?.column }, at);
    assert.equal(typo?.endLine, at.line);
    assert.equal(typo?.endColumn, at.column + 'spark.dynamicAllocation.executorIdleTimout'.length);
    assert.deepEqual(
      report.files[1]?.findings.map((f) => [f.ruleId, f.severity]),
      [['min-greater-than-max', 'error']],
    );
    assert.deepEqual(report.unreadable, []);
  });
});

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string }[] } };
    results: {
      ruleId: string;
      ruleIndex?: number;
      level: string;
      locations: {
        physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } };
      }[];
    }[];
  }[];
}

describe('spark-dra check --format sarif', () => {
  const schema = JSON.parse(readFileSync(SARIF_SCHEMA, 'utf8')) as Record<string, unknown>;
  // The schema's language pattern is not valid with the `u` flag, hence unicodeRegExp off.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  ajv.addFormat('uri-reference', (value: string) => URL.canParse(value, 'file:///base/'));
  ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
  const validate = ajv.compile(schema);

  function sarif(...files: string[]): { run: Run; log: SarifLog } {
    const run = cli('check', '--format', 'sarif', ...files);
    return { run, log: JSON.parse(run.stdout) as SarifLog };
  }

  it('validates against the SARIF 2.1.0 schema, with findings', () => {
    const { run, log } = sarif(BROKEN_EMR, MIN_ABOVE_MAX, NO_TRACKING);
    assert.equal(run.status, 1, run.stderr);
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    const [first] = log.runs;
    assert.ok(first);
    assert.equal(log.version, '2.1.0');
    assert.equal(first.tool.driver.name, 'spark-dra');
    const results = first.results;
    const minMax = results.find((r) => r.ruleId === 'min-greater-than-max');
    assert.equal(minMax?.level, 'error');
    assert.equal(minMax?.locations[0]?.physicalLocation.artifactLocation.uri, MIN_ABOVE_MAX);
    assert.deepEqual(
      {
        line: minMax?.locations[0]?.physicalLocation.region.startLine,
        column: minMax?.locations[0]?.physicalLocation.region.startColumn,
      },
      positionOf(MIN_ABOVE_MAX, 'minExecutors: 10', 'minExecutors: '.length),
    );
    // Every ruleIndex points at the rule of the same id.
    for (const result of results) {
      if (result.ruleIndex !== undefined) assert.equal(first.tool.driver.rules[result.ruleIndex]?.id, result.ruleId);
    }
    assert.deepEqual(
      [...new Set(results.map((r) => r.level))].sort(),
      ['error', 'note', 'warning'].filter((l) => results.some((r) => r.level === l)),
    );
  });

  it('the schema is really applied: a log without a tool driver fails it', () => {
    assert.equal(validate({ version: '2.1.0', runs: [{ tool: {}, results: [] }] }), false);
  });

  it('validates with no findings and with an unreadable file', () => {
    const clean = sarif('examples/emr-eks-dra.json');
    assert.equal(clean.run.status, 0);
    assert.ok(validate(clean.log), JSON.stringify(validate.errors, null, 2));
    const missing = sarif(MIN_ABOVE_MAX, `${FIXTURES}/no-such-file.json`);
    assert.equal(missing.run.status, 2);
    assert.ok(validate(missing.log), JSON.stringify(validate.errors, null, 2));
  });
});
