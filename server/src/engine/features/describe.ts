// Plain-language names for where an entry was written; shared by hover, effective config and rules.
import { lineNumberAt } from '../line-index';
import type { ConfigEntry } from '../model';

export function describeOrigin(entry: ConfigEntry): string {
  switch (entry.origin) {
    case 'property':
      return `the \`${entry.classification ?? 'spark-defaults'}\` properties`;
    case 'submit-conf':
      return '`--conf` in sparkSubmitParameters';
    case 'submit-flag':
      return `\`${entry.writtenAs ?? 'a flag'}\` in sparkSubmitParameters`;
    case 'spark-conf':
      return '`spec.sparkConf`';
    case 'operator-field':
      return `\`${entry.writtenAs ?? 'an operator field'}\``;
    case 'conf-line':
      return 'a spark-defaults.conf line';
    case 'pyspark-config':
      return 'a `.config()` call';
    case 'operator-default':
      return `the operator's own default (${entry.writtenAs ?? 'set when the job leaves it unset'})`;
  }
}

/** 1-based line of an offset. */
export function lineOf(text: string, offset: number): number {
  return lineNumberAt(text, offset);
}
