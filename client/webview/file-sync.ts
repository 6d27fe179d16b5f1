// Keeping the what-if form true to the file: when the file's value of a key changes under a what-if value (an edit,
// Apply then Undo, another tool), the what-if value of that key is dropped, so the form and the chart show what the
// file now says. Pure: the panel applies the outcome.
import { WHAT_IF_KEYS, type WhatIfKey, type WhatIfValues } from '../../protocol/webview-messages';

export interface FileChangeOutcome {
  /** The what-if values that still stand. */
  edits: WhatIfValues;
  /** Keys whose what-if value was dropped because the file's value changed under it. */
  cleared: WhatIfKey[];
}

export function editsAfterFileChange(
  edits: WhatIfValues,
  before: WhatIfValues,
  after: WhatIfValues,
): FileChangeOutcome {
  const kept: WhatIfValues = {};
  const cleared: WhatIfKey[] = [];
  for (const key of WHAT_IF_KEYS) {
    const value = edits[key];
    if (value === undefined) continue;
    // The file now saying what the what-if says (Apply did it) loses nothing.
    if (before[key] === after[key] || after[key] === value) kept[key] = value;
    else cleared.push(key);
  }
  return { edits: kept, cleared };
}

/** "maxExecutors, minExecutors": the short names of cleared keys, for the status line. */
export function shortKeyNames(keys: readonly string[]): string {
  return keys.map((k) => k.slice(k.lastIndexOf('.') + 1)).join(', ');
}
