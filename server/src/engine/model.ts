// The engine's shared vocabulary: what a locator finds in a file and hands to every feature.
// Pure data, no editor or protocol types. All positions are UTF-16 offsets into the document text.

/** Half-open span of the document text: [start, end). */
export interface Range {
  start: number;
  end: number;
}

/** The kinds of job description we understand. */
export type JobKind =
  | 'emr-eks' // EMR on EKS StartJobRun JSON
  | 'emr-serverless' // EMR Serverless StartJobRun JSON
  | 'emr-config' // a bare EMR configuration array
  | 'spark-operator' // Kubeflow spark-operator SparkApplication / ScheduledSparkApplication YAML
  | 'apache-spark-operator' // Apache Spark Kubernetes Operator SparkApplication YAML (spark.apache.org)
  | 'spark-defaults' // spark-defaults.conf
  | 'pyspark' // SparkSession.builder.config(...) calls
  | 'spark-submit'; // a spark-submit command line in a shell script

/** Where in the job description an entry was written. */
export type EntryOrigin =
  | 'property' // an entry of a `properties` map (EMR applicationConfiguration or configuration array)
  | 'submit-conf' // `--conf k=v` inside sparkSubmitParameters
  | 'submit-flag' // `--executor-cores 4` and friends inside sparkSubmitParameters
  | 'spark-conf' // an entry of `spec.sparkConf`
  | 'operator-field' // a SparkApplication field that writes a Spark key (spec.dynamicAllocation.*, spec.executor.*)
  | 'operator-default' // a value the operator sets only when the job leaves the key unset (always implied)
  | 'conf-line' // a line of spark-defaults.conf
  | 'pyspark-config'; // `.config("k", "v")`

/** One Spark property as written in the file. */
export interface ConfigEntry {
  /** The Spark key this entry sets (for flags and operator fields: the key they write). */
  key: string;
  /** The value as Spark receives it (JSON escapes decoded, quotes removed). */
  value: string;
  /** Span of the key as written (the flag for submit flags, the field name for operator fields). */
  keyRange: Range;
  /** Span of the value as written, inside its quotes when quoted. Empty (start == end) when the value is missing. */
  valueRange: Range;
  origin: EntryOrigin;
  /** How the entry is spelled when that differs from `key`, e.g. `--executor-cores` or `spec.dynamicAllocation.minExecutors`. */
  writtenAs?: string;
  /**
   * Precedence: among entries of one job with the same key, the one with the highest rank is the one Spark uses.
   * Locators assign ranks so that this holds (e.g. submit flags outrank `--conf`, operator fields outrank sparkConf).
   */
  rank: number;
  /** For JSON and YAML: the value was not written as a string (e.g. a number or boolean literal). */
  nonStringValue?: boolean;
  /** The EMR classification the entry lives under, when it has one (e.g. `spark-defaults`). */
  classification?: string;
  /**
   * Where a value edit must be written back when the entry's text is encoded (e.g. inside a JSON string holding
   * sparkSubmitParameters). Absent means the value range holds the value verbatim.
   */
  encoding?: 'json-string';
  /**
   * The key is not written in the file: the platform sets it as a consequence of another field, and the ranges point
   * at that field (e.g. spark-operator writes shuffleTracking.enabled=true whenever `dynamicAllocation.enabled` is
   * true). Edits to such an entry must add the key rather than rewrite the value range.
   */
  implied?: boolean;
  /**
   * The value is only known when the job runs: it holds a shell expansion (`$VAR`, `${VAR}`, `$(cmd)`) written in a
   * script. Rules never judge such a value.
   */
  dynamic?: boolean;
  /**
   * The key or the value is (partly) a template action (Helm `{{ … }}`) rendered before Spark sees it: what is written
   * is not what Spark gets, so that part is not judged. `value` then holds the text as written.
   */
  templated?: 'key' | 'value';
  /**
   * In a Helm template: which branch of which `{{ if }}` / `{{ else }}` blocks holds the entry (template-branches.ts).
   * Entries in different branches of one conditional are never rendered together.
   */
  templateBranch?: string;
}

/** Where the job says which Spark version it runs, and what that resolved to. */
export interface SparkVersionSource {
  /** Normalised `major.minor.patch`. */
  version: string;
  /** How the version was learned. */
  from: 'releaseLabel' | 'spec.sparkVersion' | 'spec.runtimeVersions.sparkVersion' | 'comment' | 'setting' | 'fallback';
  /** The raw text (e.g. `emr-6.12.0-latest`) when it came from the file. */
  raw?: string;
  range?: Range;
  /** Set when the raw text was present but could not be resolved (unknown EMR release, malformed version). */
  unresolved?: boolean;
}

/** A place where new Spark keys can be written, used by completion, quick fixes and "apply to file". */
export interface KeyContainer {
  /** Span of the container's contents (e.g. inside the braces of a JSON object, the block of a YAML map). */
  range: Range;
  kind:
    | 'json-properties' // a JSON object mapping key → string
    | 'submit-parameters' // the sparkSubmitParameters JSON string (value range, inside the quotes)
    | 'yaml-spark-conf' // a YAML map of key → string
    | 'conf-file' // the whole spark-defaults.conf
    | 'pyspark-builder'; // a SparkSession.builder chain
  /** Indentation used by entries of this container, when it has entries (YAML, JSON). */
  indent?: string;
  /** For EMR properties maps: the classification it belongs to. */
  classification?: string;
  /** The container's text sits inside a JSON string (sparkSubmitParameters): what is inserted must be escaped. */
  encoding?: 'json-string';
}

/** Facts about one job that are not Spark properties. */
export interface JobFacts {
  /** EMR on EKS: `releaseLabel` value. */
  releaseLabel?: string;
  /** Where the job runs, which decides whether Kubernetes keys apply. */
  platform: 'kubernetes' | 'emr-serverless' | 'unknown';
  /** The name of the job (`name`, `metadata.name`), when present. */
  name?: string;
  /** SparkApplication: `spec.type` (Scala, Java, Python, R). */
  applicationType?: string;
  /** SparkApplication: `spec.dynamicAllocation.enabled` (the operator ignores the block when false). */
  operatorDynamicAllocation?: { enabled: boolean; range: Range };
  /**
   * EMR: the top-level configuration list of the request (`configurationOverrides.applicationConfiguration`, or the
   * configuration array of an `emr-config` file). `count` is its number of items, `range` its opening bracket and
   * `items` the span of each item in order. Nested `configurations` lists are not counted.
   */
  applicationConfiguration?: { count: number; range: Range; items: Range[] };
  /** Apache Spark Kubernetes Operator: the operator's own health thresholds (not Spark settings). */
  apacheOperator?: ApacheOperatorFacts;
}

/** A whole number written in a spec field, with where it is written. */
export interface WrittenNumber {
  value: number;
  range: Range;
}

/**
 * `spec.applicationTolerations` of an Apache operator SparkApplication. The operator stops an app that has fewer than
 * `initExecutors` executors running once `executorStartTimeoutMillis` has passed, and marks it below threshold when it
 * later drops under `minExecutors`. Absent fields are absent here; the operator's default for each count is 0.
 */
export interface ApacheOperatorFacts {
  instanceConfig: { initExecutors?: WrittenNumber; minExecutors?: WrittenNumber; maxExecutors?: WrittenNumber };
  /** `applicationTimeoutConfig.executorStartTimeoutMillis`; `range` is absent when the default (300000) applies. */
  executorStartTimeoutMillis: { value: number; range?: Range };
  /** `restartConfig.restartPolicy` as written; the operator's default is `Never`. */
  restartPolicy?: string;
}

/** One job described by (part of) a file. A multi-document YAML file can hold several. */
export interface JobConfig {
  kind: JobKind;
  /** The extent of this job in the file (the YAML document, or the whole file). */
  range: Range;
  /** Entries in document order. Use `rank` for precedence. */
  entries: ConfigEntry[];
  /** The Spark version stated in the file, if any. The engine fills in settings and fallback later. */
  sparkVersion?: SparkVersionSource;
  facts: JobFacts;
  containers: KeyContainer[];
}

/** A Kubernetes StorageClass found in a file. */
export interface StorageClassInfo {
  name: string;
  nameRange: Range;
  range: Range;
  provisioner?: string;
  reclaimPolicy?: { value: string; range: Range };
  volumeBindingMode?: { value: string; range: Range };
  allowVolumeExpansion?: boolean;
  parameters: Record<string, string>;
  /** The file the class was found in (as the file was named when read), for preferring classes close to a job. */
  file?: string;
}

/** A Kubernetes PersistentVolumeClaim found in a file: what a fixed executor claim name may refer to. */
export interface PersistentVolumeClaimInfo {
  name: string;
  nameRange: Range;
  /** `spec.accessModes` as written (ReadWriteOnce, ReadWriteMany, …). */
  accessModes: string[];
  storageClassName?: string;
}

export interface SyntaxProblem {
  message: string;
  range: Range;
  /**
   * 'format': the file's own syntax (JSON, YAML, Python), which an editor may already report.
   * 'submit-parameters': a malformed spark-submit option inside the sparkSubmitParameters string, which only we see.
   */
  source?: 'format' | 'submit-parameters';
}

/** A `spark-dra-disable-next-line rule-id` (or `spark-dra-disable-line`) comment. */
export interface SuppressionComment {
  /** Offset range of the line the comment silences. */
  appliesTo: Range;
  /** Rule ids, or empty for every rule. */
  rules: string[];
  range: Range;
}

export type FileFormat = 'json' | 'yaml' | 'spark-defaults' | 'python' | 'shell';

/** Everything a locator found in one file. */
export interface ParsedFile {
  format: FileFormat;
  /** The name the file was read under, when known. */
  fileName?: string;
  jobs: JobConfig[];
  storageClasses: StorageClassInfo[];
  /** PersistentVolumeClaim documents (YAML files only; absent where a format cannot hold them). */
  claims?: PersistentVolumeClaimInfo[];
  syntaxErrors: SyntaxProblem[];
  suppressions: SuppressionComment[];
}

/** What the cursor is on, for completion. Produced by the locator of the file's format. */
export type CompletionContext =
  | {
      kind: 'key';
      job: JobConfig;
      container: KeyContainer;
      /** Text to be replaced by the chosen key (the partial key typed so far, without quotes). */
      replace: Range;
      /** What the user typed so far. */
      prefix: string;
      /** How the inserted key must be written. */
      style: 'json-key' | 'json-key-open' | 'yaml-key' | 'submit-conf' | 'conf-line' | 'python-string';
    }
  | {
      kind: 'value';
      job: JobConfig;
      key: string;
      replace: Range;
      prefix: string;
      style: 'json-string' | 'yaml-scalar' | 'submit-conf' | 'conf-line' | 'python-string';
    }
  | {
      /** On a field name inside a block of operator fields (e.g. a SparkApplication's `spec.dynamicAllocation`). */
      kind: 'field';
      job: JobConfig;
      /** The field name typed so far (empty on a blank line). */
      replace: Range;
      prefix: string;
      /** The fields of the block not written yet. */
      fields: readonly OperatorField[];
      /** A `:` already follows the name being typed: insert the name only. */
      nameOnly: boolean;
    }
  | {
      /** Inside the string value of the job's `releaseLabel` (EMR on EKS job, EMR Serverless application). */
      kind: 'release-label';
      job: JobConfig;
      /** The text inside the quotes. */
      replace: Range;
      prefix: string;
    };

/** A field of an operator's custom resource, offered by completion. */
export interface OperatorField {
  name: string;
  /** The Spark key the operator writes from it, when it writes one. */
  sparkKey?: string;
  /** What the field does, in a sentence (markdown). */
  doc: string;
  /** A value to offer as the first tab stop. */
  valueHint: string;
}

export function rangeContains(range: Range, offset: number): boolean {
  return offset >= range.start && offset <= range.end;
}

export function emptyParsedFile(format: FileFormat): ParsedFile {
  return { format, jobs: [], storageClasses: [], syntaxErrors: [], suppressions: [] };
}
