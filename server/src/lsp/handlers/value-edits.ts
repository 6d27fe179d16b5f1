// sparkDra/valueEdits → the text edits that make a job use the given values ("Apply to file" in the panel).
import type { ValueEditsResponse } from '../../../../protocol/requests';
import { failure, success } from '../../../../protocol/result';
import type { ServerContext } from '../context';
import { toLspRange } from '../convert';
import { valueEditsParams } from '../params';

export function valueEditsHandler(ctx: ServerContext) {
  return (raw: unknown): ValueEditsResponse => {
    const params = valueEditsParams(raw);
    const doc = ctx.documents.get(params.uri);
    if (!doc) return failure('not-open', 'The document is not open.');
    const edits = ctx.models.get(doc).valueEdits(params.jobIndex ?? 0, Object.entries(params.values));
    if (!edits.ok) return edits;
    return success(edits.value.map((edit) => ({ range: toLspRange(doc, edit.range), newText: edit.newText })));
  };
}
