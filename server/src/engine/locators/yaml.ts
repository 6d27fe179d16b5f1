// The YAML locator: finds SparkApplications of both operators, StorageClasses and spark-defaults text held in
// ConfigMaps or Helm values in a (multi-document) YAML file.
// Documents of any other kind are skipped entirely, syntax errors included.
import type { CompletionContext, JobConfig, ParsedFile, Range } from '../model';
import { emptyParsedFile, rangeContains } from '../model';
import { readDirectives } from './comment-directives';
import { sparkConfCompletion } from './yaml/completion';
import {
  documentStarts,
  readDocumentAt,
  type DocumentRoute,
  type ParseOptions,
  type YamlDocument,
} from './yaml/syntax/documents';
import { emptyPart, joinParts, type DocumentPart } from './yaml/document-results';
import { knownBlocks, recordJob, type JobBlocks } from './yaml/job-blocks';
import { clearlyNotOurs } from './yaml/kind-scan';
import { isApacheSparkApplication, readApacheSparkApplication } from './yaml/apache-spark-application';
import { readSparkApplication, sparkApplicationKind } from './yaml/spark-application';
import { isPersistentVolumeClaim, readPersistentVolumeClaim } from './yaml/persistent-volume-claim';
import { fieldCompletion } from './yaml/field-completion';
import { DYNAMIC_ALLOCATION_FIELD_DOCS } from './yaml/operator-fields';
import { isStorageClass, readStorageClass } from './yaml/storage-class';
import { maskTemplateActions, overlapsTemplate } from './yaml/template-mask';
import { apiVersionTemplated } from './yaml/templated-api-version';
import { markTemplatedJob, markTemplatedStorageClass } from './yaml/templated-results';
import { mayHoldSparkDefaults, readSparkDefaultsBlock, sparkDefaultsBlocks } from './yaml/spark-defaults-blocks';
import { confBodyCompletion } from './spark-defaults';

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
  const parse = documentOptions(options);
  const starts = documentStarts(text);
  const parts: DocumentPart[] = [];
  for (let index = 0; index < starts.length; index++) {
    const range = { start: starts[index] as number, end: starts[index + 1] ?? text.length };
    try {
      parts.push(readYamlDocument(text, range, parse, spans));
    } catch {
      // Reading never throws; if it did, the file would read as holding nothing, not as half of it.
      return emptyParsedFile('yaml');
    }
  }
  // A template's jobs are marked against the whole file below: its parts could not be reused on their own.
  const parsed = joinParts(parts, spans.length === 0);
  if (spans.length > 0) {
    for (const job of parsed.jobs) markTemplatedJob(job, original, spans);
    for (const info of parsed.storageClasses) markTemplatedStorageClass(info, original, spans);
  }
  return parsed;
}

/** How the locator parses documents, from its read options. */
export function documentOptions(options: Pick<YamlReadOptions, 'fastPath' | 'onDocument'> = {}): ParseOptions {
  const fastPath = options.fastPath !== false;
  const onDocument = options.onDocument;
  return {
    fastPath,
    ...(fastPath ? { skip: clearlyNotOurs } : {}),
    ...(onDocument ? { onDocument: (route: DocumentRoute) => onDocument(route) } : {}),
  };
}

/**
 * Reads the document text[range] (a range between two of `documentStarts`) into its part of the file's results. The
 * part depends only on the document's text and the line after it (where a last `disable-next-line` comment points).
 */
export function readYamlDocument(
  text: string,
  range: Range,
  options: ParseOptions,
  spans: readonly Range[] = [],
): DocumentPart {
  const part = emptyPart(range);
  const doc = readDocumentAt(text, range, options);
  if (!doc) return part;
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
    return part;
  }
  // In a document with template actions, any syntax error may come from text Helm renders: none is reported.
  const templated = spans.length > 0 && overlapsTemplate(spans, doc.range);
  if (!templated) {
    for (const error of doc.errors) part.syntaxErrors.push({ message: error.message, range: error.range });
  }
  const directives = readDirectives(text, doc.comments);
  part.suppressions.push(...directives.suppressions);
  if (appKind) {
    const { job, confBlock, dynamicAllocationBlock } = readSparkApplication(text, doc, appKind, directives.version);
    recordJob(job, { conf: confBlock, dynamicAllocation: dynamicAllocationBlock });
    part.jobs.push(job);
  } else if (apacheApp) {
    const { job, confBlock, problems } = readApacheSparkApplication(text, doc, directives.version);
    recordJob(job, { conf: confBlock });
    part.jobs.push(job);
    part.syntaxErrors.push(...problems.filter((problem) => !overlapsTemplate(spans, problem.range)));
  } else if (storageClass) {
    part.storageClasses.push(readStorageClass(text, doc));
  } else if (claim) {
    part.claims.push(readPersistentVolumeClaim(text, doc));
  }
  for (const body of bodies) {
    recordJob(body.job, {});
    part.jobs.push(body.job);
    part.suppressions.push(...body.suppressions);
  }
  return part;
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
  const blocks = knownBlocks(job) ?? freshParse(text, job);
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

/** For jobs that did not come from `parseYamlFile` in this process (copies, deserialised data): parse again. */
function freshParse(text: string, job: JobConfig): JobBlocks | undefined {
  if (job.kind !== 'spark-operator' && job.kind !== 'apache-spark-operator') return undefined;
  const fresh = parseYamlFile(text, text.includes('{{')).jobs.find(
    (candidate) => candidate.range.start === job.range.start,
  );
  return fresh ? knownBlocks(fresh) : undefined;
}
