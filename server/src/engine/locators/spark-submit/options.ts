// Reads spark-submit options out of the words of a sparkSubmitParameters string: which words are `--conf`
// settings, which are flags that set a Spark key, and which are other options (with the argument they consume).
import type { ShellWord, WordChar } from './words';

/** spark-submit flags that set a Spark property, and the property they set. */
export const FLAG_KEYS: Readonly<Record<string, string>> = {
  '--executor-cores': 'spark.executor.cores',
  '--num-executors': 'spark.executor.instances',
  '--executor-memory': 'spark.executor.memory',
  '--driver-cores': 'spark.driver.cores',
  '--driver-memory': 'spark.driver.memory',
};

/** The spellings of the `--conf` option. */
const CONF_NAMES = new Set(['--conf', '-c']);

/** Other spark-submit options that consume the following word as their argument. */
const OPTIONS_WITH_ARGUMENT = new Set([
  '--archives',
  '--class',
  '--deploy-mode',
  '--driver-class-path',
  '--driver-java-options',
  '--driver-library-path',
  '--exclude-packages',
  '--files',
  '--jars',
  '--keytab',
  '--kill',
  '--master',
  '--name',
  '--packages',
  '--principal',
  '--properties-file',
  '--proxy-user',
  '--py-files',
  '--queue',
  '--repositories',
  '--status',
  '--total-executor-cores',
]);

/**
 * One option as spark-submit sees it. `argument` is the word holding the option's argument (the option word
 * itself for `--name=value` spellings) and `argumentFrom` the index in its `chars` where the argument begins.
 */
export type SubmitOption =
  | { kind: 'conf'; option: ShellWord; argument?: ShellWord; argumentFrom: number }
  | {
      kind: 'flag';
      option: ShellWord;
      name: string;
      key: string;
      nameLength: number;
      argument?: ShellWord;
      argumentFrom: number;
    };

/** Groups words into options. Words that are not options we know are skipped, as are the arguments of other options. */
export function readSubmitOptions(words: readonly ShellWord[]): SubmitOption[] {
  const options: SubmitOption[] = [];
  let i = 0;
  while (i < words.length) {
    const word = words[i];
    const text = word.value;
    const eq = text.startsWith('--') ? text.indexOf('=') : -1;
    const name = eq > 0 ? text.slice(0, eq) : text;
    const inline = eq > 0;
    if (CONF_NAMES.has(name)) {
      if (inline) options.push({ kind: 'conf', option: word, argument: word, argumentFrom: eq + 1 });
      else options.push({ kind: 'conf', option: word, argument: words[i + 1], argumentFrom: 0 });
      i += inline ? 1 : 2;
      continue;
    }
    const key = FLAG_KEYS[name];
    if (key !== undefined) {
      const argument = inline ? word : words[i + 1];
      options.push({
        kind: 'flag',
        option: word,
        name,
        key,
        nameLength: name.length,
        argument,
        argumentFrom: inline ? eq + 1 : 0,
      });
      i += inline ? 1 : 2;
      continue;
    }
    i += OPTIONS_WITH_ARGUMENT.has(name) && !inline ? 2 : 1;
  }
  return options;
}

/**
 * The index of the first word that is not an option or an option's argument: on a spark-submit command line, the
 * application (jar or Python file), after which every word is the application's own argument. `words.length` when
 * every word is an option.
 */
export function firstNonOptionWord(words: readonly ShellWord[]): number {
  let i = 0;
  while (i < words.length) {
    const text = (words[i] as ShellWord).value;
    if (!text.startsWith('-')) return i;
    const inline = text.startsWith('--') && text.includes('=');
    const name = inline ? text.slice(0, text.indexOf('=')) : text;
    const takesArgument = CONF_NAMES.has(name) || FLAG_KEYS[name] !== undefined || OPTIONS_WITH_ARGUMENT.has(name);
    i += takesArgument && !inline ? 2 : 1;
  }
  return words.length;
}

/** Splits a `--conf` argument at its first `=`. `eq` is the index of `=` in `chars`, or -1 when there is none. */
export function splitConf(option: Extract<SubmitOption, { kind: 'conf' }>): { chars: WordChar[]; eq: number } {
  const chars = option.argument ? option.argument.chars.slice(option.argumentFrom) : [];
  return { chars, eq: chars.findIndex((c) => c.ch === '=') };
}
