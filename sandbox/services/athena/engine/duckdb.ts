// The one DuckDB instance of a sandbox's Athena: imported and opened on the first query only (the sandbox
// must start fast and stay small until someone queries), set up so it reads nothing but the files the
// sandbox hands it (no extension downloads, external access limited to the sandbox's directories), and
// fed one query at a time so libuv's thread pool stays free for the rest of the sandbox.

import { availableParallelism } from 'node:os';
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { MACROS } from '../sql/functions.js';

export interface EngineOptions {
  /** Directories DuckDB may read (the blob store, the object cache); everything else is refused. */
  allowedDirectories: string[];
  /** Where DuckDB spills when a query outgrows memory_limit. */
  tempDirectory: string;
  memoryLimit?: string;
  threads?: number;
}


/** Work refused because the sandbox is shutting the engine down. */
export class EngineClosed extends Error {
  constructor() {
    super('the query engine is closed');
    this.name = 'EngineClosed';
  }
}

export class DuckEngine {
  private opening?: Promise<DuckDBInstance>;
  private tail: Promise<unknown> = Promise.resolve();
  private current?: { token: object; connection: DuckDBConnection };
  private closed = false;

  constructor(private readonly options: EngineOptions) {}

  /** Whether DuckDB has been loaded (it is not until the first query). */
  get loaded(): boolean {
    return this.opening !== undefined;
  }

  private open(): Promise<DuckDBInstance> {
    this.opening ??= (async () => {
      const { DuckDBInstance } = await import('@duckdb/node-api');
      const threads = this.options.threads ?? Math.max(1, Math.min(4, availableParallelism()));
      const instance = await DuckDBInstance.create(':memory:', {
        autoinstall_known_extensions: 'false',
        autoload_known_extensions: 'false',
        memory_limit: this.options.memoryLimit ?? '512MB',
        threads: String(threads),
        temp_directory: this.options.tempDirectory,
      });
      const setup = await instance.connect();
      try {
        await setup.run("SET TimeZone = 'UTC'");
        // Trino divides integers as integers.
        await setup.run('SET integer_division = true');
        for (const macro of MACROS) await setup.run(macro);
        const dirs = this.options.allowedDirectories.map((d) => `'${d.replace(/'/g, "''")}'`).join(', ');
        await setup.run(`SET allowed_directories = [${dirs}]`);
        await setup.run('SET enable_external_access = false');
        await setup.run('SET lock_configuration = true');
      } finally {
        setup.closeSync();
      }
      return instance;
    })();
    return this.opening;
  }

  /**
   * Runs `work` on a fresh connection once every earlier piece of work has finished (its temporary views go
   * with the connection). `token` identifies the work for interrupt().
   */
  run<T>(token: object, work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    const result = this.tail.then(async () => {
      if (this.closed) throw new EngineClosed();
      const instance = await this.open();
      const connection = await instance.connect();
      this.current = { token, connection };
      try {
        // A close that came while this work was connecting found nothing to interrupt.
        if (this.closed) throw new EngineClosed();
        return await work(connection);
      } finally {
        this.current = undefined;
        connection.closeSync();
      }
    });
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Interrupts the work of `token` if it is running now; true if it was. */
  interrupt(token: object): boolean {
    if (this.current?.token !== token) return false;
    this.current.connection.interrupt();
    return true;
  }

  /** Waits for the queued work, then releases DuckDB. */
  async close(): Promise<void> {
    this.closed = true;
    // Until the work ends: an interrupt that lands between two of its statements would be lost.
    this.current?.connection.interrupt();
    const interrupting = setInterval(() => this.current?.connection.interrupt(), 50);
    try {
      await this.tail;
    } finally {
      clearInterval(interrupting);
    }
    if (this.opening) {
      const instance = await this.opening.catch(() => undefined);
      instance?.closeSync();
    }
  }
}
