// Entry of a simulation worker thread (bundled as dist/simulation-worker.js): runs the jobs the server sends, one at
// a time, and answers each as JSON text, serialised here rather than on the server's thread. The server ends a
// worker to cancel its job or when it runs out of time or memory.
import { parentPort } from 'node:worker_threads';
import { failure } from '../../../../protocol/result';
import type { WorkerProgress, WorkerRequest, WorkerResponse } from './messages';
import { LogMemory, runJob, stampOf } from './run-job';

const logs = new LogMemory(2);

parentPort?.on('message', (request: WorkerRequest) => {
  const onProgress = (progress: WorkerProgress['progress']): void => {
    const message: WorkerProgress = { id: request.id, progress };
    parentPort?.postMessage(message);
  };
  void runJob(request.job, logs, stampOf, { onProgress })
    .catch((error: unknown) =>
      failure('internal', `The simulation failed: ${error instanceof Error ? error.message : String(error)}`),
    )
    .then((answer) => {
      const response: WorkerResponse = { id: request.id, answerJson: JSON.stringify(answer) };
      parentPort?.postMessage(response);
    });
});
