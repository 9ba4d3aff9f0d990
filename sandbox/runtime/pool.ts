// Warm execution environments per function: an idle worker is reused, a busy function gets another
// one up to a small cap (further invocations wait their turn), a changed function retires its workers,
// idle ones are ended after a while, and all of them end when the sandbox closes.

import { RuntimeWorker, type InvokeOutcome, type InvokeRequest, type WorkerSpec } from './worker.js';

export interface PoolOptions {
  /** Concurrent execution environments per function. */
  maxPerFunction: number;
  /** An environment unused this long is ended. */
  idleMs: number;
}

interface FunctionWorkers {
  /** What the workers were started from (code, runtime, configuration): a different one retires them. */
  fingerprint: string;
  workers: RuntimeWorker[];
  waiting: (() => void)[];
}

export class RuntimePool {
  private readonly functions = new Map<string, FunctionWorkers>();
  private closed = false;

  constructor(private readonly options: PoolOptions = { maxPerFunction: 4, idleMs: 10 * 60_000 }) {}

  /**
   * Invokes the function `key` on a warm worker started from `fingerprint`, or on a new one built by
   * `spec()` (called only when a process must start, so it can name a fresh log stream).
   */
  async invoke(key: string, fingerprint: string, spec: () => WorkerSpec, request: InvokeRequest): Promise<InvokeOutcome> {
    const worker = await this.acquire(key, fingerprint, spec);
    try {
      return await worker.invoke(request);
    } finally {
      this.release(key, worker);
    }
  }

  private entry(key: string, fingerprint: string): FunctionWorkers {
    let entry = this.functions.get(key);
    if (entry && entry.fingerprint !== fingerprint) {
      this.retireEntry(entry);
      entry = undefined;
    }
    if (!entry) {
      entry = { fingerprint, workers: [], waiting: [] };
      this.functions.set(key, entry);
    }
    return entry;
  }

  private async acquire(key: string, fingerprint: string, spec: () => WorkerSpec): Promise<RuntimeWorker> {
    for (;;) {
      if (this.closed) throw new Error('the sandbox is closing');
      const entry = this.entry(key, fingerprint);
      entry.workers = entry.workers.filter((w) => w.alive || w.busy);
      const idle = entry.workers.find((w) => !w.busy && w.alive);
      if (idle) {
        idle.busy = true;
        return idle;
      }
      if (entry.workers.length < this.options.maxPerFunction) {
        const worker = new RuntimeWorker(spec());
        worker.busy = true;
        entry.workers.push(worker);
        return worker;
      }
      await new Promise<void>((resolve) => entry.waiting.push(resolve));
    }
  }

  private release(key: string, worker: RuntimeWorker): void {
    worker.busy = false;
    const entry = this.functions.get(key);
    if (worker.retired || this.closed || !entry || !entry.workers.includes(worker)) worker.kill();
    if (entry) {
      entry.workers = entry.workers.filter((w) => w.alive || w.busy);
      entry.waiting.shift()?.();
    }
  }

  private retireEntry(entry: FunctionWorkers): void {
    for (const worker of entry.workers) {
      worker.retired = true;
      if (!worker.busy) worker.kill();
    }
    // Whoever waited for this entry looks again and finds the new one.
    for (const wake of entry.waiting.splice(0)) wake();
  }

  /** Ends the function's workers (after their current invocation): its code or configuration changed, or it is gone. */
  retire(key: string): void {
    const entry = this.functions.get(key);
    if (!entry) return;
    this.functions.delete(key);
    this.retireEntry(entry);
  }

  /** Ends workers idle for longer than the pool's idle time. */
  reapIdle(now = Date.now()): void {
    for (const entry of this.functions.values()) {
      for (const worker of entry.workers) if (!worker.busy && now - worker.lastUsed > this.options.idleMs) worker.kill('idle');
      entry.workers = entry.workers.filter((w) => w.alive || w.busy);
    }
  }

  /** Process ids of live workers (tests, status). */
  pids(key?: string): number[] {
    const entries = key ? [this.functions.get(key)].filter((e): e is FunctionWorkers => !!e) : [...this.functions.values()];
    return entries.flatMap((e) => e.workers.filter((w) => w.alive).map((w) => w.pid!)).filter((p) => p !== undefined);
  }

  close(): void {
    this.closed = true;
    for (const entry of this.functions.values()) this.retireEntry(entry);
    for (const entry of this.functions.values()) for (const worker of entry.workers) worker.kill('sandbox closed');
    this.functions.clear();
  }
}
