// Where each SparkApplication's blocks sit (its `sparkConf` map, its `spec.dynamicAllocation` block), remembered for
// completion without parsing the text again. Kept beside the jobs rather than in them: the job model is plain data
// shared by every format, and these anchors matter only to YAML completion.
import type { JobConfig } from '../../model';
import { moveRanges } from '../../move-ranges';
import { movedOrigin } from '../../moved-jobs';
import type { BlockAnchor } from './block-anchor';
import type { SparkConfBlock } from './spark-conf';

export interface JobBlocks {
  conf?: SparkConfBlock;
  dynamicAllocation?: BlockAnchor;
}

const blocksOf = new WeakMap<JobConfig, JobBlocks>();
/** Jobs read by the YAML locator in this process: the map above says all there is to know about them. */
const readHere = new WeakSet<JobConfig>();
/** Records a job the locator read, with whichever blocks it has. */
export function recordJob(job: JobConfig, blocks: JobBlocks): void {
  readHere.add(job);
  if (blocks.conf || blocks.dynamicAllocation) blocksOf.set(job, blocks);
}

/**
 * The blocks of a job the locator read, or undefined for a job it did not (deserialised data). A moved copy's blocks
 * are its origin's, moved when first asked for: typing moves every job after the edit, completion asks about one.
 */
export function knownBlocks(job: JobConfig): JobBlocks | undefined {
  if (readHere.has(job)) return blocksOf.get(job) ?? {};
  const origin = movedOrigin(job);
  if (!origin || !readHere.has(origin.read)) return undefined;
  const blocks = blocksOf.get(origin.read);
  recordJob(job, blocks ? moveRanges(blocks, origin.delta) : {});
  return blocksOf.get(job) ?? {};
}
