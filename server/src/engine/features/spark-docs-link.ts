// The page of Spark's own documentation, for the job's Spark version, that describes a key: hover ends with a link to
// it. Spark publishes each release's docs under spark.apache.org/docs/<version>/; section anchors are the ids its
// site generator gives the headings ("Dynamic Allocation" → #dynamic-allocation).
import type { KeyInfo } from '../catalog/types';

const DOCS_ROOT = 'https://spark.apache.org/docs';

/** Page and section for each key family; the first prefix that matches wins. */
const PAGES: ReadonlyArray<{ prefix: string; page: string; section?: string }> = [
  { prefix: 'spark.dynamicAllocation.', page: 'configuration.html', section: 'dynamic-allocation' },
  { prefix: 'spark.shuffle.', page: 'configuration.html', section: 'shuffle-behavior' },
  { prefix: 'spark.kubernetes.', page: 'running-on-kubernetes.html', section: 'spark-properties' },
  { prefix: 'spark.', page: 'configuration.html' },
];

export interface SparkDocsLink {
  url: string;
  /** What the link text says: "Spark 3.5.1 configuration". */
  label: string;
}

/**
 * The docs page for a Spark key on a version (`info` when the catalog describes it); undefined for keys Spark itself
 * does not define (EMR, Celeborn…) and internal ones.
 */
export function sparkDocsLink(key: string, version: string, info?: KeyInfo): SparkDocsLink | undefined {
  if (info?.provider !== undefined || info?.internal === true) return undefined;
  const match = PAGES.find((candidate) => key.startsWith(candidate.prefix));
  if (!match) return undefined;
  const anchor = match.section !== undefined ? `#${match.section}` : '';
  const what = match.page === 'running-on-kubernetes.html' ? 'Running on Kubernetes' : 'configuration';
  return { url: `${DOCS_ROOT}/${version}/${match.page}${anchor}`, label: `Spark ${version} ${what}` };
}
