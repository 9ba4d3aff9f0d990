// `lab demo` (what `npm start` runs): the whole workshop so far, offline: a fresh in-memory sandbox,
// the reference solutions of the labs that have them, the device publishing, and the graded report.

import { headerLine } from '../target/target.js';
import { LABS, type LabEntry } from '../labs/catalog.js';
import { hasChecks, resolveWorkbook } from '../labs/workbook.js';
import { openWorkbench, type Workbench } from '../local-run/workbench.js';
import { startDevice } from '../device/start.js';
import { startGraphServer } from '../graph/server.js';
import { graphPage, interrupted } from './graph.js';
import { systemClock } from '../engine/clock.js';
import { join } from 'node:path';
import { labHome } from '../lab-home.js';
import { chartCommand } from './chart.js';
import type { CheckContext } from '../engine/types.js';
import { rehearse } from '../local-run/rehearsal.js';
import { createReporters } from '../reporters/index.js';
import { stdout, type Output } from '../output.js';
import { UsageError } from '../errors.js';
import type { GlobalOptions } from '../session.js';
import { t } from '../i18n/index.js';

export interface DemoOptions extends GlobalOptions {
  runtime?: string;
  wait?: string;
  /** Keep the sandbox, the device and lab 3's graph page running until Ctrl-C. */
  serve?: boolean;
}

const GRAPH_LAB = 3;
const ANALYTICS_LAB = 4;

export async function demo(options: DemoOptions, out: Output = stdout): Promise<{ passed: boolean }> {
  const workbook = resolveWorkbook();
  const labs: LabEntry[] = [];
  for (const entry of LABS) if (await hasChecks(workbook, entry)) labs.push(entry);
  if (labs.length === 0) throw new UsageError(t('usage.noLabChecks'));
  const waitMs = options.wait === undefined ? 90_000 : Number(options.wait) * 1000;
  // The charts outlive the demo's throw-away lab home: they go to the student's own.
  const chartsDir = join(labHome(), 'charts');
  out.line(t('demo.starting'));
  const bench = await openWorkbench();
  try {
    out.line(headerLine(bench.target));
    const reporters = await createReporters({ terminal: true, documents: {} }, bench.target);
    const { reports, surprises } = await rehearse({
      bench,
      workbook,
      labs,
      choices: { runtime: options.runtime },
      strict: false,
      waitMs,
      // The reporter already shows each score; surprises show as failed checks.
      say: (line, kind) => (kind === undefined ? out.line(line) : undefined),
      listener: (event) => reporters.all.forEach((r) => r.onEvent(event)),
    });
    await Promise.all(reporters.all.map((r) => r.flush()));
    const passed = surprises.length === 0 && reports.every((r) => r.passed);
    out.line(passed ? t('demo.allPass', { count: reports.length }) : t('demo.somePass'));
    if (reports.some((r) => r.lab.number === ANALYTICS_LAB && r.passed)) {
      out.line(t('demo.dashboard'));
      await chartCommand({ target: 'local', endpoint: bench.sandbox.endpoint, out: chartsDir });
    }
    if (reports.some((r) => r.lab.number === GRAPH_LAB && r.passed)) {
      if (options.serve) await serveGraph(bench, out);
      else out.line(t('demo.graphLater'));
    }
    return { passed };
  } finally {
    await bench.close();
  }
}

/** Lab 3's graph page over the demo's sandbox, with the device publishing, until Ctrl-C. */
async function serveGraph(bench: Workbench, out: Output): Promise<void> {
  const ctx: CheckContext = { clients: bench.clients, target: bench.target, config: bench.config, clock: systemClock, signal: new AbortController().signal, lab: { number: GRAPH_LAB, slug: 'api-and-graph' } };
  const { settings } = await graphPage(ctx);
  const device = await startDevice({ clients: bench.clients, home: bench.home, prefix: bench.config.prefix, rate: 1 });
  const server = await startGraphServer({ port: 0 });
  try {
    out.line(t('demo.graphLive', { device: settings.get('device') ?? '', url: `${server.origin}/?${settings.toString()}` }));
    out.line(t('demo.serving'));
    await Promise.race([interrupted(), device.done]);
  } finally {
    await server.close();
    await device.stop().catch(() => undefined);
  }
}
