// One completion proposal in engine terms (offsets, plain strings); the faces convert it to their own item type.
import type { Range } from '../model';

export interface EngineCompletionItem {
  label: string;
  kind: 'key' | 'value' | 'template';
  /** Text to insert; a snippet with `${1:placeholder}` tab stops when `snippet` is true. */
  insertText: string;
  snippet: boolean;
  /** The text the insertion replaces. */
  replace: Range;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** What the client filters on (the key without quotes or prefixes). */
  filterText?: string;
  sortText?: string;
  /** Offered but newer than the job's Spark version. */
  newerThanJob?: boolean;
  /** A value that is the key's default on the job's Spark version (lists show it marked). */
  isDefault?: boolean;
}
