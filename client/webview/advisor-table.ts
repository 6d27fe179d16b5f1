// The advisor's comparison table: the file as written, the recommended, cheapest and fastest points and each
// heuristic, with runtime, cost, their difference from the file, the changes and the risks. A row click (or Enter /
// Space on a focused row) picks its point.
import type { AdvicePoint } from '../../protocol/advice';
import { changeLines, costDelta, runtimeDelta, type AdvisorEntry } from './advisor-points';
import { el } from './dom';
import { formatDuration, formatUsd } from './format';

function changesCell(point: AdvicePoint): HTMLTableCellElement {
  const td = el('td', 'advisor-changes');
  const lines = changeLines(point);
  if (lines.length === 0) {
    td.append(el('span', 'advisor-muted', 'no changes'));
    return td;
  }
  for (const line of lines) {
    const item = el('div', 'advisor-change');
    item.title = `${line.key} = ${line.value}`;
    item.append(
      el('span', 'advisor-change-key', line.short),
      document.createTextNode(' = '),
      el('code', undefined, line.value),
    );
    td.append(item);
  }
  return td;
}

function risksCell(point: AdvicePoint): HTMLTableCellElement {
  const td = el('td', 'advisor-risks');
  if (point.risks.length === 0) td.append(el('span', 'advisor-muted', '–'));
  for (const risk of point.risks) td.append(el('div', 'advisor-risk', risk));
  return td;
}

function nameCell(entry: AdvisorEntry): HTMLTableCellElement {
  const th = el('th', 'advisor-name');
  th.scope = 'row';
  th.append(el('span', `advisor-dot role-${entry.role}`), document.createTextNode(entry.label));
  if (entry.meetsConstraint !== undefined) {
    th.append(
      el(
        'div',
        entry.meetsConstraint ? 'advisor-badge ok' : 'advisor-badge miss',
        entry.meetsConstraint ? 'within the runtime limit' : 'slower than allowed',
      ),
    );
  }
  return th;
}

/** Builds the table; `pick` is called with the row's entry on click or keyboard activation. */
export function advisorTable(
  entries: readonly AdvisorEntry[],
  current: AdvicePoint,
  pick: (entry: AdvisorEntry) => void,
): HTMLTableElement {
  const table = el('table', 'advisor-table');
  const head = el('tr');
  for (const title of ['', 'Runtime', 'Cost', 'Δ runtime', 'Δ cost', 'Changes', 'Risks'])
    head.append(el('th', undefined, title));
  table.append(el('thead'));
  table.tHead?.append(head);
  const body = el('tbody');
  for (const entry of entries) {
    const p = entry.point;
    const tr = el('tr', `advisor-row role-${entry.role}`);
    tr.dataset.point = entry.id;
    tr.tabIndex = 0;
    tr.setAttribute('aria-selected', 'false');
    tr.append(
      nameCell(entry),
      el('td', 'num', formatDuration(p.runtimeSec)),
      el('td', 'num', formatUsd(p.costUsd)),
      el('td', 'num', entry.role === 'current' ? '–' : runtimeDelta(p, current)),
      el('td', 'num', entry.role === 'current' ? '–' : costDelta(p, current)),
      changesCell(p),
      risksCell(p),
    );
    tr.addEventListener('click', () => pick(entry));
    tr.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      e.preventDefault();
      pick(entry);
    });
    body.append(tr);
  }
  table.append(body);
  return table;
}

/** Marks the row of `id` as selected (and only it). */
export function selectRow(table: HTMLTableElement, id: string | undefined): void {
  for (const row of Array.from(table.querySelectorAll<HTMLTableRowElement>('tr[data-point]'))) {
    const on = row.dataset.point === id;
    row.classList.toggle('selected', on);
    row.setAttribute('aria-selected', String(on));
  }
}
