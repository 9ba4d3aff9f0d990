// What one sandbox's Athena keeps while it runs: the query engine (DuckDB, loaded on the first SELECT),
// the local copies of objects DuckDB reads, what it learned about each object's JSON, and the queries in
// flight (to wait for them, or stop one).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Sandbox } from '../../sandbox.js';
import { DuckEngine } from './engine/duckdb.js';
import { JsonProfiles } from './engine/json-view.js';
import { ObjectFiles } from './engine/object-files.js';

export interface RunningQuery {
  /** Identifies the query's work in the engine (for interrupt). */
  token: object;
  done: Promise<void>;
  cancelRequested: boolean;
}

export class AthenaRuntime {
  readonly running = new Map<string, RunningQuery>();
  readonly profiles = new JsonProfiles();
  private workDir?: string;
  private engineInstance?: DuckEngine;
  private filesInstance?: ObjectFiles;

  constructor(private readonly sandbox: Sandbox) {}

  /** Whether DuckDB has been loaded (it is not until the first SELECT). */
  get engineLoaded(): boolean {
    return this.engineInstance?.loaded ?? false;
  }

  /** The engine, created (not yet loaded: DuckDB loads on its first query) with the directories it may read. */
  get engine(): DuckEngine {
    if (!this.engineInstance) {
      const dir = this.dir();
      const blobRoot = this.sandbox.blobs.filePath('');
      this.engineInstance = new DuckEngine({
        allowedDirectories: [join(dir, 'objects'), ...(blobRoot ? [blobRoot] : [])].flatMap((d) => [d, `${d}/`]),
        tempDirectory: join(dir, 'spill'),
      });
    }
    return this.engineInstance;
  }

  get files(): ObjectFiles {
    this.filesInstance ??= new ObjectFiles(this.sandbox, join(this.dir(), 'objects'));
    return this.filesInstance;
  }

  private dir(): string {
    this.workDir ??= mkdtempSync(join(tmpdir(), 'sandbox-athena-'));
    return this.workDir;
  }

  /** Resolves when every query started so far has finished. */
  async settle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running.values()].map((r) => r.done));
  }

  async close(): Promise<void> {
    await this.engineInstance?.close();
    await Promise.all([...this.running.values()].map((r) => r.done.catch(() => undefined)));
    this.filesInstance?.close();
    if (this.workDir) rmSync(this.workDir, { recursive: true, force: true });
  }
}

const runtimes = new WeakMap<Sandbox, AthenaRuntime>();

export function athenaRuntime(sandbox: Sandbox): AthenaRuntime {
  let runtime = runtimes.get(sandbox);
  if (!runtime) {
    runtime = new AthenaRuntime(sandbox);
    runtimes.set(sandbox, runtime);
  }
  return runtime;
}
