// sparkDra/replayEventLog → read a Spark event log and replay its workload with the logged configuration or a job
// file's, in a worker thread. In an untrusted workspace nothing is read from disk: only a log open in the editor
// can be replayed.
import { basename, resolve } from 'node:path';
import type { ReplayEventLogResponse } from '../../../../protocol/requests';
import { failure } from '../../../../protocol/result';
import type { ServerContext } from '../context';
import { replayParams } from '../params';
import { URI } from '../uri';
import type { ReplayJob } from '../work/messages';
import type { Cancellation } from '../work/pool';

export const UNTRUSTED_MESSAGE =
  'This workspace is not trusted, so Spark DRA reads no files from disk. Trust the workspace to replay an event log, or open the log in the editor first.';

export function replayHandler(ctx: ServerContext) {
  return async (raw: unknown, token?: Cancellation): Promise<ReplayEventLogResponse> => {
    const params = replayParams(raw);
    let document: ReplayJob['document'];
    if (params.uri !== undefined) {
      const doc = ctx.documents.get(params.uri);
      if (!doc) return failure('not-open', 'The job file is not open in the editor.');
      if (!ctx.models.get(doc).jobs[params.jobIndex ?? 0]) {
        return failure('no-job', 'The job file holds no Spark job to compare with.');
      }
      document = ctx.models.openInput(doc);
    }
    // The log from the editor when it is open there, else from disk (trusted workspaces only).
    const open = ctx.documents
      .all()
      .find((doc) => doc.uri.startsWith('file:') && resolve(URI.path(doc.uri)) === params.path);
    if (!open && ctx.client().workspaceTrusted === false) return failure('untrusted', UNTRUSTED_MESSAGE);
    return ctx.work.run(
      {
        kind: 'replay',
        settings: ctx.settings().engine,
        log: open
          ? { text: open.getText(), name: basename(params.path) }
          : { path: params.path, ...(params.app === undefined ? {} : { app: params.app }) },
        document,
        input: {
          jobIndex: params.jobIndex,
          overrides: params.overrides,
          knobs: params.knobs,
          workspaceStorageClasses: params.uri === undefined ? [] : ctx.storageClasses.all(params.uri),
        },
      },
      token,
    );
  };
}
