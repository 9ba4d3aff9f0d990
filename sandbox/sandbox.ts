// One running sandbox: its state, blobs, clock, request log, services and their in-process APIs,
// and the background work they scheduled. Several can live in one process (tests), sharing nothing.

import { join, resolve } from 'node:path';
import type { Clock } from './edge/clock.js';
import { systemClock } from './edge/clock.js';
import type { EdgeRequest, EdgeResponse } from './edge/http-types.js';
import { RequestLog } from './edge/request-log.js';
import type { SandboxOptions } from './settings.js';
import { DEFAULT_DATA_DIR, SANDBOX_CREDENTIALS } from './settings.js';
import { StateStore } from './store/state-store.js';
import { DamageRepair } from './store/damage.js';
import type { BlobStore } from './store/blob-store.js';
import { DiskBlobStore, MemoryBlobStore } from './store/blob-store.js';
import type { SandboxApis } from './services/apis.js';

export type AdminRoute = (req: EdgeRequest) => EdgeResponse | Promise<EdgeResponse>;

export class Sandbox {
  readonly state: StateStore;
  readonly blobs: BlobStore;
  readonly clock: Clock;
  readonly log = new RequestLog();
  readonly dataDir: string | null;
  /** With `repair`, where damaged parts of the data directory are moved and what was done (store/damage.ts). */
  readonly repair: DamageRepair | undefined;
  readonly apis: Partial<SandboxApis> = {};
  /** Unsigned sandbox-only endpoints under /_sandbox/ (health, status, the IoT CA). */
  readonly adminRoutes = new Map<string, AdminRoute>();
  /** Filled once the edge listens. */
  endpoint = '';
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly closers: (() => void | Promise<void>)[] = [];

  constructor(readonly options: SandboxOptions) {
    this.clock = options.clock ?? systemClock;
    this.dataDir = options.inMemory ? null : resolve(options.dataDir ?? DEFAULT_DATA_DIR);
    this.repair = this.dataDir && options.repair ? new DamageRepair(this.dataDir, new Date(this.clock.now())) : undefined;
    this.state = this.dataDir ? StateStore.open(this.dataDir, this.repair) : StateStore.inMemory();
    this.blobs = this.dataDir ? new DiskBlobStore(join(this.dataDir, 'files')) : new MemoryBlobStore();
  }

  /** The secret every long-term access key of this sandbox signs with (settings.ts's documented one unless set). */
  get secretAccessKey(): string {
    return this.options.secretAccessKey ?? SANDBOX_CREDENTIALS.secretAccessKey;
  }

  /** The secret an access key signs with: a role session's own, else the sandbox's. */
  secretFor(accessKeyId: string): string {
    return this.apis.sts?.secretForAccessKey(accessKeyId) ?? this.secretAccessKey;
  }

  /** The in-process API of another service; throws if that service is not part of this sandbox. */
  api<K extends keyof SandboxApis>(name: K): SandboxApis[K] {
    const api = this.apis[name];
    if (!api) throw new Error(`sandbox service ${String(name)} is not running`);
    return api;
  }

  /** Runs `task` every `ms` until the sandbox closes; errors are logged, never thrown. */
  every(ms: number, task: () => void | Promise<void>): void {
    let running = false;
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      Promise.resolve()
        .then(task)
        .catch((err: unknown) => this.warn(`background task failed: ${(err as Error).stack ?? String(err)}`))
        .finally(() => (running = false));
    }, ms);
    timer.unref();
    this.timers.add(timer);
  }

  /** Extra lines services add to `lab sandbox status` (invoke URLs, the IoT CA path, ...). */
  readonly statusProviders: (() => Record<string, unknown>)[] = [];

  statusExtras(): Record<string, unknown> {
    return Object.assign({}, ...this.statusProviders.map((p) => p()));
  }

  onClose(fn: () => void | Promise<void>): void {
    this.closers.push(fn);
  }

  warn(message: string): void {
    if (this.options.verbose !== false) process.stderr.write(`[sandbox] ${message}\n`);
  }

  async close(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    this.timers.clear();
    for (const fn of this.closers.reverse()) await fn();
    this.state.close();
  }
}
