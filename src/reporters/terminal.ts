// The terminal reporter: a live listr2 task per check (status, points, message, hint on fail, a
// countdown while pending), then the lab's score against its pass threshold.

import { Listr, ListrLogger, ProcessOutput, type ListrTaskWrapper, type ListrDefaultRenderer, type ListrSimpleRenderer } from 'listr2';
import type { RunEvent } from '../engine/events.js';
import type { CheckReport, LabReport } from '../engine/report.js';
import { formatDuration } from '../engine/report.js';
import type { Reporter } from './reporter.js';
import { t } from '../i18n/index.js';

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

  private readonly logger: ListrLogger;
  private readonly live: boolean;

  constructor(private readonly out: NodeJS.WriteStream = process.stdout) {
    // Everything on one stream, in order: a failed check is a result, not a program error.
    this.logger = new ListrLogger({ processOutput: new ProcessOutput(out, out), toStderr: [] });
    this.live = Boolean(out.isTTY);
  }

  onEvent(event: RunEvent): void {
    switch (event.type) {
      case 'run-start': {
        this.slots = new Map(event.lab.checks.map((c) => [c.id, slot()]));
        const slots = this.slots;
        this.write(`\n${t('labHeading', { number: event.lab.number, title: event.lab.title })}\n`);
        const list = new Listr(
          event.lab.checks.map((check) => ({
            title: check.title,
            task: (_: unknown, task: Task) => this.follow(slots.get(check.id)!, task),
          })),
          {
            concurrent: true,
            exitOnError: false,
            rendererOptions: { collapseErrors: false, collapseSkips: false, logger: this.logger },
            fallbackRendererOptions: { logger: this.logger },
            fallbackRendererCondition: !this.live,
          },
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
    if (s.pending) task.output = countdown(s.pending);
    // A live countdown while the check waits for data that has not arrived yet; logs get one line per poll.
    const ticker = this.live
      ? setInterval(() => {
          if (s.pending) task.output = countdown(s.pending);
        }, 1000)
      : undefined;
    try {
      const report = await s.settled;
      const points = `[${report.score}/${report.points}]`;
      if (report.status === 'skip') {
        task.title = `${report.title} ${points}`;
        return task.skip(report.message);
      }
      if (report.status === 'fail' || report.status === 'error') {
        task.title = `${report.title} ${points}`;
        const hint = report.hint ? ` — ${t('report.hint')}: ${report.hint}` : '';
        throw new Error(`${report.status === 'error' ? `${t('report.error')}: ` : ''}${report.message}${hint}`);
      }
      task.title = `${report.title} ${points} ${report.message}`;
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
  return t('report.waiting', { reason: p.reason, next, left });
}

function summary(report: LabReport): string {
  const percent = report.maxScore > 0 ? Math.round((report.score / report.maxScore) * 100) : 0;
  const verdict = t(report.passed ? 'report.passed' : 'report.notPassed');
  return t('report.score', { score: report.score, max: report.maxScore, percent, passMark: Math.round(report.passThreshold * 100), verdict }) + '\n';
}
