// The uPlot time chart of one simulation: executors, target, pods, task slots, tasks and PVCs over time, and for a
// replay the executors the event log observed.
import uPlot from 'uplot';
import type { SimulationResult, TimelinePoint } from '../../protocol/simulation';
import { alignTimelines } from './chart-data';
import { formatClock, trim } from './format';
import type { ObservedRun } from '../../protocol/webview-messages';
import type { ChartTheme } from './theme';

type SeriesKey = keyof ChartTheme['series'];

interface SeriesSpec {
  key: SeriesKey;
  label: string;
  scale: 'count' | 'tasks';
  dash?: number[];
  width: number;
}

interface SimulatedSeries extends SeriesSpec {
  pick: (p: TimelinePoint, r: SimulationResult) => number;
}

const SERIES: readonly SimulatedSeries[] = [
  { key: 'running', label: 'Running executors', scale: 'count', width: 2.5, pick: (p) => p.running },
  { key: 'target', label: 'Target', scale: 'count', width: 1.5, dash: [6, 4], pick: (p) => p.target },
  { key: 'pendingPods', label: 'Pending pods', scale: 'count', width: 1.5, pick: (p) => p.pendingPods },
  { key: 'livePvcs', label: 'Live PVCs', scale: 'count', width: 1.5, dash: [2, 3], pick: (p) => p.livePvcs },
  { key: 'busySlots', label: 'Busy task slots', scale: 'tasks', width: 1.5, pick: (p) => p.busySlots },
  { key: 'pendingTasks', label: 'Pending tasks', scale: 'tasks', width: 1.5, pick: (p) => p.pendingTasks },
  {
    key: 'static',
    label: 'Static executors',
    scale: 'count',
    width: 1,
    dash: [1, 4],
    pick: (_p, r) => r.static.executors,
  },
];

/** Replays only: the executors the event log says really ran. */
const OBSERVED: SeriesSpec = { key: 'observed', label: 'Observed executors', scale: 'count', width: 2, dash: [10, 5] };

const HEIGHT = 340;

function upperRange(max: number | null): number {
  const m = max ?? 0;
  if (!Number.isFinite(m) || m <= 0) return 1;
  return Math.ceil(m * 1.08);
}

export class TimelineChart {
  private plot: uPlot | undefined;
  private result: SimulationResult | undefined;
  private observed: ObservedRun | undefined;
  private theme: ChartTheme | undefined;
  /** The series drawn by the current plot, in order (for the PNG legend). */
  private drawn: readonly SeriesSpec[] = [];
  private readonly resize: ResizeObserver;

  constructor(private readonly host: HTMLElement) {
    this.resize = new ResizeObserver(() => this.fit());
    this.resize.observe(host);
  }

  /**
   * Draws (or redraws) the result with the given theme, and what an event log observed when given. Builds a new
   * plot so every colour is re-read.
   */
  render(result: SimulationResult, theme: ChartTheme, observed?: ObservedRun): void {
    this.result = result;
    this.observed = observed;
    this.theme = theme;
    this.rebuild();
  }

  setTheme(theme: ChartTheme): void {
    this.theme = theme;
    if (this.result) this.rebuild();
  }

  clear(): void {
    this.plot?.destroy();
    this.plot = undefined;
    this.result = undefined;
    this.observed = undefined;
    this.drawn = [];
    this.host.replaceChildren();
    delete this.host.dataset.series;
    delete this.host.dataset.points;
    delete this.host.dataset.observedPoints;
    delete this.host.dataset.xMin;
    delete this.host.dataset.xMax;
  }

  dispose(): void {
    this.resize.disconnect();
    this.clear();
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
    const result = this.result;
    const theme = this.theme;
    if (!result || !theme) return;
    const observed = this.observed;
    this.plot?.destroy();
    this.plot = undefined;
    this.drawn = [];
    this.host.replaceChildren();
    delete this.host.dataset.observedPoints;
    delete this.host.dataset.xMin;
    delete this.host.dataset.xMax;
    const timeline = result.dra.timeline;
    if (timeline.length === 0 && (!observed || observed.timeline.length === 0)) {
      const empty = document.createElement('p');
      empty.className = 'chart-empty';
      empty.textContent = 'The simulation produced no timeline samples.';
      this.host.append(empty);
      this.host.dataset.series = '0';
      this.host.dataset.points = '0';
      return;
    }
    let data: uPlot.AlignedData;
    let specs: readonly SeriesSpec[];
    if (observed) {
      // Both timelines on one x axis that covers them both.
      const aligned = alignTimelines(timeline, observed.timeline, observed.runtimeSec);
      data = [
        aligned.xs,
        ...SERIES.map((s) =>
          aligned.sim.map((i) => {
            const p = timeline[i];
            return p === undefined ? null : s.pick(p, result);
          }),
        ),
        aligned.observed,
      ];
      specs = [...SERIES, OBSERVED];
    } else {
      data = [timeline.map((p) => p.t), ...SERIES.map((s) => timeline.map((p) => s.pick(p, result)))];
      specs = SERIES;
    }
    const font = `${theme.fontSizePx}px ${theme.fontFamily}`;
    const axisBase = {
      stroke: theme.foreground,
      font,
      labelFont: font,
      grid: { stroke: theme.grid, width: 1 },
      ticks: { stroke: theme.grid, width: 1 },
    };
    const stepped = uPlot.paths.stepped?.({ align: 1 });
    const opts: uPlot.Options = {
      width: this.width(),
      height: HEIGHT,
      class: 'timeline-chart',
      scales: {
        x: { time: false },
        count: { range: (_u, _min, max) => [0, upperRange(max)] },
        tasks: { range: (_u, _min, max) => [0, upperRange(max)] },
      },
      series: [
        { label: 'Time', value: (_u, v) => (v == null ? '–' : formatClock(v)) },
        ...specs.map((s): uPlot.Series => ({
          label: s.label,
          scale: s.scale,
          stroke: theme.series[s.key],
          width: s.width,
          ...(s.dash ? { dash: s.dash } : {}),
          ...(stepped ? { paths: stepped } : {}),
          points: { show: false },
          value: (_u, v) => (v == null ? '–' : trim(v, 1)),
        })),
      ],
      axes: [
        { ...axisBase, values: (_u, splits) => splits.map((v) => formatClock(v)) },
        { ...axisBase, scale: 'count', label: 'executors · pods · PVCs', size: 56 },
        { ...axisBase, scale: 'tasks', side: 1, label: 'task slots · tasks', size: 60, grid: { show: false } },
      ],
      legend: { live: true },
      cursor: { drag: { x: true, y: false }, points: { show: false } },
      hooks: {
        // The x range on screen, for tests and tools (it covers the simulated and the observed timeline).
        setScale: [
          (u, key) => {
            if (key !== 'x') return;
            const { min, max } = u.scales.x ?? {};
            if (min != null) this.host.dataset.xMin = String(min);
            if (max != null) this.host.dataset.xMax = String(max);
          },
        ],
      },
    };
    this.plot = new uPlot(opts, data, this.host);
    this.drawn = specs;
    this.host.dataset.series = String(this.plot.series.length - 1);
    this.host.dataset.points = String(timeline.length);
    if (observed) this.host.dataset.observedPoints = String(observed.timeline.length);
    this.host.dataset.theme = theme.kind;
  }

  /** The chart as a PNG data URL with the theme background and a drawn legend, or undefined without a chart. */
  toPngDataUrl(): string | undefined {
    const plot = this.plot;
    const theme = this.theme;
    if (!plot || !theme) return undefined;
    const src = plot.ctx.canvas;
    const dpr = src.width / Math.max(1, plot.width);
    const measure = document.createElement('canvas').getContext('2d');
    if (!measure) return undefined;
    const font = `${Math.round(theme.fontSizePx * dpr)}px ${theme.fontFamily}`;
    measure.font = font;
    // Lay the legend out in rows that fit the chart width.
    const rowHeight = Math.round(22 * dpr);
    const margin = Math.round(8 * dpr);
    const items: { spec: SeriesSpec; x: number; row: number }[] = [];
    let x = margin;
    let row = 0;
    this.drawn.forEach((s, i) => {
      if (plot.series[i + 1]?.show === false) return;
      const w = 24 * dpr + measure.measureText(s.label).width + 16 * dpr;
      if (x > margin && x + w > src.width - margin) {
        row++;
        x = margin;
      }
      items.push({ spec: s, x, row });
      x += w;
    });
    const pad = (row + 1) * rowHeight + margin;
    const out = document.createElement('canvas');
    out.width = src.width;
    out.height = src.height + pad;
    const ctx = out.getContext('2d');
    if (!ctx) return undefined;
    ctx.fillStyle = theme.background;
    ctx.fillRect(0, 0, out.width, out.height);
    ctx.font = font;
    ctx.textBaseline = 'middle';
    for (const item of items) {
      const y = margin / 2 + item.row * rowHeight + rowHeight / 2;
      ctx.strokeStyle = theme.series[item.spec.key];
      ctx.lineWidth = 2 * dpr;
      ctx.setLineDash((item.spec.dash ?? []).map((d) => d * dpr));
      ctx.beginPath();
      ctx.moveTo(item.x, y);
      ctx.lineTo(item.x + 18 * dpr, y);
      ctx.stroke();
      ctx.fillStyle = theme.foreground;
      ctx.fillText(item.spec.label, item.x + 24 * dpr, y);
    }
    ctx.setLineDash([]);
    ctx.drawImage(src, 0, pad);
    return out.toDataURL('image/png');
  }
}
