// Number and duration formatting for cards, axes and the legend.

/** "45s", "3m 20s", "1h 05m". */
export function formatDuration(sec: number): string {
  if (!Number.isFinite(sec) || sec < 0) return '–';
  if (sec < 60) return `${trim(sec, sec < 10 ? 1 : 0)}s`;
  const total = Math.round(sec);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h}h ${String(m).padStart(2, '0')}m`;
  return `${m}m ${String(s).padStart(2, '0')}s`;
}

/** Axis ticks: "0:45", "12:30", "1:02:03". */
export function formatClock(sec: number): string {
  if (!Number.isFinite(sec)) return '';
  const neg = sec < 0;
  const total = Math.round(Math.abs(sec));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const body =
    h > 0 ? `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}` : `${m}:${String(s).padStart(2, '0')}`;
  return neg ? `-${body}` : body;
}

export function trim(n: number, digits: number): string {
  if (!Number.isFinite(n)) return '–';
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

/** "1 job", "3 jobs", "1,200 tasks": a count and its noun, plural unless the count is one. */
export function countOf(n: number, noun: string): string {
  return `${trim(n, 0)} ${noun}${n === 1 ? '' : 's'}`;
}

export function formatUsd(n: number): string {
  if (!Number.isFinite(n)) return '–';
  const abs = Math.abs(n);
  const digits = abs >= 100 ? 0 : abs >= 0.01 || abs === 0 ? 2 : 4;
  const text = abs.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return `${n < 0 ? '−' : ''}$${text}`;
}

/** Signed percentage of `part` against `whole` ("+12%", "−8%"); undefined when whole is 0. */
export function percent(part: number, whole: number): string | undefined {
  if (!Number.isFinite(part) || !Number.isFinite(whole) || whole === 0) return undefined;
  const p = (part / whole) * 100;
  const r = Math.round(p);
  return `${r > 0 ? '+' : r < 0 ? '−' : '±'}${Math.abs(r)}%`;
}

/** "+1.5", "−0.5", "0". */
export function signed(n: number, digits: number): string {
  if (!Number.isFinite(n)) return '–';
  const text = trim(Math.abs(n), digits);
  if (text === '0') return '0';
  return `${n > 0 ? '+' : '−'}${text}`;
}
