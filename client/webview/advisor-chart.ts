// The advisor's frontier as a uPlot scatter: runtime across, cost up. The frontier points are joined; the file as
// written, the recommended, cheapest and fastest points and each heuristic are labelled markers; the runtime
// constraint is a vertical line with the slower side shaded. A click on (or near) a marker picks its point.
import uPlot from 'uplot';
import type { Advice } from '../../protocol/advice';
import type { AdvisorEntry, PointRole } from './advisor-points';
import { runtimeLimit } from './advisor-points';
import { placeLabels } from './advisor-labels';
import { withEnlargedCopy } from './enlarged-copy';
import { composeExport, EXPORT_SCALE, type ExportCaption } from './export-canvas';
import { formatDuration, formatUsd } from './format';
import type { ChartTheme } from './theme';

const HEIGHT = 340;
/** Whose label wins a contested spot. */
const LABEL_PRIORITY: readonly PointRole[] = ['recommended', 'current', 'cheapest', 'fastest', 'heuristic', 'frontier'];
/** How far (CSS pixels) a click may land from a marker and still pick it. */
const PICK_RADIUS = 14;
/** Heuristics beyond this many share one series (and one colour). */
const HEURISTIC_SERIES_MAX = 6;

interface MarkerSeries {
  label: string;
  entries: AdvisorEntry[];
  colour: string;
  size: number;
  /** Joined by a line (the frontier only). */
  line: boolean;
  /** Draw the entry's label beside its marker. */
  labelled: boolean;
}

function roleColour(role: PointRole, theme: ChartTheme, heuristicIndex = 0): string {
  const s = theme.series;
  switch (role) {
    case 'frontier':
      return s.running;
    case 'current':
      return theme.foreground;
    case 'recommended':
      return s.busySlots;
    case 'cheapest':
      return s.pendingTasks;
    case 'fastest':
      return s.target;
    case 'heuristic':
      return [s.pendingPods, s.livePvcs, s.static, s.pendingTasks, s.target, s.running][heuristicIndex % 6] ?? s.static;
  }
}

function markerSeries(entries: readonly AdvisorEntry[], theme: ChartTheme): MarkerSeries[] {
  const of = (role: PointRole): AdvisorEntry[] => entries.filter((e) => e.role === role);
  const out: MarkerSeries[] = [
    {
      label: 'Frontier',
      entries: of('frontier'),
      colour: roleColour('frontier', theme),
      size: 6,
      line: true,
      labelled: false,
    },
  ];
  const heuristics = of('heuristic');
  heuristics.slice(0, HEURISTIC_SERIES_MAX).forEach((h, i) =>
    out.push({
      label: h.label,
      entries: [h],
      colour: roleColour('heuristic', theme, i),
      size: 9,
      line: false,
      labelled: true,
    }),
  );
  const rest = heuristics.slice(HEURISTIC_SERIES_MAX);
  if (rest.length > 0)
    out.push({ label: 'Other heuristics', entries: rest, colour: theme.muted, size: 8, line: false, labelled: true });
  for (const role of ['fastest', 'cheapest', 'current', 'recommended'] as const) {
    const list = of(role);
    if (list.length === 0) continue;
    const label = list[0]?.label ?? role;
    out.push({
      label,
      entries: list,
      colour: roleColour(role, theme),
      size: role === 'recommended' ? 15 : 11,
      line: false,
      labelled: true,
    });
  }
  return out;
}

interface Placed {
  entry: AdvisorEntry;
  /** Index in the x data. */
  index: number;
  series: number;
}

export class AdvisorChart {
  private plot: uPlot | undefined;
  private advice: Advice | undefined;
  private entries: readonly AdvisorEntry[] = [];
  private theme: ChartTheme | undefined;
  private selectedId: string | undefined;
  private placed: Placed[] = [];
  private series: MarkerSeries[] = [];
  private data: uPlot.AlignedData | undefined;
  private readonly resize: ResizeObserver;

  constructor(
    private readonly host: HTMLElement,
    private readonly onPick: (entry: AdvisorEntry) => void,
  ) {
    this.resize = new ResizeObserver(() => this.fit());
    this.resize.observe(host);
  }

  render(advice: Advice, entries: readonly AdvisorEntry[], theme: ChartTheme, selectedId?: string): void {
    this.advice = advice;
    this.entries = entries;
    this.theme = theme;
    this.selectedId = selectedId;
    this.rebuild();
  }

  setTheme(theme: ChartTheme): void {
    this.theme = theme;
    if (this.advice) this.rebuild();
  }

  select(id: string | undefined): void {
    this.selectedId = id;
    this.host.dataset.selected = id ?? '';
    this.plot?.redraw(false);
  }

  private width(): number {
    return Math.max(240, Math.floor(this.host.clientWidth || 600));
  }

  private fit(): void {
    if (!this.plot) return;
    const w = this.width();
    if (w !== this.plot.width) this.plot.setSize({ width: w, height: HEIGHT });
  }

  private rebuild(): void {
    const advice = this.advice;
    const theme = this.theme;
    this.plot?.destroy();
    this.plot = undefined;
    this.data = undefined;
    this.host.replaceChildren();
    if (!advice || !theme) return;
    this.series = markerSeries(this.entries, theme);
    // One x slot per point, in runtime order: points of different series never share a slot.
    const all: { entry: AdvisorEntry; series: number }[] = [];
    this.series.forEach((s, i) => s.entries.forEach((entry) => all.push({ entry, series: i })));
    all.sort((a, b) => a.entry.point.runtimeSec - b.entry.point.runtimeSec);
    const xs = all.map((a) => a.entry.point.runtimeSec);
    const ys = this.series.map(() => new Array<number | null>(all.length).fill(null));
    this.placed = all.map((a, index) => {
      const column = ys[a.series];
      if (column) column[index] = a.entry.point.costUsd;
      return { entry: a.entry, index, series: a.series + 1 };
    });
    this.data = [xs, ...ys];
    this.plot = new uPlot(this.options(advice, theme, this.width(), HEIGHT, 1, true), this.data, this.host);
    this.plot.over.addEventListener('click', (e) => this.click(e));
    this.host.dataset.points = String(all.length);
    this.host.dataset.series = String(this.series.length);
    this.host.dataset.limit = String(Math.round(runtimeLimit(advice) * 10) / 10);
    this.host.dataset.selected = this.selectedId ?? '';
    this.host.dataset.theme = theme.kind;
  }

  /**
   * uPlot options at scale `k`: fonts, markers and lines grow with it (the PNG export draws at k > 1). Only the
   * `live` chart on screen records its marker positions.
   */
  private options(
    advice: Advice,
    theme: ChartTheme,
    width: number,
    height: number,
    k: number,
    live: boolean,
  ): uPlot.Options {
    const limit = runtimeLimit(advice);
    const font = `${theme.fontSizePx * k}px ${theme.fontFamily}`;
    const axisBase = {
      stroke: theme.foreground,
      font,
      labelFont: font,
      grid: { stroke: theme.grid, width: k },
      ticks: { stroke: theme.grid, width: k, size: 10 * k },
      gap: 5 * k,
      labelSize: 30 * k,
    };
    const noLine: uPlot.Series.PathBuilder = () => null;
    return {
      width,
      height,
      class: 'advisor-chart',
      scales: {
        x: {
          time: false,
          range: (_u, min, max) => {
            const lo = Math.min(min, limit);
            const hi = Math.max(max, limit);
            const pad = Math.max(1, (hi - lo) * 0.06);
            return [Math.max(0, lo - pad), hi + pad];
          },
        },
        y: {
          range: (_u, min, max) => {
            const pad = Math.max(0.001, (max - min) * 0.12);
            return [Math.max(0, min - pad), max + pad];
          },
        },
      },
      series: [
        { label: 'Runtime', value: (_u, v) => (v == null ? '–' : formatDuration(v)) },
        ...this.series.map((s): uPlot.Series => ({
          label: s.label,
          stroke: s.colour,
          width: s.line ? 1.5 * k : 0,
          spanGaps: true,
          ...(s.line ? {} : { paths: noLine }),
          points: {
            show: true,
            size: s.size * k,
            width: 2 * k,
            space: 0,
            stroke: s.colour,
            fill: s.line ? theme.background : s.colour,
          },
          value: (_u, v) => (v == null ? '–' : formatUsd(v)),
        })),
      ],
      axes: [
        {
          ...axisBase,
          label: 'runtime',
          size: 50 * k,
          space: 50 * k,
          values: (_u, splits) => splits.map((v) => formatDuration(v)),
        },
        {
          ...axisBase,
          label: 'cost (USD)',
          size: 64 * k,
          space: 30 * k,
          values: (_u, splits) => splits.map((v) => formatUsd(v)),
        },
      ],
      legend: { show: true, live: false },
      cursor: { drag: { x: false, y: false }, points: { show: false } },
      hooks: {
        drawAxes: [(u) => this.drawConstraint(u, limit, theme, k)],
        draw: [(u) => this.drawLabels(u, theme, k, live)],
      },
    };
  }

  /**
   * The chart as a PNG data URL at EXPORT_SCALE× its CSS size, redrawn on the theme background with the caption's
   * title and lines above a drawn legend; undefined before the chart is drawn.
   */
  async toPngDataUrl(caption: ExportCaption): Promise<string | undefined> {
    const live = this.plot;
    const advice = this.advice;
    const theme = this.theme;
    const data = this.data;
    if (!live || !advice || !theme || !data) return undefined;
    return withEnlargedCopy(
      {
        live,
        data,
        height: HEIGHT,
        options: (width, height, k) => this.options(advice, theme, width, height, k, false),
      },
      (plot) => {
        const legend = this.series
          .filter((_s, i) => live.series[i + 1]?.show !== false)
          .map((s) => ({ label: s.label, colour: s.colour, ...(s.line ? {} : { dot: true }) }));
        return composeExport({ chart: plot.ctx.canvas, theme, caption, legend, scale: EXPORT_SCALE });
      },
    );
  }

  /** The constraint: a vertical line at the slowest allowed runtime, the slower side lightly shaded. */
  private drawConstraint(u: uPlot, limit: number, theme: ChartTheme, k: number): void {
    const ctx = u.ctx;
    const px = devicePixelRatio * k;
    const x = Math.round(u.valToPos(limit, 'x', true));
    const { top, height, left, width } = u.bbox;
    const right = left + width;
    if (x < left || x > right) return;
    ctx.save();
    ctx.fillStyle = theme.grid;
    ctx.globalAlpha = 0.35;
    ctx.fillRect(x, top, right - x, height);
    ctx.globalAlpha = 1;
    ctx.strokeStyle = theme.series.livePvcs;
    ctx.lineWidth = 1.5 * px;
    ctx.setLineDash([6 * px, 4 * px]);
    ctx.beginPath();
    ctx.moveTo(x, top);
    ctx.lineTo(x, top + height);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = theme.muted;
    ctx.font = `${Math.round(theme.fontSizePx * 0.9 * px)}px ${theme.fontFamily}`;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'bottom';
    ctx.fillText('slower than allowed →', x + 4 * px, top + height - 4 * px);
    ctx.restore();
  }

  /** Names beside the labelled markers, a ring around the selected point, and (live) their positions for tests. */
  private drawLabels(u: uPlot, theme: ChartTheme, k: number, live: boolean): void {
    const series = this.series;
    const ctx = u.ctx;
    const dpr = devicePixelRatio;
    ctx.save();
    const fontPx = Math.round(theme.fontSizePx * 0.9 * k);
    ctx.font = `${fontPx * dpr}px ${theme.fontFamily}`;
    // uPlot leaves its axis text settings on the context.
    ctx.textAlign = 'left';
    ctx.textBaseline = 'top';
    const at = (p: Placed): { x: number; y: number } => ({
      x: u.valToPos(p.entry.point.runtimeSec, 'x'),
      y: u.valToPos(p.entry.point.costUsd, 'y'),
    });
    if (live) {
      this.host.dataset.positions = JSON.stringify(
        this.placed.map((p) => {
          const { x, y } = at(p);
          return { id: p.entry.id, x: Math.round(x), y: Math.round(y) };
        }),
      );
    }
    const selected = this.placed.find((p) => p.entry.id === this.selectedId);
    if (selected) {
      const { x, y } = at(selected);
      ctx.strokeStyle = theme.foreground;
      ctx.lineWidth = 2 * k * dpr;
      ctx.beginPath();
      ctx.arc(u.bbox.left + x * dpr, u.bbox.top + y * dpr, 11 * k * dpr, 0, Math.PI * 2);
      ctx.stroke();
    }
    // Labels in priority order: the named points first, then the heuristics.
    const rank = (p: Placed): number => LABEL_PRIORITY.indexOf(p.entry.role);
    const labelled = this.placed
      .filter((p) => series[p.series - 1]?.labelled && u.series[p.series]?.show !== false)
      .sort((a, b) => rank(a) - rank(b));
    const spots = placeLabels(
      labelled.map((p) => ({
        ...at(p),
        r: ((series[p.series - 1]?.size ?? 8) / 2 + 1) * k,
        width: ctx.measureText(p.entry.label).width / dpr,
        height: fontPx + 4 * k,
      })),
      { width: u.bbox.width / dpr, height: u.bbox.height / dpr },
    );
    labelled.forEach((p, i) => {
      const spot = spots[i];
      if (!spot) return;
      const colour = series[p.series - 1]?.colour ?? theme.foreground;
      const { x, y } = at(p);
      const width = ctx.measureText(p.entry.label).width / dpr;
      const height = fontPx + 2 * k;
      // A label moved away from its marker gets a thin line back to it.
      const nearX = Math.max(spot.x, Math.min(x, spot.x + width));
      const nearY = Math.max(spot.y, Math.min(y, spot.y + height));
      if (Math.hypot(nearX - x, nearY - y) > 14 * k) {
        ctx.strokeStyle = colour;
        ctx.globalAlpha = 0.6;
        ctx.lineWidth = k * dpr;
        ctx.beginPath();
        ctx.moveTo(u.bbox.left + x * dpr, u.bbox.top + y * dpr);
        ctx.lineTo(u.bbox.left + nearX * dpr, u.bbox.top + nearY * dpr);
        ctx.stroke();
        ctx.globalAlpha = 1;
      }
      ctx.fillStyle = colour;
      ctx.fillText(p.entry.label, u.bbox.left + spot.x * dpr, u.bbox.top + (spot.y + k) * dpr);
    });
    ctx.restore();
  }

  private click(e: MouseEvent): void {
    const plot = this.plot;
    if (!plot) return;
    const rect = plot.over.getBoundingClientRect();
    const cx = e.clientX - rect.left;
    const cy = e.clientY - rect.top;
    let best: { entry: AdvisorEntry; d: number } | undefined;
    for (const p of this.placed) {
      if (plot.series[p.series]?.show === false) continue;
      const dx = plot.valToPos(p.entry.point.runtimeSec, 'x') - cx;
      const dy = plot.valToPos(p.entry.point.costUsd, 'y') - cy;
      const d = Math.hypot(dx, dy);
      // Named points win ties over the bare frontier point under them.
      const better = !best || d < best.d - 0.5 || (Math.abs(d - best.d) <= 0.5 && best.entry.role === 'frontier');
      if (d <= PICK_RADIUS && better) best = { entry: p.entry, d };
    }
    if (best) this.onPick(best.entry);
  }

  dispose(): void {
    this.resize.disconnect();
    this.plot?.destroy();
    this.plot = undefined;
  }
}
