// Who may start a job in the work pool next. On a small machine every running worker takes a core from the thread
// that answers hover and completion, so background work (code-lens figures) yields to what a user asked for: it
// starts only when no requested job runs or waits, and it never holds more than all slots but one, so a request
// always finds a slot at once.

/** A requested job (simulate, replay, advise…) or background work nobody waits for (a code lens's figure). */
export type JobPriority = 'request' | 'background';

/** Gives the slot back; call it exactly once. */
export type Release = () => void;

interface Waiter {
  priority: JobPriority;
  grant: (release: Release) => void;
}

export class WorkSlots {
  private requests = 0;
  private background = 0;
  private readonly waiting: Waiter[] = [];

  constructor(private readonly size: number) {}

  /** Resolves when the job may start, with the function that ends its turn. */
  acquire(priority: JobPriority): Promise<Release> {
    return new Promise((grant) => {
      this.waiting.push({ priority, grant });
      this.grantWhatFits();
    });
  }

  /** Jobs running now, by priority (for tests and diagnostics). */
  get running(): { request: number; background: number } {
    return { request: this.requests, background: this.background };
  }

  private grantWhatFits(): void {
    for (let next = this.nextToStart(); next !== undefined; next = this.nextToStart()) {
      const [waiter] = this.waiting.splice(next, 1);
      if (waiter) waiter.grant(this.start(waiter.priority));
    }
  }

  private start(priority: JobPriority): Release {
    if (priority === 'request') this.requests++;
    else this.background++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (priority === 'request') this.requests--;
      else this.background--;
      this.grantWhatFits();
    };
  }

  /** Index in `waiting` of the job that may start now: requests first, in order; undefined when none may. */
  private nextToStart(): number | undefined {
    if (this.requests + this.background >= this.size) return undefined;
    const request = this.waiting.findIndex((w) => w.priority === 'request');
    if (request >= 0) return request;
    if (this.requests > 0 || this.background >= Math.max(1, this.size - 1)) return undefined;
    return this.waiting.length > 0 ? 0 : undefined;
  }
}
