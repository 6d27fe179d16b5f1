// The frame of an exported chart image: the caption's title and lines, a drawn legend, the chart canvas, and an
// optional strip below it, on the theme's background. Shared by the timeline and the advisor exports.
import type { ChartTheme } from './theme';

/** The exported PNG has twice the chart's CSS pixels, whatever the screen's pixel ratio. */
export const EXPORT_SCALE = 2;

/** A title and lines of figures drawn above the exported chart. */
export interface ExportCaption {
  title: string;
  lines: string[];
}

/** One legend entry: a line sample (dashed when `dash` is given) or, for scatter series, a dot. */
export interface LegendItem {
  label: string;
  colour: string;
  dash?: readonly number[];
  dot?: boolean;
}

/** Something drawn under the chart canvas, `height` pixels tall, from `top` down. */
export interface ExportStrip {
  height: number;
  draw(ctx: CanvasRenderingContext2D, top: number): void;
}

export interface ExportFrame {
  /** The chart, already drawn at the export's size. */
  chart: HTMLCanvasElement;
  theme: ChartTheme;
  caption: ExportCaption;
  legend: readonly LegendItem[];
  /** Pixels per CSS pixel of the export (fonts, margins and legend samples grow with it). */
  scale: number;
  below?: ExportStrip;
}

/** The framed chart as a PNG data URL; undefined when the page cannot draw on a canvas. */
export function composeExport(frame: ExportFrame): string | undefined {
  const { chart, theme, caption, legend, scale } = frame;
  const measure = document.createElement('canvas').getContext('2d');
  if (!measure) return undefined;
  const font = `${Math.round(theme.fontSizePx * scale)}px ${theme.fontFamily}`;
  const titleFont = `600 ${Math.round(theme.fontSizePx * 1.3 * scale)}px ${theme.fontFamily}`;
  measure.font = font;
  const rowHeight = Math.round(22 * scale);
  const margin = Math.round(10 * scale);
  // Legend entries in rows that fit the width.
  const items: { item: LegendItem; x: number; row: number }[] = [];
  let x = margin;
  let row = 0;
  for (const item of legend) {
    const w = 24 * scale + measure.measureText(item.label).width + 16 * scale;
    if (x > margin && x + w > chart.width - margin) {
      row++;
      x = margin;
    }
    items.push({ item, x, row });
    x += w;
  }
  const captionHeight = margin + Math.round(rowHeight * 1.3) + caption.lines.length * rowHeight;
  const legendTop = captionHeight + margin / 2;
  const legendRows = items.length > 0 ? row + 1 : 0;
  const pad = legendTop + legendRows * rowHeight + margin / 2;
  const out = document.createElement('canvas');
  out.width = chart.width;
  out.height = chart.height + pad + (frame.below?.height ?? 0);
  const ctx = out.getContext('2d');
  if (!ctx) return undefined;
  ctx.fillStyle = theme.background;
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.textBaseline = 'middle';
  ctx.fillStyle = theme.foreground;
  ctx.font = titleFont;
  ctx.fillText(caption.title, margin, margin + (rowHeight * 1.3) / 2);
  ctx.font = font;
  caption.lines.forEach((line, i) => {
    ctx.fillStyle = i === 0 ? theme.foreground : theme.muted;
    ctx.fillText(line, margin, margin + rowHeight * 1.3 + i * rowHeight + rowHeight / 2);
  });
  for (const { item, x: left, row: r } of items) {
    const y = legendTop + r * rowHeight + rowHeight / 2;
    ctx.strokeStyle = item.colour;
    ctx.fillStyle = item.colour;
    if (item.dot) {
      ctx.beginPath();
      ctx.arc(left + 9 * scale, y, 4.5 * scale, 0, Math.PI * 2);
      ctx.fill();
    } else {
      ctx.lineWidth = 2 * scale;
      ctx.setLineDash((item.dash ?? []).map((d) => d * scale));
      ctx.beginPath();
      ctx.moveTo(left, y);
      ctx.lineTo(left + 18 * scale, y);
      ctx.stroke();
      ctx.setLineDash([]);
    }
    ctx.fillStyle = theme.foreground;
    ctx.fillText(item.label, left + 24 * scale, y);
  }
  ctx.drawImage(chart, 0, pad);
  frame.below?.draw(ctx, pad + chart.height);
  return out.toDataURL('image/png');
}
