// Job and stage bands under the executor chart, and the optional per-executor lifetime view, drawn as boxes lined up
// with the chart's time axis (they follow zoom and resize). Each box names itself on hover.
import type { SimulationResult } from '../../protocol/simulation';
import { executorBands, jobBands, stageBands, type BandLayout } from './band-layout';
import { el } from './dom';

/** Most executor lanes drawn; a note says when there are more. */
export const MAX_EXECUTOR_LANES = 300;

/** Maps seconds to CSS pixels from the left of the plotting area, and gives that area's offset and width. */
export interface TimeAxis {
  left: number;
  width: number;
  toPx(sec: number): number;
}

interface Row {
  kind: 'jobs' | 'stages' | 'executors';
  layout: BandLayout;
  track: HTMLElement;
  boxes: HTMLElement[];
}

export type BandKind = Row['kind'];

/** Height of one lane of each row, in CSS pixels (the PNG export draws the same lanes, scaled). */
export const LANE_PX: Record<BandKind, number> = { jobs: 12, stages: 8, executors: 6 };

/** A row as it stands on screen, for the PNG export. */
export interface BandRowSnapshot {
  kind: BandKind;
  label: string;
  layout: BandLayout;
}

export class Bands {
  private readonly rows: (Row & { label: string })[] = [];
  private lifetimes: HTMLDetailsElement | undefined;

  /** Builds the rows for a result under `host`; nothing when the result has no job times. */
  constructor(host: HTMLElement, result: SimulationResult) {
    const jobs = result.dra.jobs;
    if (!jobs || jobs.length === 0) return;
    const timeline = result.dra.timeline;
    const end = timeline.length > 0 ? (timeline[timeline.length - 1]?.t ?? 0) : 0;
    const strip = el('div', 'bands');
    strip.append(this.row('jobs', 'Jobs', jobBands(jobs, end)));
    const stages = result.dra.stages ?? [];
    if (stages.length > 0) strip.append(this.row('stages', 'Stages', stageBands(stages, end)));
    host.append(strip);
    const executors = result.dra.executors ?? [];
    if (executors.length > 0) {
      const details = el('details', 'lifetimes');
      const shown = Math.min(executors.length, MAX_EXECUTOR_LANES);
      const more = executors.length > shown ? `, first ${shown} shown` : '';
      details.append(el('summary', undefined, `Executor lifetimes (${executors.length}${more})`));
      details.append(this.row('executors', 'Executors', executorBands(executors, end, MAX_EXECUTOR_LANES)));
      host.append(details);
      this.lifetimes = details;
    }
  }

  /** The rows a reader sees now: jobs and stages, and the executor lanes while the lifetime view is open. */
  visibleRows(): BandRowSnapshot[] {
    const open = this.lifetimes?.open === true;
    return this.rows
      .filter((r) => r.kind !== 'executors' || open)
      .map((r) => ({ kind: r.kind, label: r.label, layout: r.layout }));
  }

  private row(kind: Row['kind'], label: string, layout: BandLayout): HTMLElement {
    const wrap = el('div', `band-row band-${kind}`);
    wrap.dataset.kind = kind;
    const track = el('div', 'band-track');
    track.style.height = `${Math.max(1, layout.lanes) * LANE_PX[kind]}px`;
    const boxes = layout.spans.map((span, i) => {
      const box = el('div', `band band-${kind}${span.open ? ' open' : ''}${i % 2 === 1 ? ' alt' : ''}`);
      box.title = span.title;
      box.style.top = `${span.lane * LANE_PX[kind]}px`;
      box.style.height = `${LANE_PX[kind] - 2}px`;
      track.append(box);
      return box;
    });
    wrap.append(el('div', 'band-label', label), track);
    this.rows.push({ kind, label, layout, track, boxes });
    return wrap;
  }

  /** Puts every box where its times fall on the axis (after a zoom or a resize). */
  layout(axis: TimeAxis): void {
    for (const row of this.rows) {
      row.track.style.marginLeft = `${axis.left}px`;
      row.track.style.width = `${axis.width}px`;
      row.layout.spans.forEach((span, i) => {
        const box = row.boxes[i];
        if (!box) return;
        const a = Math.max(0, Math.min(axis.width, axis.toPx(span.startSec)));
        const b = Math.max(0, Math.min(axis.width, axis.toPx(span.endSec)));
        box.hidden = b - a <= 0 && (axis.toPx(span.endSec) < 0 || axis.toPx(span.startSec) > axis.width);
        box.style.left = `${a}px`;
        box.style.width = `${Math.max(1, b - a)}px`;
      });
    }
  }
}
