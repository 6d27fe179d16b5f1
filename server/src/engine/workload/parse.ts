// Validates a user-written workload (JSON, see docs/workload-format.md) into the normalised `Workload`.
// Never throws: every problem is reported with the path of the offending value.
import type { Problem } from '../../../../protocol/result';
import { topoSort } from './dag';
import type {
  DistributionKind,
  ExecutorHints,
  Job,
  JobStart,
  ResourceProfileSpec,
  Stage,
  TaskDurations,
  Workload,
} from './types';

/** A Result (the problem is the first error, `unreadable-input`) that also lists every error found. */
export type ParseWorkloadResult = { ok: true; value: Workload } | { ok: false; problem: Problem; errors: string[] };

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isInt = (v: unknown): v is number => isNum(v) && Number.isInteger(v);

/** Collects errors; each check returns the value when valid and undefined otherwise. */
class Checker {
  readonly errors: string[] = [];

  fail(path: string, message: string): undefined {
    this.errors.push(`${path} ${message}`);
    return undefined;
  }

  unknownKeys(o: Obj, path: string, allowed: readonly string[]): void {
    for (const k of Object.keys(o)) {
      if (!allowed.includes(k)) this.errors.push(`${path}: unknown field "${k}" (allowed: ${allowed.join(', ')})`);
    }
  }

  string(v: unknown, path: string): string | undefined {
    return typeof v === 'string' ? v : this.fail(path, 'must be a string');
  }

  bool(v: unknown, path: string): boolean | undefined {
    return typeof v === 'boolean' ? v : this.fail(path, 'must be true or false');
  }

  positiveInt(v: unknown, path: string): number | undefined {
    return isInt(v) && v > 0 ? v : this.fail(path, 'must be a positive integer');
  }

  nonNegativeInt(v: unknown, path: string): number | undefined {
    return isInt(v) && v >= 0 ? v : this.fail(path, 'must be a non-negative integer');
  }

  int(v: unknown, path: string): number | undefined {
    return isInt(v) ? v : this.fail(path, 'must be an integer');
  }

  seconds(v: unknown, path: string): number | undefined {
    return isNum(v) && v >= 0 ? v : this.fail(path, 'must be a number of seconds ≥ 0');
  }

  positiveSeconds(v: unknown, path: string): number | undefined {
    return isNum(v) && v > 0 ? v : this.fail(path, 'must be a number of seconds > 0');
  }

  intList(v: unknown, path: string): number[] | undefined {
    if (!Array.isArray(v)) return this.fail(path, 'must be an array of integers');
    const out: number[] = [];
    let good = true;
    v.forEach((x, i) => {
      if (this.nonNegativeInt(x, `${path}[${i}]`) === undefined) good = false;
      else out.push(x as number);
    });
    return good ? out : undefined;
  }
}

const TOP_KEYS = ['name', 'description', 'seed', 'executor', 'profiles', 'jobs', '$schema'] as const;
const JOB_KEYS = ['id', 'name', 'submitAt', 'gapAfterPrevious', 'delayAfterPreviousSubmit', 'stages', 'reusesShuffles'];
const STAGE_KEYS = ['id', 'name', 'parents', 'tasks', 'duration', 'shuffleMap', 'cached', 'shuffleId', 'profile'];
const PROFILE_KEYS = ['id', 'executorCores', 'executorMemoryMiB', 'memoryOverheadMiB', 'taskCpus'];
const DISTRIBUTIONS: readonly DistributionKind[] = ['uniform', 'normal', 'lognormal'];

/** Parses and validates a workload. Accepts the already-parsed JSON value. */
export function parseWorkload(json: unknown): ParseWorkloadResult {
  const c = new Checker();
  const workload = readWorkload(json, c);
  if (workload === undefined || c.errors.length > 0) {
    const errors = c.errors.length > 0 ? c.errors : ['workload is not valid'];
    return { ok: false, problem: { code: 'unreadable-input', message: errors[0] ?? 'workload is not valid' }, errors };
  }
  return { ok: true, value: workload };
}

function readWorkload(json: unknown, c: Checker): Workload | undefined {
  if (!isObj(json)) return c.fail('workload', 'must be a JSON object with a "jobs" array');
  c.unknownKeys(json, 'workload', TOP_KEYS);
  const name = json.name === undefined ? 'workload' : c.string(json.name, 'name');
  const description = json.description === undefined ? undefined : c.string(json.description, 'description');
  const seed = json.seed === undefined ? 1 : c.int(json.seed, 'seed');
  const executor = readExecutor(json.executor, c);
  const profiles = readProfiles(json.profiles, c);
  if (!Array.isArray(json.jobs) || json.jobs.length === 0) {
    return c.fail('jobs', 'must be a non-empty array of jobs');
  }
  const jobs: Job[] = [];
  json.jobs.forEach((j, i) => {
    const job = readJob(j, `jobs[${i}]`, i, c);
    if (job) jobs.push(job);
  });
  if (c.errors.length > 0 || name === undefined || seed === undefined) return undefined;
  checkWorkloadIds(json.jobs as unknown[], jobs, c);
  checkStageProfiles(jobs, profiles, c);
  if (c.errors.length > 0) return undefined;
  const w: Workload = { name, seed, executor, jobs };
  if (profiles.length > 0) w.profiles = profiles;
  if (description !== undefined) w.description = description;
  return w;
}

/** Resource profiles besides the default (id 0 is the simulated configuration itself, so it cannot be declared). */
function readProfiles(v: unknown, c: Checker): ResourceProfileSpec[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) {
    c.fail('profiles', 'must be an array like [{"id": 1, "executorCores": 8, "taskCpus": 2}]');
    return [];
  }
  const out: ResourceProfileSpec[] = [];
  v.forEach((p, i) => {
    const path = `profiles[${i}]`;
    if (!isObj(p)) return c.fail(path, 'must be an object with an "id"');
    c.unknownKeys(p, path, PROFILE_KEYS);
    const id = c.positiveInt(p.id, `${path}.id`);
    if (id === undefined) return;
    if (out.some((q) => q.id === id)) return c.fail(`${path}.id`, `(${id}) is declared twice`);
    const spec: ResourceProfileSpec = { id };
    for (const key of ['executorCores', 'executorMemoryMiB', 'memoryOverheadMiB', 'taskCpus'] as const) {
      if (p[key] === undefined) continue;
      const n =
        key === 'memoryOverheadMiB'
          ? c.nonNegativeInt(p[key], `${path}.${key}`)
          : c.positiveInt(p[key], `${path}.${key}`);
      if (n !== undefined) spec[key] = n;
    }
    if (spec.executorCores !== undefined && spec.taskCpus !== undefined && spec.taskCpus > spec.executorCores) {
      c.fail(`${path}.taskCpus`, `(${spec.taskCpus}) must not exceed executorCores (${spec.executorCores})`);
    }
    out.push(spec);
  });
  return out.sort((a, b) => a.id - b.id);
}

/** Every stage's profile is 0 (the default) or one the workload declares. */
function checkStageProfiles(jobs: Job[], profiles: ResourceProfileSpec[], c: Checker): void {
  const declared = new Set(profiles.map((p) => p.id));
  jobs.forEach((job, ji) => {
    for (const stage of job.stages) {
      const id = stage.profile;
      if (id === undefined || id === 0 || declared.has(id)) continue;
      c.fail(`jobs[${ji}] stage ${stage.id}: profile`, `(${id}) is not declared in "profiles"`);
    }
  });
}

function readExecutor(v: unknown, c: Checker): ExecutorHints {
  if (v === undefined) return {};
  if (!isObj(v)) {
    c.fail('executor', 'must be an object like {"cores": 4, "taskCpus": 1}');
    return {};
  }
  c.unknownKeys(v, 'executor', ['cores', 'taskCpus']);
  const hints: ExecutorHints = {};
  if (v.cores !== undefined) hints.cores = c.positiveInt(v.cores, 'executor.cores');
  if (v.taskCpus !== undefined) hints.taskCpus = c.positiveInt(v.taskCpus, 'executor.taskCpus');
  if (hints.cores !== undefined && hints.taskCpus !== undefined && hints.taskCpus > hints.cores) {
    c.fail('executor.taskCpus', `(${hints.taskCpus}) must not exceed executor.cores (${hints.cores})`);
  }
  return hints;
}

function readJobStart(j: Obj, path: string, c: Checker): JobStart | undefined {
  const given = (['submitAt', 'gapAfterPrevious', 'delayAfterPreviousSubmit'] as const).filter(
    (k) => j[k] !== undefined,
  );
  if (given.length > 1) return c.fail(path, `sets ${given.join(' and ')}; give at most one of them`);
  if (given.length === 0) return { kind: 'afterPrevious', gapSeconds: 0 };
  const key = given[0];
  const s = c.seconds(j[key], `${path}.${key}`);
  if (s === undefined) return undefined;
  if (key === 'submitAt') return { kind: 'at', seconds: s };
  if (key === 'gapAfterPrevious') return { kind: 'afterPrevious', gapSeconds: s };
  return { kind: 'withPrevious', offsetSeconds: s };
}

function readJob(v: unknown, path: string, index: number, c: Checker): Job | undefined {
  if (!isObj(v)) return c.fail(path, 'must be an object with a "stages" array');
  c.unknownKeys(v, path, JOB_KEYS);
  const id = v.id === undefined ? index : c.nonNegativeInt(v.id, `${path}.id`);
  const name = v.name === undefined ? undefined : c.string(v.name, `${path}.name`);
  const start = readJobStart(v, path, c);
  const reusesShuffles = v.reusesShuffles === undefined ? [] : c.intList(v.reusesShuffles, `${path}.reusesShuffles`);
  if (!Array.isArray(v.stages) || v.stages.length === 0) return c.fail(`${path}.stages`, 'must be a non-empty array');
  const raw: { obj: Obj; stage: Stage; path: string }[] = [];
  v.stages.forEach((s, i) => {
    const sp = `${path}.stages[${i}]`;
    const stage = readStage(s, sp, c);
    if (stage && isObj(s)) raw.push({ obj: s, stage, path: sp });
  });
  if (raw.length !== v.stages.length || id === undefined || start === undefined || reusesShuffles === undefined) {
    return undefined;
  }
  const stages = linkStages(raw, path, c);
  if (stages === undefined) return undefined;
  const job: Job = { id, start, stages, reusesShuffles };
  if (name !== undefined) job.name = name;
  return job;
}

function readStage(v: unknown, path: string, c: Checker): Stage | undefined {
  if (!isObj(v)) return c.fail(path, 'must be an object with "id", "tasks" and "duration"');
  c.unknownKeys(v, path, STAGE_KEYS);
  const id = c.nonNegativeInt(v.id, `${path}.id`);
  const name = v.name === undefined ? undefined : c.string(v.name, `${path}.name`);
  const parents = v.parents === undefined ? [] : c.intList(v.parents, `${path}.parents`);
  const tasks = c.positiveInt(v.tasks, `${path}.tasks`);
  const duration = readDuration(v.duration, `${path}.duration`, tasks, c);
  const cached = v.cached === undefined ? false : c.bool(v.cached, `${path}.cached`);
  // shuffleMap is resolved in linkStages (it may be inferred from the DAG); only its type is checked here.
  if (v.shuffleMap !== undefined) c.bool(v.shuffleMap, `${path}.shuffleMap`);
  if (v.shuffleId !== undefined) c.nonNegativeInt(v.shuffleId, `${path}.shuffleId`);
  const profile = v.profile === undefined ? 0 : c.nonNegativeInt(v.profile, `${path}.profile`);
  if (
    id === undefined ||
    parents === undefined ||
    tasks === undefined ||
    duration === undefined ||
    cached === undefined ||
    profile === undefined
  ) {
    return undefined;
  }
  const stage: Stage = { id, parents, tasks, duration, shuffleMap: false, cached };
  if (name !== undefined) stage.name = name;
  if (profile !== 0) stage.profile = profile;
  return stage;
}

function readDuration(v: unknown, path: string, tasks: number | undefined, c: Checker): TaskDurations | undefined {
  if (isNum(v)) return v > 0 ? { kind: 'constant', seconds: v } : c.fail(path, 'must be a number of seconds > 0');
  if (Array.isArray(v)) return readList(v, path, tasks, c);
  if (!isObj(v)) {
    return c.fail(
      path,
      'must be seconds (20), a list of seconds per task, or a distribution {"kind": "lognormal", ...}',
    );
  }
  const kind = v.kind;
  if (kind === 'constant') {
    c.unknownKeys(v, path, ['kind', 'seconds']);
    const s = c.positiveSeconds(v.seconds, `${path}.seconds`);
    return s === undefined ? undefined : { kind, seconds: s };
  }
  if (kind === 'list') {
    c.unknownKeys(v, path, ['kind', 'seconds']);
    const list = Array.isArray(v.seconds) ? v.seconds : c.fail(`${path}.seconds`, 'must be an array of seconds');
    return list === undefined ? undefined : readList(list, `${path}.seconds`, tasks, c);
  }
  if (typeof kind !== 'string' || !(DISTRIBUTIONS as readonly string[]).includes(kind)) {
    return c.fail(`${path}.kind`, 'must be one of constant, list, uniform, normal, lognormal');
  }
  c.unknownKeys(v, path, ['kind', 'params', 'seed']);
  const seed = v.seed === undefined ? undefined : c.int(v.seed, `${path}.seed`);
  const p = v.params;
  if (!isObj(p)) return c.fail(`${path}.params`, `must be an object (${paramHint(kind as DistributionKind)})`);
  const pp = `${path}.params`;
  let out: TaskDurations | undefined;
  if (kind === 'uniform') {
    c.unknownKeys(p, pp, ['min', 'max']);
    const min = c.positiveSeconds(p.min, `${pp}.min`);
    const max = c.positiveSeconds(p.max, `${pp}.max`);
    if (min !== undefined && max !== undefined && max < min) return c.fail(`${pp}.max`, `must be ≥ min (${min})`);
    if (min !== undefined && max !== undefined) out = { kind, params: { min, max } };
  } else if (kind === 'normal') {
    c.unknownKeys(p, pp, ['mean', 'stddev']);
    const mean = c.positiveSeconds(p.mean, `${pp}.mean`);
    const stddev = c.seconds(p.stddev, `${pp}.stddev`);
    if (mean !== undefined && stddev !== undefined) out = { kind, params: { mean, stddev } };
  } else {
    c.unknownKeys(p, pp, ['median', 'sigma']);
    const median = c.positiveSeconds(p.median, `${pp}.median`);
    const sigma = isNum(p.sigma) && p.sigma >= 0 ? p.sigma : c.fail(`${pp}.sigma`, 'must be a number ≥ 0');
    if (median !== undefined && sigma !== undefined) out = { kind: 'lognormal', params: { median, sigma } };
  }
  if (out && seed !== undefined && out.kind !== 'constant' && out.kind !== 'list') out.seed = seed;
  return out;
}

function paramHint(kind: DistributionKind): string {
  if (kind === 'uniform') return '{"min": 10, "max": 30}';
  if (kind === 'normal') return '{"mean": 20, "stddev": 4}';
  return '{"median": 20, "sigma": 0.3}';
}

function readList(v: unknown[], path: string, tasks: number | undefined, c: Checker): TaskDurations | undefined {
  const out: number[] = [];
  let good = true;
  v.forEach((x, i) => {
    if (isNum(x) && x >= 0) out.push(x);
    else {
      good = false;
      c.fail(`${path}[${i}]`, 'must be a number of seconds ≥ 0');
    }
  });
  if (tasks !== undefined && v.length !== tasks) {
    return c.fail(path, `has ${v.length} durations but the stage has ${tasks} tasks`);
  }
  return good ? { kind: 'list', seconds: out } : undefined;
}

/** Checks parents within the job, resolves shuffleMap/shuffleId and sorts the stages parents-first. */
function linkStages(raw: { obj: Obj; stage: Stage; path: string }[], jobPath: string, c: Checker): Stage[] | undefined {
  const before = c.errors.length;
  const ids = new Set<number>();
  for (const r of raw) {
    if (ids.has(r.stage.id)) c.fail(`${r.path}.id`, `(${r.stage.id}) is used by another stage of this job`);
    ids.add(r.stage.id);
  }
  const referenced = new Set<number>();
  for (const r of raw) {
    const seen = new Set<number>();
    r.stage.parents.forEach((p, i) => {
      const at = `${r.path}.parents[${i}]`;
      if (p === r.stage.id) c.fail(at, 'names the stage itself');
      else if (!ids.has(p)) c.fail(at, `(${p}) is not a stage of this job`);
      else if (seen.has(p)) c.fail(at, `(${p}) is listed twice`);
      seen.add(p);
      referenced.add(p);
    });
  }
  for (const r of raw) {
    const given = r.obj.shuffleMap;
    const isParent = referenced.has(r.stage.id);
    if (given === false && isParent) {
      c.fail(`${r.path}.shuffleMap`, 'is false, but another stage reads this stage, so it must write shuffle output');
    }
    r.stage.shuffleMap = given === true || isParent;
    const sid = r.obj.shuffleId;
    if (sid !== undefined && !r.stage.shuffleMap) {
      c.fail(`${r.path}.shuffleId`, 'is set on a stage that writes no shuffle output (shuffleMap is false)');
    }
    if (r.stage.shuffleMap) r.stage.shuffleId = isInt(sid) ? sid : r.stage.id;
  }
  if (c.errors.length > before) return undefined;
  const sorted = topoSort(raw.map((r) => r.stage));
  if (!sorted.ok)
    return c.fail(`${jobPath}.stages`, `contain a cycle: ${sorted.cycle.concat(sorted.cycle[0]).join(' → ')}`);
  const byId = new Map(raw.map((r) => [r.stage.id, r.stage]));
  return sorted.order.map((id) => byId.get(id) as Stage);
}

/** Checks what spans jobs: unique job ids, stage ids and shuffle ids, and shuffle reuse of earlier jobs. */
function checkWorkloadIds(rawJobs: unknown[], jobs: Job[], c: Checker): void {
  const jobIds = new Map<number, number>();
  const stageOwner = new Map<number, number>();
  const shuffleOwner = new Map<number, number>();
  jobs.forEach((job, ji) => {
    const path = `jobs[${ji}]`;
    if (jobIds.has(job.id)) c.fail(`${path}.id`, `(${job.id}) is already used by jobs[${jobIds.get(job.id)}]`);
    jobIds.set(job.id, ji);
    job.reusesShuffles.forEach((sid, i) => {
      const owner = shuffleOwner.get(sid);
      if (owner === undefined) c.fail(`${path}.reusesShuffles[${i}]`, `(${sid}) is not written by an earlier job`);
    });
    const rawStages = (rawJobs[ji] as Obj).stages as unknown[];
    for (const stage of job.stages) {
      const si = rawStages.findIndex((s) => isObj(s) && s.id === stage.id);
      const sp = `${path}.stages[${si}]`;
      const owner = stageOwner.get(stage.id);
      if (owner !== undefined && owner !== ji) c.fail(`${sp}.id`, `(${stage.id}) is already used in jobs[${owner}]`);
      stageOwner.set(stage.id, ji);
    }
    for (const stage of job.stages) {
      if (stage.shuffleId === undefined) continue;
      const si = rawStages.findIndex((s) => isObj(s) && s.id === stage.id);
      if (shuffleOwner.has(stage.shuffleId)) {
        c.fail(`${path}.stages[${si}].shuffleId`, `(${stage.shuffleId}) is written by another stage`);
      }
      shuffleOwner.set(stage.shuffleId, ji);
    }
  });
}
