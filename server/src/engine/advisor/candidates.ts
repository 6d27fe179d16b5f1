// Candidate configurations as one option index per knob, and the three ways the search proposes them: one knob at a
// time, seeded random mixes, and one-step neighbours of good points. All deterministic.
import { mulberry32 } from '../workload/prng';
import type { Knob } from './knobs';
import type { Changes } from './types';

/** One option index per knob, in the order of the knob list. */
export type Choice = readonly number[];

export function currentChoice(knobs: readonly Knob[]): Choice {
  return knobs.map((k) => k.current);
}

export function choiceChanges(knobs: readonly Knob[], choice: Choice): Changes {
  const changes: Changes = {};
  knobs.forEach((k, i) => Object.assign(changes, k.options[choice[i]]?.changes ?? {}));
  return changes;
}

/** Every knob moved alone to each of its other values. */
export function sweepChoices(knobs: readonly Knob[]): Choice[] {
  const base = currentChoice(knobs);
  const out: Choice[] = [];
  knobs.forEach((k, i) => {
    for (let option = 0; option < k.options.length; option++) {
      if (option !== k.current) out.push(base.map((v, j) => (j === i ? option : v)));
    }
  });
  return out;
}

/** `count` mixes where each knob keeps the file's value half the time and takes a random other value otherwise. */
export function randomChoices(knobs: readonly Knob[], count: number, seed: number): Choice[] {
  const random = mulberry32(seed);
  const out: Choice[] = [];
  for (let n = 0; n < count; n++) {
    out.push(
      knobs.map((k) => {
        if (k.options.length < 2 || random() < 0.5) return k.current;
        return Math.floor(random() * k.options.length);
      }),
    );
  }
  return out;
}

/** Every choice one option step away from `choice` on a single knob. */
export function neighbourChoices(knobs: readonly Knob[], choice: Choice): Choice[] {
  const out: Choice[] = [];
  knobs.forEach((k, i) => {
    for (const step of [-1, 1]) {
      const option = choice[i] + step;
      if (option >= 0 && option < k.options.length) out.push(choice.map((v, j) => (j === i ? option : v)));
    }
  });
  return out;
}

export function choiceKey(choice: Choice): string {
  return choice.join(',');
}
