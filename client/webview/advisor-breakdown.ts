// Where executor time went: one stacked horizontal bar per run (DRA, static, the file as written…) and a table of
// executor-seconds and shares by category. Colours come from CSS classes on theme variables (styles.css), so they
// follow light, dark and high-contrast themes; high contrast adds hatching so categories differ without colour.
import { EXECUTOR_TIME_CATEGORIES, type ExecutorTimeBreakdown, type ExecutorTimeCategory } from '../../protocol/advice';
import { el } from './dom';
import { trim } from './format';

export const CATEGORY_LABELS: Record<ExecutorTimeCategory, string> = {
  busy: 'Busy (running tasks)',
  'shuffle-pinned': 'Idle, kept for shuffle files',
  'cache-held': 'Idle, kept for cached data',
  'idle-timeout': 'Idle, waiting out the idle timeout',
  floor: 'Idle, kept by min executors / target',
  starting: 'Starting (pod requested → registered)',
  decommissioning: 'Decommissioning',
};

export interface BreakdownRow {
  /** `dra`, `static`, `current`: for data attributes and tests. */
  id: string;
  label: string;
  breakdown: ExecutorTimeBreakdown;
}

/** A category's share of a breakdown in percent (0 when the run has no executor time). */
export function share(b: ExecutorTimeBreakdown, category: ExecutorTimeCategory): number {
  return b.totalSec > 0 ? (b.seconds[category] / b.totalSec) * 100 : 0;
}

function shareText(pct: number): string {
  if (pct === 0) return '0%';
  return pct < 0.5 ? '<1%' : `${trim(pct, 0)}%`;
}

function bar(row: BreakdownRow): HTMLElement {
  const wrap = el('div', 'breakdown-row');
  wrap.dataset.run = row.id;
  wrap.append(el('div', 'breakdown-run', row.label));
  const track = el('div', 'breakdown-bar');
  track.setAttribute('role', 'img');
  const parts: string[] = [];
  for (const category of EXECUTOR_TIME_CATEGORIES) {
    const pct = share(row.breakdown, category);
    if (pct <= 0) continue;
    const segment = el('div', `breakdown-segment cat-${category}`);
    segment.dataset.category = category;
    // Set through the CSSOM (allowed by the page's CSP, unlike style attributes).
    segment.style.flexGrow = String(pct);
    segment.title = `${CATEGORY_LABELS[category]}: ${trim(row.breakdown.seconds[category], 0)} executor-seconds (${shareText(pct)})`;
    if (pct >= 8) segment.textContent = shareText(pct);
    track.append(segment);
    parts.push(`${CATEGORY_LABELS[category]} ${shareText(pct)}`);
  }
  if (parts.length === 0) track.append(el('div', 'breakdown-empty', 'no executor time'));
  track.setAttribute('aria-label', `${row.label}: ${parts.join(', ') || 'no executor time'}`);
  wrap.append(track);
  return wrap;
}

function table(rows: readonly BreakdownRow[]): HTMLTableElement {
  const t = el('table', 'breakdown-table');
  const head = el('tr');
  head.append(el('th', undefined, 'Executor time'));
  for (const row of rows) {
    const th = el('th', undefined, row.label);
    th.colSpan = 2;
    head.append(th);
  }
  t.append(el('thead'));
  t.tHead?.append(head);
  const body = el('tbody');
  const line = (category: ExecutorTimeCategory | 'total'): HTMLTableRowElement => {
    const tr = el('tr');
    tr.dataset.category = category;
    const name = el('th');
    if (category !== 'total') name.append(el('span', `breakdown-swatch cat-${category}`));
    name.append(document.createTextNode(category === 'total' ? 'Total' : CATEGORY_LABELS[category]));
    tr.append(name);
    for (const row of rows) {
      const b = row.breakdown;
      const seconds = category === 'total' ? b.totalSec : b.seconds[category];
      tr.append(el('td', undefined, `${trim(seconds, 0)} s`));
      tr.append(el('td', 'breakdown-share', category === 'total' ? '100%' : shareText(share(b, category))));
    }
    return tr;
  };
  for (const category of EXECUTOR_TIME_CATEGORIES) body.append(line(category));
  body.append(line('total'));
  t.append(body);
  return t;
}

/** Replaces `host`'s content with the bars and the table of the rows (nothing when there are none). */
export function renderBreakdown(host: HTMLElement, title: string, rows: readonly BreakdownRow[]): void {
  host.replaceChildren();
  host.hidden = rows.length === 0;
  if (rows.length === 0) return;
  host.append(el('h2', 'section-title', title));
  for (const row of rows) host.append(bar(row));
  host.append(table(rows));
}
