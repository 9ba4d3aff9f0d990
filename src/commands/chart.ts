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
  if (options.namedQuery !== undefined && options.sql !== undefined) throw new UsageError('Give either --named-query or --sql, not both.');
  if (options.sql !== undefined && options.sql.trim() === '') throw new UsageError('--sql needs a query, e.g. --sql "SELECT device_name, count(*) AS readings FROM telemetry GROUP BY 1".');
  if (options.namedQuery !== undefined && options.namedQuery.trim() === '') throw new UsageError('--named-query needs the name of a saved query.');
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
    stdout.line(`${run.rows.length} row${run.rows.length === 1 ? '' : 's'}${run.truncated ? ' (the first ones; the rest were not read)' : ''}, columns ${run.columns.map((c) => `${c.name} ${c.type}`).join(', ')}`);
    if (run.outputLocation) stdout.line(`Athena stored the result at ${run.outputLocation}`);

    if (run.rows.length === 0) {
      stdout.line('The query returned no rows: nothing to draw.');
      stdout.line('Hint: the lake may have no readings for the hours the query reads. Run `lab device` for a few minutes and check lab 2 (`lab check 2`); a new Firehose folder also needs its partition added (lab 4).');
      return { passed: false };
    }

    const choice = chooseChart(run, flags);
    const data = chartData(run, choice);
    if (data.points.length === 0) {
      stdout.line(`No row has both a ${choice.x.column} and a value of ${choice.y.join(', ')}: nothing to draw.`);
      return { passed: false };
    }

    stdout.line();
    for (const line of formatTable(run, { maxWidth: Math.max(60, process.stdout.columns ?? 120) })) stdout.line(`  ${line}`);
    stdout.line();
    for (const line of formatSparklines(data)) stdout.line(`  ${line}`);
    stdout.line();

    const title = options.title ?? source.name;
    const when = new Date(clock.now()).toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
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
        ['Target', headerLine(target).replace(/^Target: /, '')],
        ['Workgroup', source.workgroup],
        ['Database', source.database ?? '(default)'],
        ['Query execution', run.queryExecutionId],
        ['Data scanned', formatBytes(run.dataScannedInBytes)],
        ['Result in S3', run.outputLocation ?? '(not reported)'],
        ['Drawn', `${when}: ${describeChoice(choice)}`],
      ],
    });
    await Promise.all([writeFile(files.svg, chart.svg), writeFile(files.png, chart.png), writeFile(files.html, html)]);

    if (choice.omitted) stdout.line(`Left out ${choice.omitted.join(', ')} (a count or another scale than ${choice.y.join(', ')}): --y names the columns to draw.`);
    stdout.line(`Chart: ${describeChoice(choice)}${data.skippedRows > 0 ? ` (${data.skippedRows} row${data.skippedRows === 1 ? '' : 's'} without an x or a value left out)` : ''}`);
    const shown = (file: string) => {
      const rel = relative(process.cwd(), file);
      return rel.startsWith('..') ? file : rel;
    };
    stdout.line(`Wrote ${shown(files.svg)}`);
    stdout.line(`      ${shown(files.png)} (${chart.pngWidth}×${chart.pngHeight})`);
    stdout.line(`      ${shown(files.html)} (open it in a browser: chart, query and data, nothing loaded from the network)`);
    return { passed: true, files };
  } finally {
    process.removeListener('SIGINT', onInterrupt);
    clients.destroy();
  }
}

function chartFlags(options: ChartOptions): ChartFlags {
  const flags: ChartFlags = {};
  if (options.kind !== undefined) {
    if (options.kind !== 'line' && options.kind !== 'bar') throw new UsageError(`--kind takes line or bar, not "${options.kind}".`);
    flags.kind = options.kind as ChartKind;
  }
  if (options.x !== undefined) flags.x = options.x;
  if (options.series !== undefined) flags.series = options.series;
  if (options.y !== undefined) {
    flags.y = options.y.split(',').map((s) => s.trim()).filter(Boolean);
    if (flags.y.length === 0) throw new UsageError('--y takes one or more column names separated by commas.');
  }
  return flags;
}

// The query to run and the workgroup to run it in: the explicit workgroup, or the lab's, or primary.
async function querySource(athena: AthenaClient, options: ChartOptions, defaults: ReturnType<typeof chartDefaults>): Promise<QuerySource> {
  let workgroups: string[];
  if (options.workgroup !== undefined) {
    if (!(await workgroupExists(athena, options.workgroup))) {
      throw new EnvironmentError(
        `Athena has no workgroup ${options.workgroup} in this account and region.`,
        `Create it in lab 4 or run \`lab solve 4\`, or leave out --workgroup to use ${defaults.workgroup} (or primary).`,
      );
    }
    workgroups = [options.workgroup];
  } else {
    workgroups = [];
    for (const wg of [defaults.workgroup, 'primary']) if (await workgroupExists(athena, wg)) workgroups.push(wg);
    if (workgroups.length === 0) throw new EnvironmentError(`Athena has neither the workgroup ${defaults.workgroup} nor primary here.`, 'Create the workgroup in lab 4 or run `lab solve 4`.');
  }

  if (options.sql !== undefined) {
    const database = options.database ?? defaults.database;
    return {
      name: 'query',
      sql: options.sql,
      workgroup: workgroups[0]!,
      database,
      what: `Running your SQL in workgroup ${workgroups[0]} (database ${database}).`,
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
      what: `Running the named query ${name} in workgroup ${wg}${database ? ` (database ${database})` : ''}.`,
    };
  }
  throw new EnvironmentError(
    `No named query ${name} in workgroup ${workgroups.join(' or ')}.`,
    'Create it in lab 4 or run `lab solve 4`; `lab chart --sql "SELECT ..."` charts a query of your own.',
  );
}

function explainQueryError(err: unknown, source: QuerySource, options: ChartOptions): unknown {
  if (err instanceof QueryFailedError) {
    const fix =
      options.sql !== undefined
        ? `Fix the SQL and run it again (it runs in database ${source.database}; --database changes that).`
        : `Fix the named query ${source.name} in workgroup ${source.workgroup} (the Athena console's Saved queries), or run \`lab solve 4\` for the reference one.`;
    const missingTable = /TABLE_NOT_FOUND|SCHEMA_NOT_FOUND|does not exist|not found/i.test(err.reason) ? ' If the table or database is missing, create it in lab 4 first.' : '';
    return new EnvironmentError(`Athena query ${err.queryExecutionId} ${err.state}: ${err.reason}`, fix + missingTable, { cause: err });
  }
  if (err instanceof QueryStoppedError) return new EnvironmentError(err.message, undefined, { cause: err });
  const e = err as { name?: string; message?: string };
  if (e?.name === 'InvalidRequestException') {
    const hint = /output location/i.test(e.message ?? '')
      ? `Give workgroup ${source.workgroup} a query result location in S3 (lab 4), or pick a workgroup that has one with --workgroup.`
      : `Check workgroup ${source.workgroup} and the query in the Athena console.`;
    return new EnvironmentError(`Athena refused the query: ${e.message}`, hint, { cause: err });
  }
  return err;
}

function describeChoice(choice: ReturnType<typeof chooseChart>): string {
  const shape = choice.kind === 'line' ? 'line' : 'bars';
  const over = choice.x.scale === 'temporal' ? `over ${choice.x.column} (UTC)` : `per ${choice.x.column}`;
  const split = choice.series ? `, one ${choice.kind === 'line' ? 'line' : 'colour'} per ${choice.series}` : '';
  return `${shape} of ${choice.y.join(', ')} ${over}${split}`;
}

function fileStem(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '') || 'query';
}

// One line rewritten in place on a terminal (on stderr, so stdout stays a clean log); a line per state otherwise.
function progressLine(): { update: (p: QueryProgress) => void; end: () => void } {
  const tty = Boolean(process.stderr.isTTY);
  let last: QueryProgress | undefined;
  let lastState = '';
  const text = (p: QueryProgress) => `Query ${p.queryExecutionId}: ${p.state} · ${(p.elapsedMs / 1000).toFixed(1)} s · ${formatBytes(p.dataScannedInBytes)} scanned`;
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
