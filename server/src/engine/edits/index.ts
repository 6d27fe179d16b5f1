// Text edits shared by quick fixes and the simulator panel's "apply to file".
export type { TextEdit } from './text-edit';
export { applyEdits } from './text-edit';
export { setValueEdit, jsonEscape } from './set-value';
export { insertKeyEdit, bestContainer } from './insert-key';
export { suppressionEdit, DISABLE_LINE, DISABLE_NEXT_LINE } from './suppression';
export { matchLineBreaks, spanEdit, writeValues } from './write-values';
