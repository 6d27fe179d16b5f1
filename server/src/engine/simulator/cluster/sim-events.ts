// The events the cluster driver queues on its heap: pod and container steps, executor exits and losses, job and stage
// timers, speculation checks, allocator wake-ups and pod-list snapshots.

export type SimEvent =
  | { kind: 'visible'; id: number }
  | { kind: 'running'; id: number }
  | { kind: 'register'; id: number }
  | { kind: 'exit'; id: number }
  | { kind: 'job'; job: number }
  | { kind: 'release'; stage: number }
  | { kind: 'lose'; ordinal: number }
  | { kind: 'speculate' }
  | { kind: 'allocate' }
  | { kind: 'poll' };

/** Shared instances of the events that carry no data (the heap never changes what it holds). */
export const ALLOCATE: SimEvent = { kind: 'allocate' };
export const SPECULATE: SimEvent = { kind: 'speculate' };
