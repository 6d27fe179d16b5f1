// A `spark-submit … app.py args` command line in a script: its `--conf k=v` options and key-setting flags become
// entries, read verbatim from the script (quotes and `\` line continuations as the shell reads them).
import type { ConfigEntry, JobConfig, Range } from '../../model';
import { readSubmitParameters } from '../spark-submit/entries';
import { firstNonOptionWord } from '../spark-submit/options';
import type { ScriptCommand, ScriptWord } from './lex';
import { flagDynamicEntries } from './dynamic';
import type { ShellJobView } from './view';

/** A flag such as `--executor-cores` outranks a `--conf` of the same key, whatever their order (as in JSON requests). */
const RANK_CONF = 1_000_000;
const RANK_FLAG = 2_000_000;

const SPARK_SUBMIT = /(^|\/)spark-submit$/;

/** The job of a spark-submit command, or undefined when the command does not run spark-submit with options. */
export function readSparkSubmit(
  text: string,
  command: ScriptCommand,
  expansions: readonly Range[],
): ShellJobView | undefined {
  const words = command.words;
  const at = words.findIndex((word) => SPARK_SUBMIT.test(word.value));
  if (at < 0) return undefined;
  const after = words.slice(at + 1);
  const optionWords = after.slice(0, firstNonOptionWord(after));
  const first = optionWords[0];
  const last = optionWords[optionWords.length - 1];
  if (!first || !last) return undefined;
  const range = { start: first.start, end: last.end };
  const read = readSubmitParameters(text.slice(range.start, range.end), (from, to) => ({
    start: range.start + from,
    end: range.start + to,
  }));
  let confs = 0;
  let flags = 0;
  const entries: ConfigEntry[] = read.entries.map((entry) => ({
    ...entry,
    rank: entry.origin === 'submit-flag' ? RANK_FLAG + flags++ : RANK_CONF + confs++,
  }));
  const job: JobConfig = {
    kind: 'spark-submit',
    range: { ...command.range },
    entries,
    facts: { platform: masterOf(optionWords)?.startsWith('k8s://') ? 'kubernetes' : 'unknown' },
    containers: [{ kind: 'submit-parameters', range }],
  };
  flagDynamicEntries(text, job, expansions);
  const application = after[optionWords.length];
  const completionEnd = application ? application.start : command.range.end;
  return {
    job,
    kind: 'spark-submit',
    text,
    completionRange: { start: range.start, end: Math.max(range.end, completionEnd) },
    problems: read.problems.map((problem) => ({ ...problem, source: 'submit-parameters' as const })),
  };
}

function masterOf(words: readonly ScriptWord[]): string | undefined {
  for (let i = 0; i < words.length; i++) {
    const value = (words[i] as ScriptWord).value;
    if (value === '--master') return words[i + 1]?.value;
    if (value.startsWith('--master=')) return value.slice('--master='.length);
  }
  return undefined;
}
