// textDocument/codeLens → one "Simulate · Spark X" lens above each job; codeLens/resolve → the simulated figure,
// computed in the worker pool on the default workload, once per document model (a new version, version override or
// settings change makes a new model). Typing never waits: a newer model cancels the runs of the older one. Lens runs
// are background work: they wait while a requested simulation runs, and answer with the figure only.
import { CancellationTokenSource, type CodeLens, type CodeLensParams } from 'vscode-languageserver';
import { jobLensOffset, jobLensTextOf, type JobLensOutcome, type SparkDocument } from '../../engine';
import type { ServerContext } from '../context';

/** What a lens carries from codeLens to codeLens/resolve. */
interface LensData {
  uri: string;
  version: number;
  jobIndex: number;
}

function isLensData(value: unknown): value is LensData {
  if (!value || typeof value !== 'object') return false;
  const data = value as Record<string, unknown>;
  return (
    typeof data.uri === 'string' &&
    typeof data.version === 'number' &&
    typeof data.jobIndex === 'number' &&
    Number.isSafeInteger(data.jobIndex) &&
    data.jobIndex >= 0
  );
}

/** The command a lens runs: the client's Simulate command, for this file and job. */
export const LENS_COMMAND = 'sparkDra.simulate';

/** Simulations run for lenses, per document model; the runs of a replaced model are cancelled. */
export class JobLensRuns {
  private readonly byUri = new Map<
    string,
    { model: SparkDocument; cancel: CancellationTokenSource; jobs: Map<number, Promise<JobLensOutcome>> }
  >();

  figure(ctx: ServerContext, uri: string, model: SparkDocument, jobIndex: number): Promise<JobLensOutcome> {
    let entry = this.byUri.get(uri);
    if (!entry || entry.model !== model) {
      entry?.cancel.cancel();
      entry = { model, cancel: new CancellationTokenSource(), jobs: new Map() };
      this.byUri.set(uri, entry);
    }
    let run = entry.jobs.get(jobIndex);
    if (!run) {
      const doc = ctx.documents.get(uri);
      if (!doc)
        return Promise.resolve({ ok: false, problem: { code: 'not-open', message: 'The document is closed.' } });
      run = ctx.work.run(
        {
          kind: 'lens',
          settings: ctx.settings().engine,
          document: ctx.models.openInput(doc),
          input: { jobIndex, workspaceStorageClasses: ctx.storageClasses.all(uri) },
        },
        entry.cancel.token,
      );
      entry.jobs.set(jobIndex, run);
    }
    return run;
  }

  forget(uri: string): void {
    this.byUri.get(uri)?.cancel.cancel();
    this.byUri.delete(uri);
  }

  clear(): void {
    for (const uri of [...this.byUri.keys()]) this.forget(uri);
  }
}

export function codeLensHandler(ctx: ServerContext) {
  return (params: CodeLensParams): CodeLens[] => {
    if (!ctx.settings().codeLens) return [];
    const doc = ctx.documents.get(params.textDocument.uri);
    if (!doc) return [];
    const model = ctx.models.get(doc);
    return model.jobs.map((job, jobIndex) => {
      const line = model.positionAt(jobLensOffset(model.text, job.range.start)).line;
      const data: LensData = { uri: doc.uri, version: doc.version, jobIndex };
      return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, data };
    });
  };
}

/** The Simulate command's arguments for a lens: the file and the job. */
export function lensArguments(lens: CodeLens): unknown[] {
  return isLensData(lens.data) ? [lens.data.uri, lens.data.jobIndex] : [];
}

export function codeLensResolveHandler(ctx: ServerContext, runs: JobLensRuns) {
  return async (lens: CodeLens): Promise<CodeLens> => {
    if (!isLensData(lens.data)) return lens;
    const { uri, version, jobIndex } = lens.data;
    const doc = ctx.documents.get(uri);
    const model = doc ? ctx.models.get(doc) : undefined;
    const job = model?.jobs[jobIndex];
    if (!doc || !model || !job) return lens;
    const sparkVersion = model.sparkVersion(job).version;
    // A lens of an older version is about to be replaced: name the command, skip the run.
    const simulated = doc.version === version ? await runs.figure(ctx, uri, model, jobIndex) : undefined;
    const cancelled = simulated !== undefined && !simulated.ok && simulated.problem.code === 'cancelled';
    const text = jobLensTextOf(sparkVersion, cancelled ? undefined : simulated);
    return {
      ...lens,
      command: { title: text.title, tooltip: text.tooltip, command: LENS_COMMAND, arguments: lensArguments(lens) },
    };
  };
}
