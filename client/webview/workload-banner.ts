// The banner above the figures: which workload was simulated, in a sentence, and how to choose another. A synthetic
// preset the user never picked must not pass for their job.
import type { SimulationResult } from '../../protocol/simulation';
import { el } from './dom';

export interface BannerText {
  /** "Synthetic workload", "Workload from a file", "Workload from the event log". */
  lead: string;
  name: string;
  description?: string;
  /** How to choose another. */
  choose: string;
}

export function bannerText(r: SimulationResult): BannerText {
  const w = r.workload;
  if (w.source === 'event log')
    return {
      lead: 'Workload from the event log',
      name: w.name,
      choose: 'the jobs, stages and tasks your application really ran, replayed through the simulator.',
    };
  if (w.source === 'file')
    return { lead: 'Workload from a file', name: w.name, choose: 'described in a workload JSON file.' };
  return {
    lead: 'Synthetic workload',
    name: w.name,
    ...(w.description ? { description: w.description } : {}),
    choose:
      'Not your job: pick another preset under What if, simulate a workload file (spark-dra simulate --workload), ' +
      'or replay your own event log (Spark DRA: Replay Event Log…).',
  };
}

export function renderBanner(host: HTMLElement, r: SimulationResult): void {
  const t = bannerText(r);
  const line = el('div', 'banner-line');
  line.append(`${t.lead} `, el('strong', undefined, t.name), t.description ? `: ${t.description}` : '');
  host.dataset.source = r.workload.source ?? 'preset';
  host.replaceChildren(line, el('div', 'banner-choose', t.choose));
}
