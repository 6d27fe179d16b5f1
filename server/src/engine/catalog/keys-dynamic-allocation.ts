// Dynamic allocation keys (spark-facts §1.1).
import { defineKey, INT_MAX } from './define';
import type { KeyInfo } from './types';

const DA = 'spark.dynamicAllocation.';

export const DYNAMIC_ALLOCATION_KEYS = [
  defineKey(`${DA}enabled`, {
    type: 'bool',
    since: '1.2.0',
    category: 'dynamic-allocation',
    default: 'false',
    related: [
      `${DA}minExecutors`,
      `${DA}maxExecutors`,
      `${DA}shuffleTracking.enabled`,
      'spark.shuffle.service.enabled',
    ],
    doc:
      'Lets Spark grow and shrink the number of executors with the workload instead of keeping a fixed count. ' +
      'Spark asks for more executors while tasks wait and releases executors that sit idle. Dynamic allocation ' +
      'needs a way to keep shuffle output when executors go away: on Kubernetes that is shuffle tracking (on by ' +
      'default from Spark 3.4.0), shuffle-block decommissioning, or a shuffle plugin with reliable storage; the ' +
      'external shuffle service does not exist there. With a `local` master the setting is ignored.',
  }),
  defineKey(`${DA}minExecutors`, {
    type: 'int',
    since: '1.2.0',
    category: 'dynamic-allocation',
    default: '0',
    related: [`${DA}maxExecutors`, `${DA}initialExecutors`, 'spark.executor.instances'],
    constraint: '>= 0 and <= maxExecutors',
    doc:
      'The fewest executors Spark keeps while dynamic allocation is on, even when they are idle (counted per ' +
      'resource profile). Raise it to keep warm capacity for bursty stages; each kept executor is paid for for the ' +
      'whole run. Must not be negative or larger than maxExecutors.',
  }),
  defineKey(`${DA}maxExecutors`, {
    type: 'int',
    since: '1.2.0',
    category: 'dynamic-allocation',
    default: INT_MAX,
    display: 'infinity',
    related: [`${DA}minExecutors`, `${DA}initialExecutors`, 'spark.kubernetes.allocation.maxPendingPods'],
    constraint: '> 0 and >= minExecutors',
    doc:
      'The most executors Spark will ask for while dynamic allocation is on (counted per resource profile). The ' +
      'default has no real limit, so a wide stage can request as many executors as it has pending tasks; set a cap ' +
      'to protect the cluster and your budget. Zero is rejected at start-up. EMR Serverless applies its own default.',
  }),
  defineKey(`${DA}initialExecutors`, {
    type: 'int',
    since: '1.3.0',
    category: 'dynamic-allocation',
    fallbackKey: `${DA}minExecutors`,
    related: [`${DA}minExecutors`, `${DA}maxExecutors`, 'spark.executor.instances'],
    constraint: 'between minExecutors and maxExecutors',
    doc:
      'How many executors Spark requests right at start-up. When unset it takes the value of minExecutors. The ' +
      'starting target is really the largest of minExecutors, this key and spark.executor.instances; a value below ' +
      'minExecutors only logs a warning and is ignored, while a start target above maxExecutors fails on Kubernetes.',
  }),
  defineKey(`${DA}executorAllocationRatio`, {
    type: 'double',
    since: '2.4.0',
    category: 'dynamic-allocation',
    default: '1.0',
    related: [`${DA}maxExecutors`, 'spark.executor.cores', 'spark.task.cpus'],
    constraint: '> 0 and <= 1',
    doc:
      'Scales down how many executors Spark thinks it needs. At 1.0 Spark aims for one task slot per pending task; ' +
      '0.5 asks for half as many executors, trading speed for cost on short tasks. Values outside (0, 1] stop ' +
      'start-up.',
  }),
  defineKey(`${DA}schedulerBacklogTimeout`, {
    type: 'duration',
    unit: 's',
    since: '1.2.0',
    category: 'dynamic-allocation',
    default: '1s',
    related: [`${DA}sustainedSchedulerBacklogTimeout`, `${DA}executorIdleTimeout`],
    constraint: '> 0 (whole seconds)',
    doc:
      'How long tasks must wait for a free slot before Spark asks for its first extra executors. The value is read ' +
      'in whole seconds, so `500ms` becomes 0 and Spark refuses to start; use at least `1s`.',
  }),
  defineKey(`${DA}sustainedSchedulerBacklogTimeout`, {
    type: 'duration',
    unit: 's',
    since: '1.2.0',
    category: 'dynamic-allocation',
    fallbackKey: `${DA}schedulerBacklogTimeout`,
    related: [`${DA}schedulerBacklogTimeout`],
    constraint: '> 0 (whole seconds)',
    doc:
      'While the backlog lasts, how long Spark waits between further rounds of executor requests. Each round asks ' +
      'for twice as many executors as the previous one. When unset it uses schedulerBacklogTimeout. Read in whole ' +
      'seconds, and it must come out above zero.',
  }),
  defineKey(`${DA}executorIdleTimeout`, {
    type: 'duration',
    unit: 's',
    since: '1.2.0',
    category: 'dynamic-allocation',
    default: '60s',
    related: [`${DA}cachedExecutorIdleTimeout`, `${DA}shuffleTracking.timeout`, `${DA}minExecutors`],
    constraint: '>= 0',
    doc:
      'How long an executor with no running tasks, no cached blocks and no shuffle data it must keep may stay idle ' +
      'before Spark removes it. Lower values save money between stages but cause churn when stages follow each ' +
      'other closely. Read in whole seconds: `500ms` becomes 0, which removes idle executors at once.',
  }),
  defineKey(`${DA}cachedExecutorIdleTimeout`, {
    type: 'duration',
    unit: 's',
    since: '1.4.0',
    category: 'dynamic-allocation',
    default: '2147483647s',
    display: 'infinity',
    related: [`${DA}executorIdleTimeout`, 'spark.shuffle.service.fetch.rdd.enabled'],
    constraint: '>= 0',
    doc:
      'Idle timeout for executors that hold cached (persisted) data. The default is about 68 years, so executors ' +
      'with cached blocks are effectively never released; set a finite value if you cache and still want ' +
      'dynamic allocation to scale down. Up to Spark 3.4.0 such executors used the shorter of this and the shuffle ' +
      'timeout; from 3.4.1 the longest applicable timeout wins.',
  }),
  defineKey(`${DA}shuffleTracking.enabled`, {
    type: 'bool',
    since: '3.0.0',
    category: 'dynamic-allocation',
    defaults: [
      { since: '3.0.0', value: 'false' },
      { since: '3.4.0', value: 'true', note: 'SPARK-39846: on by default from Spark 3.4.0' },
    ],
    related: [`${DA}shuffleTracking.timeout`, 'spark.shuffle.service.enabled', `${DA}enabled`],
    doc:
      'Makes Spark remember which executors hold shuffle files and keep them until that shuffle is no longer ' +
      'needed, so dynamic allocation works without an external shuffle service — the usual choice on Kubernetes. ' +
      'Off by default in Spark 3.0–3.3 (dynamic allocation on Kubernetes then fails at start-up unless you turn it ' +
      'on or use decommissioning), on by default from 3.4.0. It has no effect when spark.shuffle.service.enabled is ' +
      'true.',
  }),
  defineKey(`${DA}shuffleTracking.timeout`, {
    type: 'duration',
    unit: 'ms',
    since: '3.0.0',
    category: 'dynamic-allocation',
    default: '9223372036854775807ms',
    display: 'infinity',
    related: [`${DA}shuffleTracking.enabled`, `${DA}executorIdleTimeout`],
    constraint: '>= 0',
    doc:
      'How long an idle executor that still holds shuffle data is kept. By default it stays until the shuffle ' +
      'itself is cleaned up, which can keep executors (and their pods and volumes) alive for most of a long job. A ' +
      'finite value frees them sooner at the risk of recomputing lost shuffle output. A bare number is milliseconds.',
  }),
  defineKey(`${DA}testing`, {
    type: 'bool',
    since: '1.2.0',
    category: 'dynamic-allocation',
    default: 'false',
    internal: true,
    related: [`${DA}enabled`],
    doc:
      "For Spark's own tests: fakes executor requests and removals, skips the shuffle requirement check and allows " +
      'dynamic allocation with a local master. Do not set it in real jobs.',
  }),
  defineKey('spark.testing.dynamicAllocation.schedule.enabled', {
    type: 'bool',
    since: '3.1.0',
    category: 'dynamic-allocation',
    default: 'true',
    internal: true,
    related: [`${DA}testing`],
    doc:
      "For Spark's own tests: together with spark.dynamicAllocation.testing, false stops the background thread " +
      'that re-evaluates the executor target every 100 ms.',
  }),
  defineKey('spark.kubernetes.dynamicAllocation.deleteGracePeriod', {
    type: 'duration',
    unit: 'ms',
    since: '3.0.0',
    category: 'dynamic-allocation',
    default: '5s',
    related: [`${DA}executorIdleTimeout`, 'spark.kubernetes.executor.deleteOnTermination'],
    doc:
      'Kubernetes only. After Spark asks an executor to shut down, it waits this long and then deletes the pod if ' +
      'it is still running. Raise it if executors need longer to exit cleanly. A bare number is milliseconds.',
  }),
] as const satisfies readonly KeyInfo[];
