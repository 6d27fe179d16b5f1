// One completion proposal in engine terms (offsets, plain strings); the faces convert it to their own item type.
import type { Range } from '../model';

/** Names a key's documentation for a Spark version, to be written out later. */
export interface KeyDocsRef {
  key: string;
  version: string;
}

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
  /**
   * Documentation left to be asked for when the item is shown (a list of keys offers hundreds): the catalog key and the
   * Spark version to describe it for; `keyDocs` on the service gives the markdown. Set instead of `documentation`.
   */
  docsFor?: KeyDocsRef;
  /** What the client filters on (the key without quotes or prefixes). */
  filterText?: string;
  sortText?: string;
  /** Offered but newer than the job's Spark version. */
  newerThanJob?: boolean;
  /** A value that is the key's default on the job's Spark version (lists show it marked). */
  isDefault?: boolean;
}
