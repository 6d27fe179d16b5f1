// sparkDra/upgradeDiff → what one job of an open document does differently on another Spark version, in a worker
// (both sides are simulated).
import type { UpgradeDiffResponse } from '../../../../protocol/requests';
import { failure } from '../../../../protocol/result';
import type { ServerContext } from '../context';
import { upgradeDiffParams } from '../params';
import type { Cancellation } from '../work/pool';

export function upgradeDiffHandler(ctx: ServerContext) {
  return async (raw: unknown, token?: Cancellation): Promise<UpgradeDiffResponse> => {
    const params = upgradeDiffParams(raw);
    const doc = ctx.documents.get(params.uri);
    if (!doc) return failure('not-open', 'The document is not open.');
    const input = { ...ctx.models.openInput(doc), toVersion: params.toVersion, jobIndex: params.jobIndex };
    return ctx.work.run(
      {
        kind: 'upgrade-diff',
        settings: ctx.settings().engine,
        input: params.preset === undefined ? input : { ...input, preset: params.preset },
      },
      token,
    );
  };
}
