// A crawl's log lines as Glue writes them to CloudWatch Logs: group /aws-glue/crawlers, one stream per
// crawler, each line prefixed with the run id (LastCrawl.MessagePrefix) and a level.

import type { Sandbox } from '../../../sandbox.js';
import type { Owner } from '../catalog.js';

export const LOG_GROUP = '/aws-glue/crawlers';

export class CrawlLog {
  private lines: { timestamp: number; message: string }[] = [];

  constructor(
    private readonly sandbox: Sandbox,
    private readonly owner: Owner,
    private readonly crawler: string,
    private readonly runId: string,
  ) {}

  private add(level: 'INFO' | 'WARN' | 'ERROR' | 'BENCHMARK', message: string): void {
    this.lines.push({ timestamp: this.sandbox.clock.now(), message: `[${this.runId}] ${level} : ${message}` });
  }
  info(message: string): void {
    this.add('INFO', message);
  }
  warn(message: string): void {
    this.add('WARN', message);
  }
  error(message: string): void {
    this.add('ERROR', message);
  }
  benchmark(message: string): void {
    this.add('BENCHMARK', message);
  }

  /** Writes the lines gathered so far (when the sandbox runs CloudWatch Logs). */
  flush(): void {
    const logs = this.sandbox.apis.logs;
    if (logs && this.lines.length > 0) logs.putEvents({ ...this.owner, clock: this.sandbox.clock }, LOG_GROUP, this.crawler, this.lines);
    this.lines = [];
  }
}
