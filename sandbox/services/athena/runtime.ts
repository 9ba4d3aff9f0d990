// What one sandbox's Athena keeps while it runs: the queries in flight (to wait for them, or stop one) and,
// from the first SELECT on, the query engine (DuckDB), the local copies of objects it reads and what it
// learned about each object's JSON. The engine's modules are imported then too: an idle sandbox loads
// none of them.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Sandbox } from '../../sandbox.js';
import type { DuckEngine } from './engine/duckdb.js';
import type { JsonProfiles } from './engine/json-view.js';
import type { ObjectFiles } from './engine/object-files.js';

export interface RunningQuery {
  /** Identifies the query's work in the engine (for interrupt). */
  token: object;
  done: Promise<void>;
  cancelRequested: boolean;
}

export interface EngineParts {
  engine: DuckEngine;
  files: ObjectFiles;
  profiles: JsonProfiles;
}

export class AthenaRuntime {
  readonly running = new Map<string, RunningQuery>();
  /** Set when the sandbox stops: queries cut off now end as interrupted, not cancelled. */
  closing = false;
  private workDir?: string;
  private parts?: Promise<EngineParts>;
  private loadedParts?: EngineParts;

  constructor(private readonly sandbox: Sandbox) {}

  /** Whether DuckDB has been loaded (it is not until the first SELECT). */
  get engineLoaded(): boolean {
    return this.loadedParts?.engine.loaded ?? false;
  }

  /** The engine and its helpers, created on first use with the directories DuckDB may read. */
  engineParts(): Promise<EngineParts> {
    this.parts ??= (async () => {
      const [{ DuckEngine }, { JsonProfiles }, { ObjectFiles }] = await Promise.all([
        import('./engine/duckdb.js'),
        import('./engine/json-view.js'),
        import('./engine/object-files.js'),
      ]);
      const dir = (this.workDir ??= mkdtempSync(join(tmpdir(), 'sandbox-athena-')));
      const blobRoot = this.sandbox.blobs.filePath('');
      const parts: EngineParts = {
        engine: new DuckEngine({
          allowedDirectories: [join(dir, 'objects'), ...(blobRoot ? [blobRoot] : [])].flatMap((d) => [d, `${d}/`]),
          tempDirectory: join(dir, 'spill'),
        }),
        files: new ObjectFiles(this.sandbox, join(dir, 'objects')),
        profiles: new JsonProfiles(),
      };
      this.loadedParts = parts;
      return parts;
    })();
    return this.parts;
  }

  /** Interrupts the engine's work for `token`, if the engine runs it now. */
  interrupt(token: object): void {
    this.loadedParts?.engine.interrupt(token);
  }

  /** Resolves when every query started so far has finished. */
  async settle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running.values()].map((r) => r.done));
  }

  async close(): Promise<void> {
    this.closing = true;
    const parts = this.parts && (await this.parts);
    await parts?.engine.close();
    await Promise.all([...this.running.values()].map((r) => r.done.catch(() => undefined)));
    parts?.files.close();
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
