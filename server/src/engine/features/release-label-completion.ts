// Completion of a job's `releaseLabel`: every EMR release we know (the emr-spark family included), newest first, with
// the Spark version it ships.
import type { CompletionContext, JobKind } from '../model';
import { knownEmrReleases, sparkVersionForEmrRelease } from '../version';
import type { EngineCompletionItem } from './completion-item';

type ReleaseLabelContext = Extract<CompletionContext, { kind: 'release-label' }>;

/**
 * Which spellings of a release are offered depends on the service, so that every item is a label the job can use:
 * - EMR on EKS takes `emr-x.y.z-latest` (the newest image of the release) or a dated `emr-x.y.z-YYYYMMDD`; the
 *   `-latest` form is offered, as the dated images are too many to list and `-latest` is what most jobs want.
 * - EMR Serverless applications name plain releases (`emr-x.y.z`), so only those are offered.
 * - Anything else (a bare configuration file that also carries a label) gets both, `-latest` first.
 */
function labelForms(kind: JobKind): Array<'latest' | 'plain'> {
  if (kind === 'emr-eks') return ['latest'];
  if (kind === 'emr-serverless') return ['plain'];
  return ['latest', 'plain'];
}

export function completeReleaseLabels(context: ReleaseLabelContext): EngineCompletionItem[] {
  const forms = labelForms(context.job.kind);
  const items: EngineCompletionItem[] = [];
  // knownEmrReleases lists the oldest first; newest first is what a user choosing a release wants to see.
  for (const plain of [...knownEmrReleases()].reverse()) {
    const release = sparkVersionForEmrRelease(plain);
    if (!release) continue;
    for (const form of forms) {
      const label = form === 'latest' ? `${plain}-latest` : plain;
      const latestNote = form === 'latest' ? ' The `-latest` suffix picks the newest image of this release.' : '';
      items.push({
        label,
        kind: 'value',
        insertText: label,
        snippet: false,
        replace: context.replace,
        detail: `Spark ${release.spark}`,
        documentation: `The Amazon EMR release \`${plain}\` ships Apache Spark ${release.spark}.${latestNote}`,
        filterText: label,
        sortText: String(items.length).padStart(3, '0'),
      });
    }
  }
  return items;
}
