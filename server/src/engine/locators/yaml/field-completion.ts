// Completion of field names inside a block of operator fields (e.g. `spec.dynamicAllocation:`), on the line text,
// like sparkConf completion: the line being typed is usually not valid YAML yet.
import type { CompletionContext, JobConfig, OperatorField } from '../../model';
import { lineRangeAt } from '../comment-directives';
import type { BlockAnchor } from './block-anchor';
import { linesStayInBlock } from './completion';

/** The field completion for `offset` inside `block`, or undefined when the cursor is not on a field name there. */
export function fieldCompletion(
  text: string,
  job: JobConfig,
  block: BlockAnchor,
  fields: readonly OperatorField[],
  offset: number,
): CompletionContext | undefined {
  if (block.flow) return undefined;
  const headerLine = lineRangeAt(text, block.header.start);
  const line = lineRangeAt(text, offset);
  if (line.start <= headerLine.start || offset > job.range.end) return undefined;
  if (!linesStayInBlock(text, headerLine, line, block.headerColumn)) return undefined;
  const lineText = text.slice(line.start, line.end);
  const indent = /^ */.exec(lineText)?.[0].length ?? 0;
  if (indent !== block.entryColumn && lineText.trim() !== '') return undefined;
  if (lineText.trim() === '' && offset - line.start !== block.entryColumn) return undefined;
  const nameStart = line.start + indent;
  const name = /^[A-Za-z]*/.exec(text.slice(nameStart, line.end))?.[0] ?? '';
  const nameEnd = nameStart + name.length;
  if (offset < nameStart || offset > nameEnd) return undefined;
  const written = new Set(writtenFieldNames(text, headerLine.end, job.range.end, block));
  written.delete(name);
  return {
    kind: 'field',
    job,
    replace: { start: nameStart, end: nameEnd },
    prefix: text.slice(nameStart, offset),
    fields: fields.filter((field) => !written.has(field.name)),
    nameOnly: /^[ \t]*:/.test(text.slice(nameEnd, line.end)),
  };
}

/** Names of the fields already written in the block (lines at its entry column, until the block ends). */
function writtenFieldNames(text: string, from: number, limit: number, block: BlockAnchor): string[] {
  const names: string[] = [];
  let start = text.indexOf('\n', from) + 1;
  while (start > 0 && start < limit) {
    const line = lineRangeAt(text, start);
    const body = text.slice(line.start, line.end);
    const trimmed = body.trimStart();
    const indent = body.length - trimmed.length;
    if (trimmed !== '' && !trimmed.startsWith('#')) {
      if (indent <= block.headerColumn) break;
      const match = /^([A-Za-z]+)[ \t]*:/.exec(trimmed);
      if (indent === block.entryColumn && match?.[1]) names.push(match[1]);
    }
    start = text.indexOf('\n', line.start) + 1;
  }
  return names;
}
