// The uPlot time chart of one simulation: executors, target, pods, task slots, tasks and PVCs over time, and for a
// replay the executors the event log observed.
import uPlot from 'uplot';
import type { SimulationResult, TimelinePoint } from '../../protocol/simulation';
import { Bands } from './bands';
import { bandsHeight, drawBands } from './export-bands';
import { withEnlargedCopy } from './enlarged-copy';
import { composeExport, EXPORT_SCALE, type ExportCaption } from './export-canvas';
import { alignTimelines } from './chart-data';
import { SERIES_HELP } from './series-help';
import { formatClock, trim } from './format';
import type { ObservedRun } from '../../protocol/webview-messages';
import type { ChartTheme } from './theme';

type SeriesKey = keyof ChartTheme['series'];

interface SeriesSpec {
  key: SeriesKey;
  label: string;
  /** Explains the series on hover over its legend entry. */
  help?: string;
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
  private bands: Bands | undefined;
  private data: uPlot.AlignedData | undefined;

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
    this.bands = undefined;
    this.data = undefined;
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

  /** uPlot options at scale `k` (fonts, lines and axis sizes grow with it; the PNG export draws at k > 1). */
  private options(
    theme: ChartTheme,
    specs: readonly SeriesSpec[],
    width: number,
    height: number,
    k: number,
  ): uPlot.Options {
    const font = `${theme.fontSizePx * k}px ${theme.fontFamily}`;
    const axisBase = {
      stroke: theme.foreground,
      font,
      labelFont: font,
      grid: { stroke: theme.grid, width: k },
      ticks: { stroke: theme.grid, width: k, size: 10 * k },
      gap: 5 * k,
    };
    const stepped = uPlot.paths.stepped?.({ align: 1 });
    return {
      width,
      height,
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
          width: s.width * k,
          ...(s.dash ? { dash: s.dash.map((d) => d * k) } : {}),
          ...(stepped ? { paths: stepped } : {}),
          points: { show: false },
          value: (_u, v) => (v == null ? '–' : trim(v, 1)),
        })),
      ],
      axes: [
        { ...axisBase, size: 50 * k, space: 50 * k, values: (_u, splits) => splits.map((v) => formatClock(v)) },
        {
          ...axisBase,
          scale: 'count',
          label: 'executors · pods · PVCs',
          size: 56 * k,
          labelSize: 30 * k,
          space: 30 * k,
        },
        {
          ...axisBase,
          scale: 'tasks',
          side: 1,
          label: 'task slots · tasks',
          size: 60 * k,
          labelSize: 30 * k,
          space: 30 * k,
          grid: { show: false },
        },
      ],
      legend: { live: true },
      cursor: { drag: { x: true, y: false }, points: { show: false } },
    };
  }

  /** Hovering a legend entry explains its series (what Target and Pending pods mean). */
  private explainLegend(specs: readonly SeriesSpec[]): void {
    const entries = this.host.querySelectorAll<HTMLElement>('.u-legend .u-series');
    specs.forEach((s, i) => {
      const entry = entries[i + 1];
      const help = s.help ?? SERIES_HELP[s.key];
      if (entry && help) {
        entry.title = help;
        entry.dataset.help = s.key;
      }
    });
  }

  private layoutBands(): void {
    const plot = this.plot;
    if (!plot || !this.bands) return;
    const over = plot.over.getBoundingClientRect();
    const host = this.host.getBoundingClientRect();
    this.bands.layout({ left: over.left - host.left, width: over.width, toPx: (sec) => plot.valToPos(sec, 'x') });
  }

  private rebuild(): void {
    const result = this.result;
    const theme = this.theme;
    if (!result || !theme) return;
    const observed = this.observed;
    this.plot?.destroy();
    this.plot = undefined;
    this.bands = undefined;
    this.data = undefined;
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
    const opts = this.options(theme, specs, this.width(), HEIGHT, 1);
    opts.hooks = {
      // The x range on screen, for tests and tools (it covers the simulated and the observed timeline).
      setScale: [
        (u, key) => {
          if (key !== 'x') return;
          const { min, max } = u.scales.x ?? {};
          if (min != null) this.host.dataset.xMin = String(min);
          if (max != null) this.host.dataset.xMax = String(max);
          this.layoutBands();
        },
      ],
      setSize: [() => this.layoutBands()],
    };
    this.plot = new uPlot(opts, data, this.host);
    this.data = data;
    this.drawn = specs;
    this.explainLegend(specs);
    this.bands = new Bands(this.host, result);
    this.layoutBands();
    this.host.dataset.series = String(this.plot.series.length - 1);
    this.host.dataset.points = String(timeline.length);
    if (observed) this.host.dataset.observedPoints = String(observed.timeline.length);
    this.host.dataset.theme = theme.kind;
  }

  /**
   * The chart as a PNG data URL at EXPORT_SCALE× its CSS size, redrawn (not stretched) on the theme background, with
   * the caption's title and figures above a drawn legend and the job, stage (and, while open, executor) bands below;
   * undefined without a chart.
   */
  async toPngDataUrl(caption: ExportCaption): Promise<string | undefined> {
    const live = this.plot;
    const theme = this.theme;
    const data = this.data;
    if (!live || !theme || !data) return undefined;
    return withEnlargedCopy(
      {
        live,
        data,
        height: HEIGHT,
        options: (width, height, k) => this.options(theme, this.drawn, width, height, k),
        keepXRange: true,
      },
      (plot) => this.compose(plot, theme, caption, live),
    );
  }

  private compose(plot: uPlot, theme: ChartTheme, caption: ExportCaption, live: uPlot): string | undefined {
    const scale = EXPORT_SCALE;
    const legend = this.drawn
      .filter((_s, i) => live.series[i + 1]?.show !== false)
      .map((s) => ({ label: s.label, colour: theme.series[s.key], ...(s.dash ? { dash: s.dash } : {}) }));
    const bandRows = this.bands?.visibleRows() ?? [];
    delete this.host.dataset.exportBands;
    const below =
      bandRows.length === 0
        ? undefined
        : {
            height: bandsHeight(bandRows, scale),
            draw: (ctx: CanvasRenderingContext2D, top: number): void => {
              const { left, width } = plot.bbox;
              const axis = { left, width, toPx: (sec: number) => plot.valToPos(sec, 'x', true) - left };
              this.host.dataset.exportBands = JSON.stringify(drawBands(ctx, bandRows, axis, top, theme, scale));
            },
          };
    return composeExport({ chart: plot.ctx.canvas, theme, caption, legend, scale, ...(below ? { below } : {}) });
  }
}
