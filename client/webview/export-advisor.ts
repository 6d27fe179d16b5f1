// What the advisor view exports: the caption of its chart's PNG (title, file name, the recommendation and what the
// search covered) and a CSV of the frontier points, after the file as written, with column names a reader knows.
import type { Advice, AdvicePoint } from '../../protocol/advice';
import { recommendationLine, searchLine } from './advisor-lines';
import { changeLines, runtimeLimit } from './advisor-points';
import { csvCell } from './csv';
import type { ExportCaption } from './export-canvas';

export function advisorCaption(fileName: string, advice: Advice): ExportCaption {
  return {
    title: `Spark DRA settings advice — ${fileName || 'untitled'}`,
    lines: [recommendationLine(advice), searchLine(advice)],
  };
}

export const ADVISOR_CSV_HEADER = [
  'Point',
  'Also',
  'Runtime (s)',
  'Cost (USD)',
  'Executor-hours',
  'Runtime vs file (%)',
  'Cost vs file (%)',
  'Within runtime limit',
  'Changes from the file',
  'Risks',
].join(',');

/** The same settings: the same changes from the file. */
const settingsKey = (p: AdvicePoint): string => JSON.stringify(changeLines(p).map((c) => [c.key, c.value]));

/** Which named points share a point's settings ("recommended; cheapest"). */
function alsoNamed(point: AdvicePoint, advice: Advice): string {
  const key = settingsKey(point);
  const named: [string, AdvicePoint | null][] = [
    ['file as written', advice.current],
    ['recommended', advice.recommended],
    ['cheapest', advice.cheapest],
    ['fastest', advice.fastest],
  ];
  return named
    .filter(([, p]) => p !== null && settingsKey(p) === key)
    .map(([name]) => name)
    .join('; ');
}

const round = (n: number, digits: number): string => String(Math.round(n * 10 ** digits) / 10 ** digits);

/** Percent change against the file as written; empty when the file's figure is 0. */
const versus = (value: number, base: number): string => (base === 0 ? '' : round(((value - base) / base) * 100, 1));

function row(label: string, point: AdvicePoint, advice: Advice, limit: number): string {
  const current = advice.current;
  return [
    label,
    label === 'File as written' ? '' : alsoNamed(point, advice),
    round(point.runtimeSec, 1),
    round(point.costUsd, 4),
    round(point.executorSeconds / 3600, 3),
    versus(point.runtimeSec, current.runtimeSec),
    versus(point.costUsd, current.costUsd),
    point.runtimeSec <= limit + 1e-9 ? 'yes' : 'no',
    changeLines(point)
      .map((c) => `${c.key}=${c.value}`)
      .join('; '),
    point.risks.join(' '),
  ]
    .map(csvCell)
    .join(',');
}

/** The file as written, then each frontier point by runtime. */
export function advisorCsv(advice: Advice): string {
  const limit = runtimeLimit(advice);
  const lines = [ADVISOR_CSV_HEADER, row('File as written', advice.current, advice, limit)];
  advice.frontier.forEach((p, i) => lines.push(row(`Frontier point ${i + 1}`, p, advice, limit)));
  return lines.join('\n') + '\n';
}
