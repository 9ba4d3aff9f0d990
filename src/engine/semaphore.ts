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

  /** For a holder about to wait without working: its place goes to the next in line meanwhile, and it queues again after. */
  async yieldDuring<T>(wait: Promise<T>): Promise<T> {
    this.release();
    try {
      return await wait;
    } finally {
      await this.acquire();
    }
  }
}
