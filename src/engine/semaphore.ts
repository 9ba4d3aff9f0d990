// Bounds how many checks talk to AWS at once, so a big lab does not trip throttling; `lab grade` bounds
// the students graded at once with one too.

export class Semaphore {
  private available: number;
  private readonly waiting: (() => void)[] = [];

  constructor(limit: number) {
    this.available = Math.max(1, limit);
  }

  async acquire(): Promise<void> {
    if (this.available > 0) this.available--;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.available++;
  }

  async use<T>(task: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  /**
   * Like use(), with a lease through which the task may step aside while it only waits (see Lease.idle).
   * The place is the task's alone: a wait that outlives the task never takes a place back.
   */
  async useWithLease<T>(task: (lease: Lease) => Promise<T>): Promise<T> {
    await this.acquire();
    const lease = new Lease(this);
    try {
      return await task(lease);
    } finally {
      lease.end();
    }
  }
}

/**
 * One holder's place in a Semaphore. While any of the holder's waits runs, its place goes to the next in
 * line; when a wait ends the holder queues for a place again. A holder doing several things at once may
 * work without its place between the first wait's start and the place coming back: bounded by its own
 * concurrency, and never a place lost or counted twice.
 */
export class Lease {
  private held = true;
  private ended = false;
  private regaining: Promise<void> | undefined;

  constructor(private readonly semaphore: Semaphore) {}

  async idle<T>(wait: Promise<T>): Promise<T> {
    if (this.held && !this.ended) {
      this.held = false;
      this.semaphore.release();
    }
    try {
      return await wait;
    } finally {
      await this.regain();
    }
  }

  private regain(): Promise<void> {
    if (this.held || this.ended) return Promise.resolve();
    this.regaining ??= this.semaphore.acquire().then(() => {
      this.regaining = undefined;
      if (this.ended) this.semaphore.release();
      else this.held = true;
    });
    return this.regaining;
  }

  /** The task is over: its place goes back, now or as soon as a pending regain gets it. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    if (this.held) {
      this.held = false;
      this.semaphore.release();
    }
  }
}
