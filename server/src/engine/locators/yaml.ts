// The YAML locator: finds SparkApplications of both operators, StorageClasses and spark-defaults text held in
// ConfigMaps or Helm values in a (multi-document) YAML file.
// Documents of any other kind are skipped entirely, syntax errors included.
import type { CompletionContext, JobConfig, ParsedFile } from '../model';
import { emptyParsedFile, rangeContains } from '../model';
import { readDirectives } from './comment-directives';
import { sparkConfCompletion } from './yaml/completion';
import { yamlDocuments, type DocumentRoute, type YamlDocument } from './yaml/syntax/documents';
import { clearlyNotOurs } from './yaml/kind-scan';
import { isApacheSparkApplication, readApacheSparkApplication } from './yaml/apache-spark-application';
import { readSparkApplication, sparkApplicationKind, type SparkConfBlock } from './yaml/spark-application';
import { isPersistentVolumeClaim, readPersistentVolumeClaim } from './yaml/persistent-volume-claim';
import type { BlockAnchor } from './yaml/block-anchor';
import { fieldCompletion } from './yaml/field-completion';
import { DYNAMIC_ALLOCATION_FIELD_DOCS } from './yaml/operator-fields';
import { isStorageClass, readStorageClass } from './yaml/storage-class';
import { maskTemplateActions, overlapsTemplate } from './yaml/template-mask';
import { apiVersionTemplated } from './yaml/templated-api-version';
import { markTemplatedJob, markTemplatedStorageClass } from './yaml/templated-results';
import { mayHoldSparkDefaults, readSparkDefaultsBlock, sparkDefaultsBlocks } from './yaml/spark-defaults-blocks';
import { confBodyCompletion } from './spark-defaults';

/** Where each job's sparkConf block sits, kept for completion without parsing the text again. */
const confBlocks = new WeakMap<JobConfig, SparkConfBlock>();
/** Where each kubeflow job's `spec.dynamicAllocation` block sits, for completion of its fields. */
const dynamicAllocationBlocks = new WeakMap<JobConfig, BlockAnchor>();
/** Jobs read by `parseYamlFile` in this process: the maps above say all there is to know about them. */
const readHere = new WeakSet<JobConfig>();

/** A document whose tree is too broken to read, but whose text says it is one of ours: its errors are worth showing. */
const OUR_KIND_LINE =
  /^kind:[ \t]*["']?(?:ScheduledSparkApplication|SparkApplication|StorageClass|PersistentVolumeClaim)["']?[ \t]*(?:#.*)?$/m;

/** Reads every document of a YAML file (a Helm template when `template` is set). Never throws. */
export function parseYamlFile(text: string, template = false): ParsedFile {
  return readYamlFile(text, { template });
}

export interface YamlReadOptions {
  /**
   * Default true: skip documents that are clearly not ours unparsed, and read the others with the fast reader when it
   * can. False: parse every document with the `yaml` package (the reference the fast path is tested against).
   */
  fastPath?: boolean;
  /** Told how each document was read. */
  onDocument?: (route: DocumentRoute) => void;
  /** The file is a Helm template: its actions are masked before reading (see yaml/template-mask.ts). */
  template?: boolean;
}

/** `parseYamlFile` with its internal switches, for tests and measurements. */
export function readYamlFile(original: string, options: YamlReadOptions): ParsedFile {
  const { text, spans } = options.template ? maskTemplateActions(original) : { text: original, spans: [] };
  const parsed = emptyParsedFile('yaml');
  const fastPath = options.fastPath !== false;
  const onDocument = options.onDocument;
  const documents = yamlDocuments(text, {
    fastPath,
    ...(fastPath ? { skip: clearlyNotOurs } : {}),
    ...(onDocument ? { onDocument: (route: DocumentRoute) => onDocument(route) } : {}),
  });
  // Each document is read into the file's results before the next is parsed (see yamlDocuments).
  for (;;) {
    let next: IteratorResult<YamlDocument, void>;
    try {
      next = documents.next();
    } catch {
      // Parsing never throws; if it did, the file would read as holding nothing, not as half of it.
      return emptyParsedFile('yaml');
    }
    if (next.done) break;
    const doc = next.value;
    const templatedApi = apiVersionTemplated(text, doc.contents, spans);
    const appKind = sparkApplicationKind(doc.contents, templatedApi);
    const apacheApp = !appKind && isApacheSparkApplication(doc.contents, templatedApi);
    const storageClass = !appKind && !apacheApp && isStorageClass(doc.contents);
    const claim = !appKind && !apacheApp && !storageClass && isPersistentVolumeClaim(doc.contents);
    const recognised = appKind !== undefined || apacheApp || storageClass || claim;
    const bodies = recognised ? [] : defaultsBodies(text, doc);
    if (
      !recognised &&
      bodies.length === 0 &&
      !(doc.errors.length > 0 && OUR_KIND_LINE.test(text.slice(doc.range.start, doc.range.end)))
    ) {
      continue;
    }
    // In a document with template actions, any syntax error may come from text Helm renders: none is reported.
    const templated = spans.length > 0 && overlapsTemplate(spans, doc.range);
    if (!templated) {
      for (const error of doc.errors) parsed.syntaxErrors.push({ message: error.message, range: error.range });
    }
    const directives = readDirectives(text, doc.comments);
    parsed.suppressions.push(...directives.suppressions);
    if (appKind) {
      const { job, confBlock, dynamicAllocationBlock } = readSparkApplication(text, doc, appKind, directives.version);
      if (confBlock) confBlocks.set(job, confBlock);
      if (dynamicAllocationBlock) dynamicAllocationBlocks.set(job, dynamicAllocationBlock);
      parsed.jobs.push(job);
    } else if (apacheApp) {
      const { job, confBlock, problems } = readApacheSparkApplication(text, doc, directives.version);
      if (confBlock) confBlocks.set(job, confBlock);
      parsed.jobs.push(job);
      parsed.syntaxErrors.push(...problems.filter((problem) => !overlapsTemplate(spans, problem.range)));
    } else if (storageClass) {
      parsed.storageClasses.push(readStorageClass(text, doc));
    } else if (claim) {
      (parsed.claims ??= []).push(readPersistentVolumeClaim(text, doc));
    }
    for (const body of bodies) {
      parsed.jobs.push(body.job);
      parsed.suppressions.push(...body.suppressions);
    }
  }
  for (const job of parsed.jobs) readHere.add(job);
  if (spans.length > 0) {
    for (const job of parsed.jobs) markTemplatedJob(job, original, spans);
    for (const info of parsed.storageClasses) markTemplatedStorageClass(info, original, spans);
  }
  return parsed;
}

/** The spark-defaults bodies a document of another kind holds (ConfigMap data, Helm values). */
function defaultsBodies(text: string, doc: YamlDocument): ReturnType<typeof readSparkDefaultsBlock>[] {
  if (!mayHoldSparkDefaults(text.slice(doc.range.start, doc.range.end))) return [];
  return sparkDefaultsBlocks(doc.contents).map((block) => readSparkDefaultsBlock(text, block));
}

/**
 * What the cursor is on: a key or value of a spark-defaults body, a `spec.dynamicAllocation` field name, or a key or
 * value inside a SparkApplication's `sparkConf` map.
 */
export function yamlCompletionContext(
  written: string,
  parsed: ParsedFile,
  offset: number,
): CompletionContext | undefined {
  // In a Helm template, lines of actions must not end the block being completed: read the masked text (same offsets).
  const text = written.includes('{{') ? maskTemplateActions(written).text : written;
  const body = parsed.jobs.find(
    (candidate) => candidate.kind === 'spark-defaults' && rangeContains(candidate.range, offset),
  );
  if (body) return confBodyCompletion(text, body, offset);
  const job = jobAt(parsed.jobs, offset, text.length);
  if (!job) return undefined;
  const blocks = readHere.has(job) ? knownBlocks(job) : freshParse(text, job);
  const fieldBlock = blocks?.dynamicAllocation;
  const field = fieldBlock && fieldCompletion(text, job, fieldBlock, DYNAMIC_ALLOCATION_FIELD_DOCS, offset);
  if (field) return field;
  const container = job.containers.find((candidate) => candidate.kind === 'yaml-spark-conf');
  const block = blocks?.conf;
  if (!container || !block) return undefined;
  return sparkConfCompletion(text, job, container, block, offset);
}

function jobAt(jobs: readonly JobConfig[], offset: number, textLength: number): JobConfig | undefined {
  return jobs.find(
    (job) =>
      (job.kind === 'spark-operator' || job.kind === 'apache-spark-operator') &&
      offset >= job.range.start &&
      (offset < job.range.end || (offset === job.range.end && job.range.end === textLength)),
  );
}

interface JobBlocks {
  conf?: SparkConfBlock;
  dynamicAllocation?: BlockAnchor;
}

/** For jobs that did not come from `parseYamlFile` in this process (copies, deserialised data): parse again. */
function freshParse(text: string, job: JobConfig): JobBlocks | undefined {
  if (job.kind !== 'spark-operator' && job.kind !== 'apache-spark-operator') return undefined;
  const fresh = parseYamlFile(text, text.includes('{{')).jobs.find(
    (candidate) => candidate.range.start === job.range.start,
  );
  return fresh ? knownBlocks(fresh) : undefined;
}

function knownBlocks(job: JobConfig): JobBlocks {
  const conf = confBlocks.get(job);
  const dynamicAllocation = dynamicAllocationBlocks.get(job);
  return { ...(conf ? { conf } : {}), ...(dynamicAllocation ? { dynamicAllocation } : {}) };
}
