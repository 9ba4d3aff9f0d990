// A throw-away workshop on this machine: a fresh in-memory sandbox on free ports, a temporary lab
// home, and the clients bound to it. What `lab selftest` and `npm start` run the labs in.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_PREFIX, type LabConfig } from '../config.js';
import { systemClock } from '../engine/clock.js';
import { RunEvents, type RunEvent } from '../engine/events.js';
import type { LabReport } from '../engine/report.js';
import { runLab } from '../engine/runner.js';
import { WORKSHOP_TAGS, type SolutionResult } from '../engine/solution.js';
import type { RunnableLab } from '../engine/types.js';
import type { LabEntry } from '../labs/catalog.js';
import { loadSolution, type Workbook } from '../labs/workbook.js';
import { createClientFactory, type ClientFactory } from '../target/clients.js';
import { resolveIdentity } from '../target/identity.js';
import type { TargetInfo } from '../target/target.js';
import { LOCAL_REGION } from '../target/local.js';
import type { RunningSandbox } from '../../sandbox/index.js';

export const WORKBENCH_FIREHOSE_SCALE = 0.02;

export interface Workbench {
  sandbox: RunningSandbox;
  clients: ClientFactory;
  target: TargetInfo;
  home: string;
  config: LabConfig;
  close(): Promise<void>;
}

export async function openWorkbench(prefix = DEFAULT_PREFIX): Promise<Workbench> {
  const { startSandbox } = await import('../../sandbox/index.js');
  // Firehose's buffer interval shrinks fiftyfold (60 s → 1.2 s) so a whole workshop runs in seconds.
  const sandbox = await startSandbox({ port: 0, inMemory: true, verbose: false, mqttPort: 0, mqttsPort: 0, firehoseIntervalScale: WORKBENCH_FIREHOSE_SCALE });
  const home = await mkdtemp(join(tmpdir(), 'lab-workbench-'));
  // Checks and solutions find the device's certificate under the lab home, which they read from the
  // environment: point it at this workbench's home so the student's own `.lab/` is never touched.
  const previousHome = process.env.LAB_HOME;
  process.env.LAB_HOME = home;
  const clients = createClientFactory({ kind: 'local', region: LOCAL_REGION, endpoint: sandbox.endpoint });
  const target = await resolveIdentity(clients);
  return {
    sandbox,
    clients,
    target,
    home,
    config: { prefix },
    async close() {
      clients.destroy();
      await sandbox.stop();
      if (previousHome === undefined) delete process.env.LAB_HOME;
      else process.env.LAB_HOME = previousHome;
      await rm(home, { recursive: true, force: true });
    },
  };
}

export async function checkLab(bench: Workbench, lab: RunnableLab, waitMs: number, listener?: (e: RunEvent) => void): Promise<LabReport> {
  const events = new RunEvents();
  if (listener) events.subscribe(listener);
  // The workbench's sandbox runs in this process: looking again every half second costs nothing there.
  return runLab(lab, { clients: bench.clients, target: bench.target, config: bench.config, clock: systemClock, events, waitMs, firstPollDelayMs: 500 });
}

export async function solveLab(bench: Workbench, workbook: Workbook, entry: LabEntry, choices: Record<string, string | undefined>, log: (line: string) => void): Promise<SolutionResult | void> {
  const solution = await loadSolution(workbook, entry);
  return solution.deploy({
    clients: bench.clients,
    target: bench.target,
    config: bench.config,
    clock: systemClock,
    signal: new AbortController().signal,
    lab: { number: entry.number, slug: entry.slug },
    tags: WORKSHOP_TAGS,
    log,
    choices,
  });
}

/**
 * A time strictly after every call logged so far. The log stamps calls in whole milliseconds, so a
 * call answered in the same millisecond as a plain `Date.now()` would count as after it.
 */
export async function logMark(): Promise<number> {
  const mark = Date.now() + 1;
  while (Date.now() < mark) await new Promise((resolve) => setTimeout(resolve, 1));
  return mark;
}

/** State-changing calls the sandbox answered since `since` (ms): what proves a run was read-only. */
export function mutatingCallsSince(bench: Workbench, since: number): string[] {
  return bench.sandbox.sandbox.log
    .calls(since)
    .filter((c) => !c.readOnly)
    .map((c) => `${c.service}.${c.operation}${c.status >= 400 ? ` (HTTP ${c.status})` : ''}`);
}
