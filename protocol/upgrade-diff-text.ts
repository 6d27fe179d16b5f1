// Plain-text rendering of an upgrade diff for the terminal: defaults, checks, written keys, simulated effect.
import { problemText } from './result';
import type {
  DiffFinding,
  KeyAtVersion,
  SimulatedFigures,
  SimulatedSide,
  UpgradeDiff,
  ValueChange,
} from './upgrade-diff';
import { formatDuration, formatSparkValue } from './text-format';

export function formatUpgradeDiff(path: string, diff: UpgradeDiff): string {
  const from = `Spark ${diff.from.sparkVersion}`;
  const to = `Spark ${diff.to.sparkVersion}`;
  const lines = [
    `${path} (job ${diff.jobIndex}, ${diff.jobKindLabel}): ${from} (from ${diff.from.versionFrom}) → ${to}`,
    '',
    'Defaults that change:',
    ...orNone(diff.values.filter((change) => !change.changed.includes('known')).map(valueLine)),
    '',
    'Checks that change:',
    ...orNone(checkLines(diff)),
  ];
  const arriving = diff.values.filter((change) => change.changed.includes('known'));
  if (arriving.length > 0) {
    lines.push('', `Keys only one of the two versions has:`);
    for (const change of arriving) {
      const side = change.after.known ? `new in ${to}, ${shown(change.after)}` : `not in ${to}`;
      lines.push(`  ${change.key}: ${side}${change.written ? ' (written in the file)' : ''}`);
    }
  }
  if (diff.writtenKeys.length > 0) {
    lines.push('', 'Keys the file writes that one side ignores:');
    for (const key of diff.writtenKeys) {
      const side = key.usedAfter ? `ignored by ${from}, used by ${to}` : `ignored by ${to}`;
      lines.push(`  ${key.key} (arrived in Spark ${key.since}): ${side}`);
    }
  }
  lines.push('', `Simulated effect (workload "${diff.simulation.workload}", dynamic allocation):`);
  lines.push(...simulationLines(diff.simulation.before, diff.simulation.after));
  return lines.join('\n');
}

function orNone(lines: string[]): string[] {
  return lines.length > 0 ? lines : ['  (none)'];
}

function shown(seen: KeyAtVersion): string {
  if (!seen.known) return 'not in this version';
  return seen.value === undefined ? 'unset by default' : formatSparkValue(seen.value);
}

const defaultText = (value: string | undefined): string => (value === undefined ? 'unset' : formatSparkValue(value));

function valueLine(change: ValueChange): string {
  const arrow = `${shown(change.before)} → ${shown(change.after)}`;
  if (change.written && !change.changed.includes('value')) {
    const defaults = `default ${defaultText(change.before.defaultValue)} → ${defaultText(change.after.defaultValue)}`;
    const written = change.after.value === undefined ? 'it' : formatSparkValue(change.after.value);
    return `  ${change.key}: you set ${written}; ${defaults}`;
  }
  return `  ${change.key}: ${arrow}${change.written ? ' (written in the file)' : ''}`;
}

function findingLine(mark: string, item: DiffFinding): string {
  return `  ${mark} ${item.line + 1}:${item.character + 1} ${item.severity} [${item.ruleId}] ${item.message}`;
}

function checkLines(diff: UpgradeDiff): string[] {
  const { appeared, disappeared, changed } = diff.findings;
  return [
    ...appeared.map((item) => findingLine('+ new:', item)),
    ...disappeared.map((item) => findingLine('- gone:', item)),
    ...changed.flatMap(({ before, after }) => [findingLine('~ was:', before), findingLine('  now:', after)]),
  ];
}

interface FigureRow {
  label: string;
  value: (figures: SimulatedFigures) => number;
  show: (n: number) => string;
}

const FIGURES: FigureRow[] = [
  { label: 'runtime', value: (f) => f.runtimeSec, show: formatDuration },
  { label: 'executor-hours', value: (f) => f.executorHours, show: (n) => n.toFixed(2) },
  { label: 'cost (USD)', value: (f) => f.costUsd, show: (n) => `$${n.toFixed(3)}` },
  { label: 'peak executors', value: (f) => f.peakExecutors, show: String },
  { label: 'pods created', value: (f) => f.podsCreated, show: String },
  { label: 'PVCs created', value: (f) => f.pvcsCreated, show: String },
];

function simulationLines(before: SimulatedSide, after: SimulatedSide): string[] {
  const lines: string[] = [];
  if (!before.ok) lines.push(`  before: ${problemText(before.problem)}`);
  if (!after.ok) lines.push(`  after: ${problemText(after.problem)}`);
  for (const row of FIGURES) {
    const was = before.ok ? row.show(row.value(before.figures)) : '—';
    const will = after.ok ? row.show(row.value(after.figures)) : '—';
    if (!before.ok && !after.ok) break;
    lines.push(`  ${row.label}: ${was} → ${will}${was === will ? ' (same)' : ''}`);
  }
  return lines;
}
