// `lab chart`: lab 4's dashboard without QuickSight. Runs the lab's named query (or the SQL given)
// through Athena on the target, waits for it with a progress line, reads every result page, and draws
// the result as a line over time or bars per category: SVG, PNG and a self-contained HTML page on
// disk, and in the terminal the first rows and a sparkline per series. Running a query is a write:
// Athena stores its result in S3 and, on AWS, bills the data it scans.

import { resourceNames } from '../labs/resource-names.js';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { AthenaClient } from '@aws-sdk/client-athena';
import { EnvironmentError, UsageError } from '../errors.js';
import { systemClock, type Clock } from '../engine/clock.js';
import { connect, openSession, type GlobalOptions } from '../session.js';
import { headerLine } from '../target/target.js';
import { stdout } from '../output.js';
import { chartData, chooseChart, type ChartFlags, type ChartKind } from '../chart/choose.js';
import { chartHtml } from '../chart/html.js';
import { renderChart } from '../chart/render.js';
import { QueryFailedError, QueryStoppedError, findNamedQuery, runQuery, workgroupExists, type QueryProgress, type QueryRun } from '../chart/run-query.js';
import { formatBytes, formatSparklines, formatTable } from '../chart/terminal.js';
import { tc } from '../chart/messages.js';

export interface ChartOptions extends GlobalOptions {
  namedQuery?: string;
  sql?: string;
  workgroup?: string;
  database?: string;
  kind?: string;
  x?: string;
  /** Comma-separated value columns. */
  y?: string;
  series?: string;
  out?: string;
  title?: string;
}

export interface ChartResult {
  passed: boolean;
  files?: { svg: string; png: string; html: string };
}

/** The lab's names under a prefix: the named query and workgroup lab 4 creates, and its Glue database. */
export function chartDefaults(prefix: string) {
  const names = resourceNames(prefix);
  return { namedQuery: names.hourlyStatsQuery, workgroup: names.workgroup, database: names.glueDatabase };
}

interface QuerySource {
  /** File name stem and default title. */
  name: string;
  sql: string;
  workgroup: string;
  database?: string;
  catalog?: string;
  what: string;
}

export async function chartCommand(options: ChartOptions, clock: Clock = systemClock): Promise<ChartResult> {
  const flags = chartFlags(options);
  if (options.namedQuery !== undefined && options.sql !== undefined) throw new UsageError(tc('usage.bothSources'));
  if (options.sql !== undefined && options.sql.trim() === '') throw new UsageError(tc('usage.emptySql'));
  if (options.namedQuery !== undefined && options.namedQuery.trim() === '') throw new UsageError(tc('usage.emptyNamedQuery'));
  const session = await openSession(options);
  const defaults = chartDefaults(session.config.prefix);
  const outDir = resolve(options.out ?? join(session.home, 'charts'));

  const { clients, target } = await connect(session);
  const controller = new AbortController();
  const onInterrupt = () => controller.abort(new Error('interrupted'));
  process.once('SIGINT', onInterrupt);
  try {
    stdout.line(headerLine(target));
    const athena = clients.get(AthenaClient);
    const source = await querySource(athena, options, defaults);
    stdout.line(source.what);

    const progress = progressLine();
    let run: QueryRun;
    try {
      run = await runQuery(athena, {
        sql: source.sql,
        workgroup: source.workgroup,
        database: source.database,
        catalog: source.catalog,
        signal: controller.signal,
        clock,
        onProgress: progress.update,
      });
    } catch (err) {
      progress.end();
      throw explainQueryError(err, source, options);
    }
    progress.end();
    const rows = tc(run.rows.length === 1 ? 'result.row' : 'result.rows', { rows: run.rows.length });
    stdout.line(tc(run.truncated ? 'result.columnsTruncated' : 'result.columns', { rows, columns: run.columns.map((c) => `${c.name} ${c.type}`).join(', ') }));
    if (run.outputLocation) stdout.line(tc('result.stored', { location: run.outputLocation }));

    if (run.rows.length === 0) {
      stdout.line(tc('result.noRows'));
      stdout.line(tc('result.noRowsHint'));
      return { passed: false };
    }

    const choice = chooseChart(run, flags);
    const data = chartData(run, choice);
    if (data.points.length === 0) {
      stdout.line(tc('result.noPoints', { x: choice.x.column, y: choice.y.join(', ') }));
      return { passed: false };
    }

    stdout.line();
    for (const line of formatTable(run, { maxWidth: Math.max(60, process.stdout.columns ?? 120) })) stdout.line(`  ${line}`);
    stdout.line();
    for (const line of formatSparklines(data)) stdout.line(`  ${line}`);
    stdout.line();

    const title = options.title ?? source.name;
    const when = new Date(clock.now()).toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
    // Drawn into the SVG and the PNG, whose bundled font (DejaVu Sans) has no Hangul: English in every language.
    const subtitle = `Athena · workgroup ${source.workgroup}${source.database ? ` · database ${source.database}` : ''} · ${formatBytes(run.dataScannedInBytes)} scanned · ${when}`;
    const chart = await renderChart(data, { title, subtitle });
    const stem = fileStem(source.name);
    await mkdir(outDir, { recursive: true });
    const files = { svg: join(outDir, `${stem}.svg`), png: join(outDir, `${stem}.png`), html: join(outDir, `${stem}.html`) };
    const html = chartHtml({
      title,
      svg: chart.svg,
      table: run,
      sql: source.sql,
      facts: [
        // The header line without its "Target: " (in the workbook's language).
        [tc('page.target'), headerLine(target).replace(/^[^:]+: /, '')],
        [tc('page.workgroup'), source.workgroup],
        [tc('page.database'), source.database ?? tc('page.defaultDatabase')],
        [tc('page.execution'), run.queryExecutionId],
        [tc('page.scanned'), formatBytes(run.dataScannedInBytes)],
        [tc('page.result'), run.outputLocation ?? tc('page.notReported')],
        [tc('page.drawn'), `${when}: ${describeChoice(choice)}`],
      ],
    });
    await Promise.all([writeFile(files.svg, chart.svg), writeFile(files.png, chart.png), writeFile(files.html, html)]);

    if (choice.omitted) stdout.line(tc('drawn.leftOut', { omitted: choice.omitted.join(', '), y: choice.y.join(', ') }));
    const skipped = data.skippedRows === 0 ? 'drawn.chart' : data.skippedRows === 1 ? 'drawn.chartSkippedRow' : 'drawn.chartSkippedRows';
    stdout.line(tc(skipped, { choice: describeChoice(choice), skipped: data.skippedRows }));
    const shown = (file: string) => {
      const rel = relative(process.cwd(), file);
      return rel.startsWith('..') ? file : rel;
    };
    // "Wrote " and "저장: " both take six columns: the other files line up under the first.
    stdout.line(tc('drawn.wrote', { file: shown(files.svg) }));
    stdout.line(`      ${shown(files.png)} (${chart.pngWidth}×${chart.pngHeight})`);
    stdout.line(`      ${tc('drawn.wroteHtml', { file: shown(files.html) })}`);
    return { passed: true, files };
  } finally {
    process.removeListener('SIGINT', onInterrupt);
    clients.destroy();
  }
}

function chartFlags(options: ChartOptions): ChartFlags {
  const flags: ChartFlags = {};
  if (options.kind !== undefined) {
    if (options.kind !== 'line' && options.kind !== 'bar') throw new UsageError(tc('usage.badKind', { kind: options.kind }));
    flags.kind = options.kind as ChartKind;
  }
  if (options.x !== undefined) flags.x = options.x;
  if (options.series !== undefined) flags.series = options.series;
  if (options.y !== undefined) {
    flags.y = options.y.split(',').map((s) => s.trim()).filter(Boolean);
    if (flags.y.length === 0) throw new UsageError(tc('usage.emptyY'));
  }
  return flags;
}

// The query to run and the workgroup to run it in: the explicit workgroup, or the lab's, or primary.
async function querySource(athena: AthenaClient, options: ChartOptions, defaults: ReturnType<typeof chartDefaults>): Promise<QuerySource> {
  let workgroups: string[];
  if (options.workgroup !== undefined) {
    if (!(await workgroupExists(athena, options.workgroup))) {
      throw new EnvironmentError(tc('source.noWorkgroup', { workgroup: options.workgroup }), tc('source.noWorkgroupHint', { workgroup: defaults.workgroup }));
    }
    workgroups = [options.workgroup];
  } else {
    workgroups = [];
    for (const wg of [defaults.workgroup, 'primary']) if (await workgroupExists(athena, wg)) workgroups.push(wg);
    if (workgroups.length === 0) throw new EnvironmentError(tc('source.noWorkgroups', { workgroup: defaults.workgroup }), tc('source.noWorkgroupsHint'));
  }

  if (options.sql !== undefined) {
    const database = options.database ?? defaults.database;
    return {
      name: 'query',
      sql: options.sql,
      workgroup: workgroups[0]!,
      database,
      what: tc('source.runningSql', { workgroup: workgroups[0]!, database }),
    };
  }

  const name = options.namedQuery ?? defaults.namedQuery;
  for (const wg of workgroups) {
    const query = await findNamedQuery(athena, wg, name);
    if (!query) continue;
    const database = options.database ?? query.Database;
    return {
      name,
      sql: query.QueryString ?? '',
      workgroup: wg,
      database,
      what: database ? tc('source.runningNamedIn', { name, workgroup: wg, database }) : tc('source.runningNamed', { name, workgroup: wg }),
    };
  }
  const where = workgroups.length === 2 ? tc('source.either', { first: workgroups[0]!, second: workgroups[1]! }) : workgroups.join(', ');
  throw new EnvironmentError(tc('source.noNamedQuery', { name, workgroups: where }), tc('source.noNamedQueryHint'));
}

function explainQueryError(err: unknown, source: QuerySource, options: ChartOptions): unknown {
  if (err instanceof QueryFailedError) {
    const fix =
      options.sql !== undefined
        ? tc('query.fixSql', { database: String(source.database) })
        : tc('query.fixNamed', { name: source.name, workgroup: source.workgroup });
    const missingTable = /TABLE_NOT_FOUND|SCHEMA_NOT_FOUND|does not exist|not found/i.test(err.reason) ? ` ${tc('query.missingTable')}` : '';
    return new EnvironmentError(tc('query.failed', { id: err.queryExecutionId, state: err.state, reason: err.reason }), fix + missingTable, { cause: err });
  }
  if (err instanceof QueryStoppedError) return new EnvironmentError(err.message, undefined, { cause: err });
  const e = err as { name?: string; message?: string };
  if (e?.name === 'InvalidRequestException') {
    const hint = /output location/i.test(e.message ?? '')
      ? tc('query.outputHint', { workgroup: source.workgroup })
      : tc('query.checkHint', { workgroup: source.workgroup });
    return new EnvironmentError(tc('query.refused', { message: String(e.message) }), hint, { cause: err });
  }
  return err;
}

function describeChoice(choice: ReturnType<typeof chooseChart>): string {
  const over = choice.x.scale === 'temporal';
  const drawn = tc(choice.kind === 'line' ? (over ? 'drawn.lineOver' : 'drawn.linePer') : over ? 'drawn.barsOver' : 'drawn.barsPer', { y: choice.y.join(', '), x: choice.x.column });
  if (!choice.series) return drawn;
  return tc(choice.kind === 'line' ? 'drawn.lines' : 'drawn.colours', { choice: drawn, series: choice.series });
}

function fileStem(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '') || 'query';
}

// One line rewritten in place on a terminal (on stderr, so stdout stays a clean log); a line per state otherwise.
function progressLine(): { update: (p: QueryProgress) => void; end: () => void } {
  const tty = Boolean(process.stderr.isTTY);
  let last: QueryProgress | undefined;
  let lastState = '';
  const text = (p: QueryProgress) => tc('query.progress', { id: p.queryExecutionId, state: p.state, seconds: (p.elapsedMs / 1000).toFixed(1), bytes: formatBytes(p.dataScannedInBytes) });
  return {
    update(p) {
      last = p;
      if (tty) process.stderr.write(`\r\x1b[K${text(p)}`);
      else if (p.state !== lastState && !['SUCCEEDED', 'FAILED', 'CANCELLED'].includes(p.state)) stdout.line(text(p));
      lastState = p.state;
    },
    end() {
      if (tty) process.stderr.write('\r\x1b[K');
      if (last) stdout.line(text(last));
    },
  };
}
