// The search proper: heuristics, every knob alone and seeded random mixes first, then one-step neighbours of the
// points on the frontier, topped up with more mixes until at least MIN_SEARCHED configurations were simulated.
// Candidates are deduplicated by their changes, so no configuration is simulated twice.
import {
  choiceChanges,
  choiceKey,
  currentChoice,
  neighbourChoices,
  randomChoices,
  sweepChoices,
  type Choice,
} from './candidates';
import { changesKey } from './evaluate';
import { paretoFrontier } from './frontier';
import type { Knob } from './knobs';
import type { Evaluator } from './threads';
import type { Changes, Evaluated, Evaluation } from './types';

/** Random mixes in the first round. */
const FIRST_MIXES = 100;
/** Most neighbours simulated in the second round. */
const NEIGHBOURS_MAX = 90;
/** Configurations the search simulates at least (before minimising), when the knobs allow that many. */
export const MIN_SEARCHED = 200;
/** The seed of the random mixes: fixed, so the same input gives the same search. */
const SEED = 0x5eed_da;

export interface SearchPoint extends Evaluated {
  choice: Choice;
}

export interface SearchOutcome {
  points: SearchPoint[];
  /** Outcome of each extra candidate (heuristics), in the order given. */
  extras: Evaluation[];
  simulated: number;
  /** Candidates Spark would refuse to start with, or over a simulation budget. */
  refused: number;
}

export async function searchSpace(
  knobs: readonly Knob[],
  extras: readonly Changes[],
  evaluator: Evaluator,
  onChunk?: (done: number) => void,
): Promise<SearchOutcome> {
  const seen = new Set<string>([choiceKey(currentChoice(knobs))]);
  const seenChanges = new Set<string>([changesKey({})]);
  const points: SearchPoint[] = [];
  let simulated = 0;
  let refused = 0;

  const fresh = (choices: readonly Choice[], limit = Infinity): Choice[] => {
    const out: Choice[] = [];
    for (const choice of choices) {
      if (out.length >= limit) break;
      const key = choiceKey(choice);
      if (seen.has(key)) continue;
      seen.add(key);
      const changes = changesKey(choiceChanges(knobs, choice));
      if (seenChanges.has(changes)) continue;
      seenChanges.add(changes);
      out.push(choice);
    }
    return out;
  };
  const run = async (choices: Choice[], extra: readonly Changes[] = []): Promise<Evaluation[]> => {
    const batch = [...extra, ...choices.map((c) => choiceChanges(knobs, c))];
    const results = await evaluator.evaluate(batch, onChunk);
    simulated += batch.length;
    results.forEach((result, i) => {
      if (!result.ok) {
        refused++;
        return;
      }
      if (i < extra.length) return;
      const choice = choices[i - extra.length];
      points.push({ choice, changes: batch[i], figures: result.figures });
    });
    return results.slice(0, extra.length);
  };

  const first = fresh([...sweepChoices(knobs), ...randomChoices(knobs, FIRST_MIXES, SEED)]);
  const extraResults = await run(first, extras);

  const frontier = paretoFrontier(points);
  const around = frontier.flatMap((p) => neighbourChoices(knobs, p.choice));
  await run(fresh(around, NEIGHBOURS_MAX));

  for (let round = 1; simulated < MIN_SEARCHED && round <= 8; round++) {
    const more = fresh(randomChoices(knobs, MIN_SEARCHED - simulated, SEED + round));
    if (more.length === 0) continue;
    await run(more);
  }
  return { points, extras: extraResults, simulated, refused };
}
