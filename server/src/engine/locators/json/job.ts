// Builds the JobConfig of a recognised EMR job description: entries with their precedence, key containers,
// the Spark version from the release label, and the facts that are not Spark properties.
import type { Node } from 'jsonc-parser';
import type { ConfigEntry, JobConfig, JobFacts, KeyContainer, SparkVersionSource, SyntaxProblem } from '../../model';
import { sparkVersionForEmrRelease } from '../../version';
import { readConfigurations } from './configurations';
import type { RecognizedJob } from './detect';
import { sourceSpan } from './json-string';
import { readSubmitParameters } from '../spark-submit/entries';
import { member, stringOf, stringValue } from './tree';

/**
 * Rank bands, lowest wins least: spark-defaults properties, then `--conf` settings in the order written, then
 * key-setting flags (spark-submit applies a flag over a `--conf` of the same key whatever their order).
 */
const RANK_PROPERTY = 0;
const RANK_SUBMIT_CONF = 1_000_000;
const RANK_SUBMIT_FLAG = 2_000_000;

export interface BuiltJob {
  job: JobConfig;
  /** Problems found inside sparkSubmitParameters (spark-submit would reject them). */
  problems: SyntaxProblem[];
}

/** Reads one recognised job: entries ranked for precedence, containers, version and facts. */
export function buildJob(text: string, recognized: RecognizedJob): BuiltJob {
  const { kind, node } = recognized;
  const configurations = readConfigurations(text, recognized.configurations, RANK_PROPERTY);
  // The reader's entries are taken as built (already ranked): copying tens of thousands of them showed in profiles.
  const entries: ConfigEntry[] = configurations.entries;
  const containers: KeyContainer[] = configurations.containers;
  const problems: SyntaxProblem[] = [];

  if (kind !== 'emr-config') {
    const submit = readSubmit(text, node);
    if (submit) {
      containers.push(submit.container);
      problems.push(...submit.problems);
      let conf = 0;
      let flag = 0;
      for (const entry of submit.entries) {
        const rank = entry.origin === 'submit-flag' ? RANK_SUBMIT_FLAG + flag++ : RANK_SUBMIT_CONF + conf++;
        entries.push({ ...entry, rank, encoding: 'json-string' });
      }
    }
  }
  entries.sort((a, b) => a.keyRange.start - b.keyRange.start);

  const job: JobConfig = {
    kind,
    range: { start: 0, end: text.length },
    entries,
    facts: { platform: kind === 'emr-eks' ? 'kubernetes' : kind === 'emr-serverless' ? 'emr-serverless' : 'unknown' },
    containers,
  };
  const list = topLevelList(text, recognized);
  if (list) job.facts.applicationConfiguration = list;
  if (node.type === 'object') {
    const name = stringValue(text, member(node, 'name'));
    if (name !== undefined) job.facts.name = name;
    const label = member(node, 'releaseLabel');
    if (label) {
      job.sparkVersion = versionFromLabel(text, label);
      if (label.type === 'string') job.facts.releaseLabel = stringOf(text, label).value;
    }
  }
  return { job, problems };
}

/**
 * The request's own configuration list, counted: `configurationOverrides.applicationConfiguration` of a StartJobRun (not
 * an application's runtimeConfiguration), or the list of a configuration file.
 */
function topLevelList(text: string, recognized: RecognizedJob): JobFacts['applicationConfiguration'] {
  const list = recognized.configurations;
  if (list?.type !== 'array') return undefined;
  if (
    recognized.kind !== 'emr-config' &&
    list !== member(member(recognized.node, 'configurationOverrides'), 'applicationConfiguration')
  ) {
    return undefined;
  }
  // An item left unclosed by a syntax error has no length yet: it runs to the end of the text.
  const items = (list.children ?? []).map((item) => ({
    start: item.offset,
    end: item.length >= 0 ? item.offset + item.length : text.length,
  }));
  return { count: items.length, range: { start: list.offset, end: list.offset + 1 }, items };
}

interface SubmitRead {
  container: KeyContainer;
  entries: ReturnType<typeof readSubmitParameters>['entries'];
  problems: SyntaxProblem[];
}

function readSubmit(text: string, job: Node): SubmitRead | undefined {
  const driver = member(job, 'jobDriver');
  const submitDriver = member(driver, 'sparkSubmitJobDriver') ?? member(driver, 'sparkSubmit');
  const parameters = member(submitDriver, 'sparkSubmitParameters');
  if (parameters?.type !== 'string') return undefined;
  const span = stringOf(text, parameters);
  const container: KeyContainer = {
    kind: 'submit-parameters',
    range: { start: span.contentStart, end: span.contentEnd },
    encoding: 'json-string',
  };
  const read = readSubmitParameters(span.value, (from, to) => sourceSpan(span, from, to));
  return { container, entries: read.entries, problems: read.problems };
}

function versionFromLabel(text: string, label: Node): SparkVersionSource {
  if (label.type !== 'string') {
    const raw = text.slice(label.offset, label.offset + label.length);
    return {
      version: '',
      from: 'releaseLabel',
      raw,
      range: { start: label.offset, end: label.offset + label.length },
      unresolved: true,
    };
  }
  const span = stringOf(text, label);
  const range = { start: span.contentStart, end: span.contentEnd };
  const release = sparkVersionForEmrRelease(span.value);
  if (!release) return { version: '', from: 'releaseLabel', raw: span.value, range, unresolved: true };
  return { version: release.spark, from: 'releaseLabel', raw: span.value, range };
}
