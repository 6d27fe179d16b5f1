// Entry of an advisor evaluation thread (bundled as dist/advise-worker.js): keeps the search target it is sent and
// simulates each batch of candidates on it, answering in the batch's order.
import { parentPort } from 'node:worker_threads';
import { evaluateCandidate } from './evaluate';
import type { FromEvaluator, ToEvaluator } from './worker-protocol';
import type { SearchTarget } from './types';

let target: SearchTarget | undefined;

parentPort?.on('message', (message: ToEvaluator) => {
  if (message.kind === 'target') {
    target = message.target;
    return;
  }
  const current = target;
  const results = message.items.map((changes) =>
    current
      ? evaluateCandidate(current, changes)
      : { ok: false as const, problem: { code: 'internal' as const, message: 'The evaluation thread has no target.' } },
  );
  const answer: FromEvaluator = { id: message.id, results };
  parentPort?.postMessage(answer);
});
