// Crawler runs over time. StartCrawler only records a run (RUNNING); the background work carries it out: it
// reads S3 and writes the catalog, then ends the run (READY, LastCrawl SUCCEEDED or FAILED) once it has
// lasted the crawl time (the sandbox's provisioning delay, at least CRAWL_MS), so a client polling
// GetCrawler sees RUNNING, then READY. StopCrawler makes it STOPPING for the crawl time, then it ends
// CANCELLED and a stopped crawl writes nothing. A run the sandbox stopped in the middle of (a crash, or a stop before
// its time was up) is ended FAILED, with the reason, when the sandbox starts again. Times read sandbox.clock.

import { randomUUID } from 'node:crypto';
import type { Sandbox } from '../../../sandbox.js';
import { findDatabase, type Owner } from '../catalog.js';
import { crawlers, crawlersTable, fold, parseCrawlerKey, type CrawlCounts, type CrawlerRecord, type LastCrawlStatus } from '../store.js';
import { roleNotAssumable } from '../errors.js';
import { CrawlLog } from './crawl-log.js';
import { discover } from './discover.js';
import { CrawlFailure, writeCatalog } from './catalog-writer.js';
import { inheritsFromTable } from './config.js';
import { assumableRole, refusal } from './role.js';
import { catalogArn, databaseArn } from '../arns.js';

/** How often the background work looks at the crawlers. */
export const TICK_MS = 100;
/** The shortest crawl, so RUNNING shows at least until a tick after StartCrawler. */
export const CRAWL_MS = 300;
/** Run times kept for MedianRuntimeSeconds. */
const RUNTIMES_KEPT = 20;

const ZERO: CrawlCounts = { TablesCreated: 0, TablesUpdated: 0, TablesDeleted: 0 };

export const INTERRUPTED = 'The crawl was interrupted: the sandbox stopped while it was running. Start the crawler again.';

export class CrawlerEngine {
  private readonly inFlight = new Map<string, Promise<void>>();

  constructor(private readonly sandbox: Sandbox) {}

  private get crawlMs(): number {
    return Math.max(CRAWL_MS, this.sandbox.options.provisioningDelayMs ?? 0);
  }

  /** Ends the runs a previous process left behind. */
  recover(): void {
    const table = crawlersTable(this.sandbox);
    for (const [key, c] of [...table.entries()]) {
      if (c.State === 'READY') continue;
      table.set(key, c.State === 'STOPPING' ? this.ended(c, 'CANCELLED') : this.ended(c, 'FAILED', INTERRUPTED));
    }
  }

  /** Records a new run; the background work carries it out. */
  start(owner: Owner, crawler: CrawlerRecord): void {
    crawlers(this.sandbox, owner).set(crawler.Name, { ...crawler, State: 'RUNNING', run: { id: randomUUID(), startTime: this.sandbox.clock.now() } });
  }

  /** One pass: starts the crawls of new runs and ends the runs whose time is up. */
  async tick(): Promise<void> {
    const now = this.sandbox.clock.now();
    const table = crawlersTable(this.sandbox);
    for (const [key, c] of [...table.entries()]) {
      if (c.State === 'READY' || !c.run) continue;
      if (this.inFlight.has(key)) continue;
      if (c.State === 'STOPPING') {
        if (now - (c.run.stoppedAt ?? 0) < this.crawlMs) continue;
        table.set(key, this.ended(c, 'CANCELLED'));
        this.logEnd(key, c);
      } else if (!c.run.done) {
        const work = this.crawl(key, c).finally(() => this.inFlight.delete(key));
        this.inFlight.set(key, work);
      } else if (now - c.run.startTime >= this.crawlMs) {
        const done = c.run.done;
        table.set(key, this.ended(c, done.cancelled ? 'CANCELLED' : done.error ? 'FAILED' : 'SUCCEEDED', done.error));
        this.logEnd(key, c);
      }
    }
  }

  /** Waits for the crawls in flight (the sandbox closes after them). */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all(this.inFlight.values());
  }

  /** Runs ticks until no crawl is in flight, for tests and callers that want the work done now. */
  async settle(): Promise<void> {
    await this.tick();
    while (this.inFlight.size > 0) {
      await Promise.all(this.inFlight.values());
      await this.tick();
    }
  }

  private ended(c: CrawlerRecord, status: LastCrawlStatus, error?: string): CrawlerRecord {
    const run = c.run;
    const now = this.sandbox.clock.now();
    const seconds = run ? Math.max(0, (now - run.startTime) / 1000) : 0;
    return {
      ...c,
      State: 'READY',
      run: undefined,
      LastCrawl: run ? { Status: status, ErrorMessage: error, MessagePrefix: run.id, StartTime: run.startTime } : c.LastCrawl,
      runtimes: run ? [...c.runtimes, seconds].slice(-RUNTIMES_KEPT) : c.runtimes,
      lastCounts: run?.done?.counts ?? ZERO,
    };
  }

  private logEnd(key: string, c: CrawlerRecord): void {
    if (!c.run) return;
    const { accountId, region, name } = parseCrawlerKey(key);
    const log = new CrawlLog(this.sandbox, { accountId, region }, name, c.run.id);
    log.benchmark('Crawler has finished running and is in state READY');
    log.flush();
  }

  /** Reads S3 and writes the catalog for the run of `c`; records the outcome on the run. */
  private async crawl(key: string, c: CrawlerRecord): Promise<void> {
    const { accountId, region, name } = parseCrawlerKey(key);
    const owner = { accountId, region };
    const runId = c.run!.id;
    const log = new CrawlLog(this.sandbox, owner, name, runId);
    log.benchmark(`Running Start Crawl for Crawler ${name}`);
    let counts = ZERO;
    let error: string | undefined;
    let cancelled = false;
    let folders: string[] = [];
    try {
      const role = assumableRole(this.sandbox, owner, c.Role);
      if (!role) throw new CrawlFailure(roleNotAssumable().message);
      // The crawler reads the catalog as its role before anything else.
      const denied = refusal(this.sandbox, owner, role, 'glue:GetDatabase', [catalogArn(owner), databaseArn(owner, fold(c.DatabaseName ?? ''))]);
      if (denied) throw new CrawlFailure(denied);
      const db = findDatabase(this.sandbox, owner, c.DatabaseName ?? '');
      if (!db) throw new CrawlFailure(`Database ${c.DatabaseName} not found.`);
      log.info(`Crawler configured with SchemaChangePolicy ${JSON.stringify(c.SchemaChangePolicy)} and RecrawlPolicy ${JSON.stringify(c.RecrawlPolicy)}`);
      const newFoldersOnly = c.RecrawlPolicy.RecrawlBehavior === 'CRAWL_NEW_FOLDERS_ONLY' && c.crawledFolders.length > 0;
      const discovery = await discover(this.sandbox, c, role, log, new Set(newFoldersOnly ? c.crawledFolders : []));
      folders = discovery.folders;
      const current = crawlersTable(this.sandbox).get(key);
      if (!current || current.run?.id !== runId || current.State !== 'RUNNING') {
        cancelled = true;
      } else {
        log.benchmark(`Classification complete, writing results to database ${db.Name}`);
        counts = writeCatalog(
          this.sandbox,
          owner,
          discovery.plans,
          { crawler: c, runId, role, database: db.Name, inheritFromTable: inheritsFromTable(c.Configuration), newFoldersOnly, listed: discovery.listed },
          log,
        );
        log.benchmark('Finished writing to Catalog');
      }
    } catch (err) {
      if (err instanceof CrawlFailure) error = err.message;
      else {
        error = 'Internal Service Exception';
        this.sandbox.warn(`glue crawler ${name} failed: ${(err as Error)?.stack ?? String(err)}`);
      }
      log.error(error);
    }
    const current = crawlersTable(this.sandbox).get(key);
    if (current?.run?.id === runId) {
      const crawled = cancelled || error ? current.crawledFolders : [...new Set([...current.crawledFolders, ...folders])];
      crawlersTable(this.sandbox).set(key, { ...current, crawledFolders: crawled, run: { ...current.run, done: { counts, error, cancelled } } });
    }
    log.flush();
  }
}

const engines = new WeakMap<Sandbox, CrawlerEngine>();

export function crawlerEngine(sandbox: Sandbox): CrawlerEngine {
  let engine = engines.get(sandbox);
  if (!engine) {
    engine = new CrawlerEngine(sandbox);
    engines.set(sandbox, engine);
  }
  return engine;
}
