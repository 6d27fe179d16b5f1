// The job, stage and executor bands of an exported PNG: the rows the panel shows under the plot (the executor lanes
// only while the lifetime view is open), drawn on the export canvas with the same lanes, colours and labels, scaled,
// and lined up with the exported plot's time axis.
import { LANE_PX, type BandKind, type BandRowSnapshot } from './bands';
import type { ChartTheme } from './theme';

/** The exported plot's time axis in canvas pixels: where its plotting area starts, its width, and seconds → pixels. */
export interface ExportAxis {
  left: number;
  width: number;
  /** Pixels from the plotting area's left edge. */
  toPx(sec: number): number;
}

/** Where each band row landed in the image (kept on the chart element for tests and tools). */
export interface ExportedBands {
  left: number;
  width: number;
  rows: { kind: BandKind; top: number; height: number; lanes: number }[];
}

// Spacing in CSS pixels, as styles.css puts it on screen.
const STRIP_GAP = 4;
const ROW_GAP = 3;
const BOTTOM_MARGIN = 6;
const BOX_GAP = 2;

const laneHeight = (kind: BandKind, scale: number): number => LANE_PX[kind] * scale;

/** The height the rows take below the plot; 0 without rows. */
export function bandsHeight(rows: readonly BandRowSnapshot[], scale: number): number {
  if (rows.length === 0) return 0;
  const lanes = rows.reduce((h, r) => h + ROW_GAP * scale + Math.max(1, r.layout.lanes) * laneHeight(r.kind, scale), 0);
  return Math.ceil(STRIP_GAP * scale + lanes + BOTTOM_MARGIN * scale);
}

/** The colour a kind of band has on screen (styles.css: blue jobs, purple stages, green executors). */
export function bandColour(kind: BandKind, theme: ChartTheme): string {
  const s = theme.series;
  return kind === 'jobs' ? s.running : kind === 'stages' ? s.target : s.busySlots;
}

/** Diagonal stripes over a box whose span was still running when the run stopped. */
function hatch(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, scale: number): void {
  ctx.save();
  ctx.beginPath();
  ctx.rect(x, y, w, h);
  ctx.clip();
  ctx.globalAlpha = 0.5;
  ctx.strokeStyle = 'rgb(128, 128, 128)';
  ctx.lineWidth = 2 * scale;
  const step = 5 * scale;
  for (let sx = x - h; sx < x + w; sx += step) {
    ctx.beginPath();
    ctx.moveTo(sx, y + h);
    ctx.lineTo(sx + h, y);
    ctx.stroke();
  }
  ctx.restore();
}

/** Draws the rows from `top` down; returns where they went. */
export function drawBands(
  ctx: CanvasRenderingContext2D,
  rows: readonly BandRowSnapshot[],
  axis: ExportAxis,
  top: number,
  theme: ChartTheme,
  scale: number,
): ExportedBands {
  const highContrast = theme.kind === 'high-contrast' || theme.kind === 'high-contrast-light';
  const placed: ExportedBands['rows'] = [];
  let y = top + STRIP_GAP * scale;
  ctx.save();
  ctx.font = `${Math.round(theme.fontSizePx * 0.8 * scale)}px ${theme.fontFamily}`;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  const clamp = (px: number): number => Math.max(0, Math.min(axis.width, px));
  for (const row of rows) {
    y += ROW_GAP * scale;
    const lane = laneHeight(row.kind, scale);
    const height = Math.max(1, row.layout.lanes) * lane;
    ctx.globalAlpha = 1;
    ctx.fillStyle = theme.muted;
    ctx.fillText(row.label, 10 * scale, y);
    const colour = bandColour(row.kind, theme);
    row.layout.spans.forEach((span, i) => {
      const start = axis.toPx(span.startSec);
      const end = axis.toPx(span.endSec);
      if (end < 0 || start > axis.width) return; // outside the zoomed range
      const a = clamp(start);
      const w = Math.max(scale, clamp(end) - a);
      const x = axis.left + a;
      const boxTop = y + span.lane * lane;
      const h = lane - BOX_GAP * scale;
      ctx.globalAlpha = highContrast ? 1 : i % 2 === 1 ? 0.5 : 0.75;
      ctx.fillStyle = colour;
      ctx.fillRect(x, boxTop, w, h);
      ctx.globalAlpha = 1;
      if (span.open) hatch(ctx, x, boxTop, w, h, scale);
      if (highContrast) {
        ctx.strokeStyle = theme.foreground;
        ctx.lineWidth = scale;
        ctx.strokeRect(x, boxTop, w, h);
      }
    });
    placed.push({ kind: row.kind, top: Math.round(y), height: Math.round(height), lanes: row.layout.lanes });
    y += height;
  }
  ctx.restore();
  return { left: Math.round(axis.left), width: Math.round(axis.width), rows: placed };
}
