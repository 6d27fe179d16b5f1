// Reads an allocation trace (see the trace format v1) from untyped JSON into typed events with integer millisecond
// times. Only shape and types are checked here; whether an event makes sense at its moment (a task of a stage that
// was never submitted, …) is checked while the trace runs.

export type TraceEvent =
  | { type: 'stageSubmitted'; atMs: number; stage: number; tasks: number; job: number | undefined }
  | { type: 'stageCompleted'; atMs: number; stage: number }
  | { type: 'taskStart'; atMs: number; stage: number; index: number; executor: string; speculative: boolean }
  | {
      type: 'taskEnd';
      atMs: number;
      stage: number;
      index: number;
      executor: string;
      reason: 'success' | 'failed' | 'killed';
      speculative: boolean;
    }
  | { type: 'speculativeTaskSubmitted'; atMs: number; stage: number; index: number }
  | { type: 'unschedulable'; atMs: number; stage: number; on: boolean }
  | { type: 'executorAdded'; atMs: number; executor: string }
  | { type: 'executorRemoved'; atMs: number; executor: string }
  | {
      type: 'jobStart';
      atMs: number;
      job: number;
      stages: number[];
      shuffles: Array<{ stage: number; shuffle: number }>;
    }
  | { type: 'jobEnd'; atMs: number; job: number }
  | { type: 'rddBlock'; atMs: number; executor: string; rdd: number; cached: boolean }
  | { type: 'shuffleCleaned'; atMs: number; shuffle: number };

export type TraceEventType = TraceEvent['type'];

export interface TraceInput {
  sparkVersion: string | undefined;
  conf: Record<string, string>;
  untilMs: number;
  events: TraceEvent[];
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** Fields each event type takes besides `t` and `type`: [name, required]. */
const FIELDS: Readonly<Record<TraceEventType, ReadonlyArray<readonly [string, boolean]>>> = {
  stageSubmitted: [
    ['stage', true],
    ['tasks', true],
    ['job', false],
  ],
  stageCompleted: [['stage', true]],
  taskStart: [
    ['stage', true],
    ['index', true],
    ['executor', true],
    ['speculative', false],
  ],
  taskEnd: [
    ['stage', true],
    ['index', true],
    ['executor', true],
    ['reason', true],
    ['speculative', false],
  ],
  speculativeTaskSubmitted: [
    ['stage', true],
    ['index', true],
  ],
  unschedulable: [
    ['stage', true],
    ['on', true],
  ],
  executorAdded: [['executor', true]],
  executorRemoved: [['executor', true]],
  jobStart: [
    ['job', true],
    ['stages', true],
    ['shuffles', false],
  ],
  jobEnd: [['job', true]],
  rddBlock: [
    ['executor', true],
    ['rdd', true],
    ['cached', true],
  ],
  shuffleCleaned: [['shuffle', true]],
};

class InputError extends Error {}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Seconds (decimals allowed) to whole milliseconds; more precision than 1 ms is an error. */
function secondsToMs(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new InputError(`${where} must be a number of seconds`);
  if (value < 0) throw new InputError(`${where} must not be negative (got ${value})`);
  const ms = Math.round(value * 1000);
  if (Math.abs(value * 1000 - ms) > 1e-6) {
    throw new InputError(
      `${where} = ${value} is finer than a millisecond; the simulated clock counts whole milliseconds`,
    );
  }
  return ms;
}

class EventReader {
  constructor(
    private readonly raw: Record<string, unknown>,
    private readonly where: string,
  ) {}

  int(name: string): number {
    const v = this.raw[name];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
      throw new InputError(`${this.where}: "${name}" must be a whole number >= 0 (got ${JSON.stringify(v)})`);
    }
    return v;
  }
  optionalInt(name: string): number | undefined {
    return this.raw[name] === undefined ? undefined : this.int(name);
  }
  bool(name: string): boolean {
    const v = this.raw[name];
    if (typeof v !== 'boolean')
      throw new InputError(`${this.where}: "${name}" must be true or false (got ${JSON.stringify(v)})`);
    return v;
  }
  optionalBool(name: string): boolean {
    return this.raw[name] === undefined ? false : this.bool(name);
  }
  executor(): string {
    const v = this.raw['executor'];
    if (typeof v !== 'string' || v === '') {
      throw new InputError(`${this.where}: "executor" must be a non-empty string id (got ${JSON.stringify(v)})`);
    }
    return v;
  }
  reason(): 'success' | 'failed' | 'killed' {
    const v = this.raw['reason'];
    if (v === 'success' || v === 'failed' || v === 'killed') return v;
    throw new InputError(`${this.where}: "reason" must be "success", "failed" or "killed" (got ${JSON.stringify(v)})`);
  }
  intList(name: string): number[] {
    const v = this.raw[name];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'number' || !Number.isInteger(x) || x < 0)) {
      throw new InputError(`${this.where}: "${name}" must be a list of whole numbers >= 0`);
    }
    return v as number[];
  }
  shuffles(stages: readonly number[]): Array<{ stage: number; shuffle: number }> {
    const v = this.raw['shuffles'];
    if (v === undefined) return [];
    if (!isRecord(v))
      throw new InputError(`${this.where}: "shuffles" must be an object mapping map-stage id to shuffle id`);
    const out: Array<{ stage: number; shuffle: number }> = [];
    for (const [stageText, shuffle] of Object.entries(v)) {
      if (!/^(0|[1-9]\d*)$/.test(stageText))
        throw new InputError(`${this.where}: "shuffles" key "${stageText}" is not a stage id`);
      const stage = Number(stageText);
      if (!stages.includes(stage)) {
        throw new InputError(`${this.where}: "shuffles" names stage ${stage}, which is not among the job's "stages"`);
      }
      if (typeof shuffle !== 'number' || !Number.isInteger(shuffle) || shuffle < 0) {
        throw new InputError(`${this.where}: shuffle id for stage ${stage} must be a whole number >= 0`);
      }
      out.push({ stage, shuffle });
    }
    // In the order of the job's stage list, as Spark lists a job's stages.
    return out.sort((a, b) => stages.indexOf(a.stage) - stages.indexOf(b.stage));
  }
}

function readEvent(raw: unknown, i: number): TraceEvent {
  const at = `events[${i}]`;
  if (!isRecord(raw)) throw new InputError(`${at} must be an object`);
  const type = raw['type'];
  if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(FIELDS, type)) {
    throw new InputError(
      `${at}: unknown event type ${JSON.stringify(type)}; expected one of ${Object.keys(FIELDS).join(', ')}`,
    );
  }
  const eventType = type as TraceEventType;
  const atMs = secondsToMs(raw['t'], `${at}.t`);
  const where = `${at} (${eventType} at t=${raw['t'] as number})`;
  const allowed = FIELDS[eventType];
  for (const name of Object.keys(raw)) {
    if (name !== 't' && name !== 'type' && !allowed.some(([f]) => f === name)) {
      throw new InputError(`${where}: unexpected field "${name}"`);
    }
  }
  for (const [name, required] of allowed) {
    if (required && raw[name] === undefined) throw new InputError(`${where}: missing field "${name}"`);
  }
  const r = new EventReader(raw, where);
  switch (eventType) {
    case 'stageSubmitted':
      return { type: eventType, atMs, stage: r.int('stage'), tasks: r.int('tasks'), job: r.optionalInt('job') };
    case 'stageCompleted':
      return { type: eventType, atMs, stage: r.int('stage') };
    case 'taskStart':
      return {
        type: eventType,
        atMs,
        stage: r.int('stage'),
        index: r.int('index'),
        executor: r.executor(),
        speculative: r.optionalBool('speculative'),
      };
    case 'taskEnd':
      return {
        type: eventType,
        atMs,
        stage: r.int('stage'),
        index: r.int('index'),
        executor: r.executor(),
        reason: r.reason(),
        speculative: r.optionalBool('speculative'),
      };
    case 'speculativeTaskSubmitted':
      return { type: eventType, atMs, stage: r.int('stage'), index: r.int('index') };
    case 'unschedulable':
      return { type: eventType, atMs, stage: r.int('stage'), on: r.bool('on') };
    case 'executorAdded':
    case 'executorRemoved':
      return { type: eventType, atMs, executor: r.executor() };
    case 'jobStart': {
      const stages = r.intList('stages');
      return { type: eventType, atMs, job: r.int('job'), stages, shuffles: r.shuffles(stages) };
    }
    case 'jobEnd':
      return { type: eventType, atMs, job: r.int('job') };
    case 'rddBlock':
      return { type: eventType, atMs, executor: r.executor(), rdd: r.int('rdd'), cached: r.bool('cached') };
    case 'shuffleCleaned':
      return { type: eventType, atMs, shuffle: r.int('shuffle') };
  }
}

/** Checks the shape of a trace and converts its times to integer milliseconds. */
export function parseTraceInput(input: unknown): Parsed<TraceInput> {
  try {
    if (!isRecord(input))
      throw new InputError('a trace must be a JSON object with "sparkVersion", "conf", "until" and "events"');
    for (const name of Object.keys(input)) {
      if (!['sparkVersion', 'conf', 'until', 'events'].includes(name))
        throw new InputError(`unexpected top-level field "${name}"`);
    }
    const version = input['sparkVersion'];
    if (version !== undefined && typeof version !== 'string')
      throw new InputError('"sparkVersion" must be a string such as "3.5.1"');
    const confRaw = input['conf'] ?? {};
    if (!isRecord(confRaw)) throw new InputError('"conf" must be an object of Spark properties');
    const conf: Record<string, string> = {};
    for (const [k, v] of Object.entries(confRaw)) {
      if (typeof v !== 'string')
        throw new InputError(`conf "${k}" must be a string, as Spark properties are (got ${JSON.stringify(v)})`);
      conf[k] = v;
    }
    if (input['until'] === undefined) throw new InputError('missing "until" (seconds to simulate)');
    const untilMs = secondsToMs(input['until'], '"until"');
    const eventsRaw = input['events'] ?? [];
    if (!Array.isArray(eventsRaw)) throw new InputError('"events" must be a list');
    const events: TraceEvent[] = [];
    eventsRaw.forEach((raw, i) => {
      const event = readEvent(raw, i);
      const previous = events[events.length - 1];
      if (previous && event.atMs < previous.atMs) {
        throw new InputError(
          `events[${i}] at t=${event.atMs / 1000} comes before the previous event (t=${previous.atMs / 1000}); list events in time order`,
        );
      }
      if (event.atMs > untilMs) {
        throw new InputError(`events[${i}] at t=${event.atMs / 1000} is after "until" (${untilMs / 1000})`);
      }
      events.push(event);
    });
    return { ok: true, value: { sparkVersion: version, conf, untilMs, events } };
  } catch (e) {
    if (e instanceof InputError) return { ok: false, error: e.message };
    throw e;
  }
}
