// sparkDra/simulate → simulate one job of an open document with what-if overrides, in a worker thread.
import type { SimulateResponse } from '../../../../protocol/requests';
import { failure } from '../../../../protocol/result';
import type { ServerContext } from '../context';
import { simulateParams } from '../params';
import type { Cancellation } from '../work/pool';

export function simulateHandler(ctx: ServerContext) {
  return async (raw: unknown, token?: Cancellation): Promise<SimulateResponse> => {
    const params = simulateParams(raw);
    const doc = ctx.documents.get(params.uri);
    if (!doc) return failure('not-open', 'The document is not open.');
    const model = ctx.models.get(doc);
    if (!model.jobs[params.jobIndex ?? 0]) return model.simulate({ jobIndex: params.jobIndex });
    return ctx.work.run(
      {
        kind: 'simulate',
        settings: ctx.settings().engine,
        document: ctx.models.openInput(doc),
        input: {
          jobIndex: params.jobIndex,
          overrides: params.overrides,
          preset: params.preset,
          knobs: params.knobs,
          workspaceStorageClasses: ctx.storageClasses.all(doc.uri),
        },
      },
      token,
    );
  };
}
