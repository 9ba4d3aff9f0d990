// Shared pieces of the engine tests: a clock that never really sleeps, and a way to run a lab in-process.

import type { Clock } from '../../src/engine/clock.js';
import { RunEvents, type RunEvent } from '../../src/engine/events.js';
import { runLab, type RunOptions } from '../../src/engine/runner.js';
import type { Check, RunnableLab } from '../../src/engine/types.js';
import { createClientFactory } from '../../src/target/clients.js';
import type { TargetInfo } from '../../src/target/target.js';

/** Time moves only when a check sleeps; `sleeps` records every wait the engine asked for. */
export class FakeClock implements Clock {
  readonly sleeps: number[] = [];
  constructor(private time = Date.parse('2026-11-28T10:00:00Z')) {}
  now(): number {
    return this.time;
  }
  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.time += ms;
  }
}

export const TARGET: TargetInfo = { kind: 'local', region: 'us-east-1', accountId: '000000000000', endpoint: 'http://127.0.0.1:4566' };

export function labOf(checks: Check[], passThreshold = 0.8): RunnableLab {
  return { number: 1, slug: 'stream-to-dynamo', title: 'Fixture lab', passThreshold, checks };
}

/** Runs a lab with a fake clock by default; `listeners` (reporters) get every event too. */
export async function runWithEvents(lab: RunnableLab, options: Partial<Omit<RunOptions, 'events' | 'clock'>> & { clock?: FakeClock } = {}, ...listeners: ((e: RunEvent) => void)[]) {
  const events = new RunEvents();
  const seen: RunEvent[] = [];
  events.subscribe((e) => seen.push(e));
  for (const listener of listeners) events.subscribe(listener);
  const clients = createClientFactory({ kind: 'local', region: TARGET.region, endpoint: TARGET.endpoint });
  const clock = options.clock ?? new FakeClock();
  const report = await runLab(lab, { clients, target: TARGET, config: { prefix: 'iotlab' }, clock, events, ...options });
  clients.destroy();
  return { report, events: seen, clock };
}

export function byId(report: { checks: { id: string }[] }, id: string) {
  const found = report.checks.find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id} in report`);
  return found as (typeof report.checks)[number] & Record<string, unknown>;
}
