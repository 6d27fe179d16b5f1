// An off-screen copy of a chart drawn larger for export: the copy has EXPORT_SCALE × the live chart's CSS size in
// device pixels whatever the screen's pixel ratio, hides the series the live chart hides, and is destroyed once used.
// Shared by the timeline and the advisor exports.
import uPlot from 'uplot';
import { EXPORT_SCALE } from './export-canvas';

export interface EnlargedCopy {
  live: uPlot;
  data: uPlot.AlignedData;
  /** CSS height of the live chart. */
  height: number;
  /** The copy's options at `width` × `height` CSS pixels, with lines and marks `k` times thicker. */
  options(width: number, height: number, k: number): uPlot.Options;
  /** Show the live chart's x range (it may be zoomed) rather than the data's. */
  keepXRange?: boolean;
}

export async function withEnlargedCopy<T>(copy: EnlargedCopy, use: (plot: uPlot) => T): Promise<T> {
  const { live } = copy;
  const dpr = live.ctx.canvas.width / Math.max(1, live.width);
  // A plot drawn k times larger in CSS pixels has EXPORT_SCALE × the CSS size in device pixels.
  const k = EXPORT_SCALE / dpr;
  const box = document.createElement('div');
  box.className = 'export-box';
  document.body.append(box);
  let plot: uPlot | undefined;
  try {
    plot = new uPlot(copy.options(live.width * k, copy.height * k, k), copy.data, box);
    plot.series.forEach((_s, i) => {
      if (i > 0 && live.series[i]?.show === false) plot?.setSeries(i, { show: false });
    });
    const min = live.scales.x?.min;
    const max = live.scales.x?.max;
    if (copy.keepXRange && min != null && max != null) plot.setScale('x', { min, max });
    // uPlot sizes and draws in a microtask after construction: let it finish first.
    await new Promise((done) => setTimeout(done, 0));
    return use(plot);
  } finally {
    plot?.destroy();
    box.remove();
  }
}
