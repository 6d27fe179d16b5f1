// sparkDra/simulate → simulate one job of an open document with what-if overrides.
import type { SimulateResponse } from '../../../../protocol/requests';
import { failure } from '../../../../protocol/result';
import type { ServerContext } from '../context';
import { simulateParams } from '../params';

export function simulateHandler(ctx: ServerContext) {
  return (raw: unknown): SimulateResponse => {
    const params = simulateParams(raw);
    const doc = ctx.documents.get(params.uri);
    if (!doc) return failure('not-open', 'The document is not open.');
    return ctx.models.get(doc).simulate({
      jobIndex: params.jobIndex,
      overrides: params.overrides,
      preset: params.preset,
      knobs: params.knobs,
      workspaceStorageClasses: ctx.storageClasses.all(doc.uri),
    });
  };
}
