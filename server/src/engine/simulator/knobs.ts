// Every simulator knob by name, and reading `name=value` assignments (the CLI's --knob and --conf) without throwing.
import { CALIBRATION_KNOBS } from './k8s/calibrated-start';
import { LATENCY_KNOBS } from './k8s/latency';
import { LAUNCH_DELAY_KNOB } from './launch-delay';
import { failure, success, type Result } from '../../../../protocol/result';
import { SHUFFLE_LOSS_KNOBS } from './shuffle-loss';
import { YARN_ROOM_KNOB } from './yarn/settings';

/** Knob names SimulateOptions.knobs understands. */
export const KNOB_NAMES: readonly string[] = [
  ...Object.keys(LATENCY_KNOBS),
  ...CALIBRATION_KNOBS,
  LAUNCH_DELAY_KNOB,
  YARN_ROOM_KNOB,
  ...Object.keys(SHUFFLE_LOSS_KNOBS),
  'maxSimHours',
  'maxSteps',
];

/** The assignments by name, or an `invalid-params` problem naming the first bad one. */
export type Assignments<T> = Result<Record<string, T>>;

function split(text: string): [string, string] | undefined {
  const eq = text.indexOf('=');
  if (eq <= 0) return undefined;
  return [text.slice(0, eq).trim(), text.slice(eq + 1).trim()];
}

/** `spark.key=value` pairs; a later pair for the same key wins. */
export function parseConfAssignments(list: readonly string[]): Assignments<string> {
  const values: Record<string, string> = {};
  for (const text of list) {
    const pair = split(text);
    if (!pair || pair[0] === '') return failure('invalid-params', `expected key=value, got '${text}'`);
    values[pair[0]] = pair[1];
  }
  return success(values);
}

/** `knob=number` pairs; the knob must exist and the number be finite and not negative. */
export function parseKnobAssignments(list: readonly string[]): Assignments<number> {
  const values: Record<string, number> = {};
  for (const text of list) {
    const pair = split(text);
    if (!pair) return failure('invalid-params', `expected name=number, got '${text}'`);
    const [name, raw] = pair;
    if (!KNOB_NAMES.includes(name))
      return failure('invalid-params', `unknown knob '${name}'; knobs are: ${KNOB_NAMES.join(', ')}`);
    const value = raw === '' ? Number.NaN : Number(raw);
    if (!Number.isFinite(value) || value < 0)
      return failure('invalid-params', `knob ${name} needs a number of 0 or more, got '${raw}'`);
    values[name] = value;
  }
  return success(values);
}
