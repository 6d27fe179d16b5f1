// Hand-built Spark event logs for tests: a few listener events at chosen times (seconds from application start),
// written as the JSON lines Spark writes, so the reader, the calibration and the replay see a real log.

const BASE_MS = 1_700_000_000_000;
const ms = (sec: number): number => BASE_MS + Math.round(sec * 1000);

export interface TaskAt {
  exec: string;
  launch: number;
  end: number;
  /** The successful attempt was a speculative copy. */
  speculative?: boolean;
}

export class LogBuilder {
  private readonly events: Record<string, unknown>[] = [];

  constructor(conf: Record<string, string>, version = '3.2.1') {
    this.events.push({ Event: 'SparkListenerLogStart', 'Spark Version': version });
    this.events.push({ Event: 'SparkListenerEnvironmentUpdate', 'Spark Properties': conf });
    this.events.push({
      Event: 'SparkListenerApplicationStart',
      'App Name': 'test',
      'App ID': 'app-1',
      Timestamp: ms(0),
    });
  }

  executor(id: string, at: number, cores = 4, requestedAt?: number): this {
    const info: Record<string, unknown> = { Host: 'h', 'Total Cores': cores, 'Resource Profile Id': 0 };
    if (requestedAt !== undefined) info['Request Time'] = ms(requestedAt);
    this.events.push({
      Event: 'SparkListenerExecutorAdded',
      Timestamp: ms(at),
      'Executor ID': id,
      'Executor Info': info,
    });
    return this;
  }

  removed(id: string, at: number, reason = 'Executor killed by driver.'): this {
    this.events.push({
      Event: 'SparkListenerExecutorRemoved',
      Timestamp: ms(at),
      'Executor ID': id,
      'Removed Reason': reason,
    });
    return this;
  }

  /** Any event, as written. */
  raw(event: Record<string, unknown>): this {
    this.events.push(event);
    return this;
  }

  /**
   * A task attempt of `stageId` that did not succeed (or a speculative copy), from `launch` to `end`; `index` is its
   * Task Info "Index" (the task it belongs to), left out when not given.
   */
  attempt(stageId: number, t: TaskAt, reason: string, speculative = false, index?: number): this {
    this.events.push({
      Event: 'SparkListenerTaskEnd',
      'Stage ID': stageId,
      'Task Type': 'ResultTask',
      'Task End Reason': { Reason: reason },
      'Task Info': {
        ...(index === undefined ? {} : { Index: index }),
        'Launch Time': ms(t.launch),
        'Finish Time': ms(t.end),
        'Executor ID': t.exec,
        Speculative: speculative,
        Killed: reason === 'TaskKilled',
        Failed: reason !== 'Success' && reason !== 'TaskKilled',
      },
    });
    return this;
  }

  /** A one-stage job submitted at `at`, its tasks as given; it ends when its last task ends. */
  job(jobId: number, stageId: number, at: number, tasks: TaskAt[], profileId?: number): this {
    const end = Math.max(...tasks.map((t) => t.end));
    this.events.push({
      Event: 'SparkListenerJobStart',
      'Job ID': jobId,
      'Submission Time': ms(at),
      'Stage Infos': [{ 'Stage ID': stageId }],
    });
    this.events.push({
      Event: 'SparkListenerStageSubmitted',
      'Stage Info': {
        'Stage ID': stageId,
        'Number of Tasks': tasks.length,
        'Submission Time': ms(at),
        'Parent IDs': [],
        ...(profileId === undefined ? {} : { 'Resource Profile Id': profileId }),
      },
    });
    tasks.forEach((t, i) =>
      this.events.push({
        Event: 'SparkListenerTaskEnd',
        'Stage ID': stageId,
        'Task Type': 'ResultTask',
        'Task End Reason': { Reason: 'Success' },
        'Task Info': {
          'Task ID': i,
          Index: i,
          'Launch Time': ms(t.launch),
          'Finish Time': ms(t.end),
          'Executor ID': t.exec,
          Speculative: t.speculative === true,
        },
      }),
    );
    this.events.push({
      Event: 'SparkListenerStageCompleted',
      'Stage Info': { 'Stage ID': stageId, 'Number of Tasks': tasks.length, 'Completion Time': ms(end) },
    });
    this.events.push({
      Event: 'SparkListenerJobEnd',
      'Job ID': jobId,
      'Completion Time': ms(end),
      'Job Result': { Result: 'JobSucceeded' },
    });
    return this;
  }

  end(at: number): string {
    this.events.push({ Event: 'SparkListenerApplicationEnd', Timestamp: ms(at) });
    return this.text();
  }

  text(): string {
    return `${this.events.map((e) => JSON.stringify(e)).join('\n')}\n`;
  }
}

/** `n` tasks on `exec`, all launched at `launch` and ending at `end`. */
export function tasks(n: number, exec: string, launch: number, end: number): TaskAt[] {
  return Array.from({ length: n }, () => ({ exec, launch, end }));
}
