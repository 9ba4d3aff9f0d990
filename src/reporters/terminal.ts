// The terminal reporter: a live listr2 task per check (status, points, message, hint on fail, a
// countdown while pending), then the lab's score against its pass threshold.

import { Listr, type ListrTaskWrapper, type ListrDefaultRenderer, type ListrSimpleRenderer } from 'listr2';
import type { RunEvent } from '../engine/events.js';
import type { CheckReport, LabReport } from '../engine/report.js';
import { formatDuration } from '../engine/report.js';
import type { Reporter } from './reporter.js';

type Task = ListrTaskWrapper<unknown, ListrDefaultRenderer, ListrSimpleRenderer>;

interface Pending {
  reason: string;
  nextPollAt: number;
  deadline: number;
  // Event times are on the run's clock; the countdown advances by real time since the event arrived.
  seenAt: number;
  now: number;
}

interface CheckSlot {
  settled: Promise<CheckReport>;
  settle(report: CheckReport): void;
  pending?: Pending;
  task?: Task;
}

export class TerminalReporter implements Reporter {
  private rendering: Promise<void> = Promise.resolve();
  private slots = new Map<string, CheckSlot>();

  constructor(private readonly out: NodeJS.WritableStream = process.stdout) {}

  onEvent(event: RunEvent): void {
    switch (event.type) {
      case 'run-start': {
        this.slots = new Map(event.lab.checks.map((c) => [c.id, slot()]));
        const slots = this.slots;
        this.write(`\nLab ${event.lab.number} · ${event.lab.title}\n`);
        const list = new Listr(
          event.lab.checks.map((check) => ({
            title: check.title,
            task: (_: unknown, task: Task) => this.follow(slots.get(check.id)!, task),
          })),
          { concurrent: true, exitOnError: false, rendererOptions: { collapseErrors: false, collapseSkips: false } },
        );
        this.rendering = list.run().then(() => undefined, () => undefined);
        break;
      }
      case 'check-pending': {
        const s = this.slots.get(event.check.id);
        if (s) s.pending = { reason: event.result.message, nextPollAt: event.nextPollAt, deadline: event.deadline, seenAt: Date.now(), now: event.now };
        if (s?.task) s.task.output = countdown(s.pending!);
        break;
      }
      case 'check-result':
        this.slots.get(event.check.id)?.settle(event.report);
        break;
      case 'run-end': {
        const report = event.report;
        this.rendering = this.rendering.then(() => this.write(summary(report)));
        break;
      }
      default:
        break;
    }
  }

  flush(): Promise<void> {
    return this.rendering;
  }

  private async follow(s: CheckSlot, task: Task): Promise<void> {
    s.task = task;
    // A live countdown while the check waits for data that has not arrived yet.
    const ticker = setInterval(() => {
      if (s.pending) task.output = countdown(s.pending);
    }, 1000);
    try {
      const report = await s.settled;
      const points = `${report.score}/${report.points}`;
      task.title = `${report.title} [${points}] ${report.message}`;
      if (report.status === 'skip') return task.skip(`${report.title} — ${report.message}`);
      if (report.status === 'fail' || report.status === 'error') {
        const hint = report.hint ? `\n    hint: ${report.hint}` : '';
        throw new Error(`${report.title} [${points}] ${report.status === 'error' ? 'error: ' : ''}${report.message}${hint}`);
      }
    } finally {
      clearInterval(ticker);
    }
  }

  private write(text: string): void {
    this.out.write(text);
  }
}

function slot(): CheckSlot {
  let settle!: (report: CheckReport) => void;
  const settled = new Promise<CheckReport>((resolve) => (settle = resolve));
  return { settled, settle };
}

function countdown(p: Pending): string {
  const elapsed = Date.now() - p.seenAt;
  const next = formatDuration(p.nextPollAt - p.now - elapsed);
  const left = formatDuration(p.deadline - p.now - elapsed);
  return `waiting: ${p.reason} (next look in ${next}, giving up in ${left})`;
}

function summary(report: LabReport): string {
  const percent = report.maxScore > 0 ? Math.round((report.score / report.maxScore) * 100) : 0;
  const verdict = report.passed ? 'PASSED' : 'NOT PASSED';
  return `Score ${report.score}/${report.maxScore} (${percent}%, pass mark ${Math.round(report.passThreshold * 100)}%): ${verdict}\n`;
}
