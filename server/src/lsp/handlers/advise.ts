// sparkDra/advise → search one job's allocation settings on a preset or an event log's workload, in a worker thread,
// with work-done progress when the client sent a token and cancellation through the request's token. In an
// untrusted workspace a log is read only when it is open in the editor.
import { basename, resolve } from 'node:path';
import {
  WorkDoneProgress,
  type WorkDoneProgressBegin,
  type WorkDoneProgressEnd,
  type WorkDoneProgressReport,
} from 'vscode-languageserver';
import type { AdviseResponse } from '../../../../protocol/requests';
import { failure } from '../../../../protocol/result';
import type { ServerContext } from '../context';
import { adviseParams } from '../params';
import { URI } from '../uri';
import type { AdviseJob, JobProgress } from '../work/messages';
import type { Cancellation } from '../work/pool';
import { UNTRUSTED_MESSAGE } from './replay';

const TITLE = 'Searching dynamic allocation settings';

export function adviseHandler(ctx: ServerContext) {
  return async (raw: unknown, token?: Cancellation): Promise<AdviseResponse> => {
    const params = adviseParams(raw);
    const doc = ctx.documents.get(params.uri);
    if (!doc) return failure('not-open', 'The document is not open.');
    const model = ctx.models.get(doc);
    const jobIndex = params.jobIndex ?? 0;
    if (!model.jobs[jobIndex]) return failure('no-job', 'The file holds no Spark job to search settings for.');
    let log: AdviseJob['log'];
    if (params.eventLogPath !== undefined) {
      const path = params.eventLogPath;
      const open = ctx.documents.all().find((d) => d.uri.startsWith('file:') && resolve(URI.path(d.uri)) === path);
      if (!open && ctx.client().workspaceTrusted === false) return failure('untrusted', UNTRUSTED_MESSAGE);
      log = open ? { text: open.getText(), name: basename(path) } : { path };
    }
    const job: AdviseJob = {
      kind: 'advise',
      settings: ctx.settings().engine,
      document: ctx.models.openInput(doc),
      ...(log ? { log } : {}),
      input: {
        jobIndex,
        ...(params.preset === undefined ? {} : { preset: params.preset }),
        ...(params.overrides === undefined ? {} : { overrides: params.overrides }),
        ...(params.knobs === undefined ? {} : { knobs: params.knobs }),
        ...(params.maxSlowdownPct === undefined ? {} : { maxSlowdownPct: params.maxSlowdownPct }),
        workspaceStorageClasses: ctx.storageClasses.all(doc.uri),
      },
    };
    const progressToken = params.workDoneToken;
    if (progressToken === undefined) return ctx.work.run(job, token);
    const send = (value: WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd): void => {
      void ctx.connection.sendProgress(WorkDoneProgress.type, progressToken, value);
    };
    send({ kind: 'begin', title: TITLE, cancellable: true, percentage: 0 });
    let lastPercent = 0;
    const onProgress = (progress: JobProgress): void => {
      const percent = Math.min(99, Math.floor((progress.done / Math.max(1, progress.total)) * 100));
      if (percent <= lastPercent) return;
      lastPercent = percent;
      send({ kind: 'report', percentage: percent, message: `${progress.done} configurations simulated` });
    };
    try {
      return await ctx.work.run(job, token, onProgress);
    } finally {
      send({ kind: 'end' });
    }
  };
}
