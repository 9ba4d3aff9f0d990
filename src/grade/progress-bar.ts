// Grading progress on stderr: a bar redrawn in place at a terminal, one line per student in a log; in
// the workbook's language.

import { tg } from './messages.js';
import { errorText, type StudentResult } from './run.js';

const WIDTH = 30;

export class ProgressBar {
  private done = 0;
  private running = 0;
  private unreachable = 0;

  constructor(
    private readonly total: number,
    private readonly out: NodeJS.WriteStream = process.stderr,
  ) {}

  started(): void {
    this.running++;
    this.draw();
  }

  finished(result: StudentResult): void {
    this.running--;
    this.done++;
    if (result.error) this.unreachable++;
    if (this.out.isTTY) return this.draw();
    const outcome = result.error ? errorText(result) : result.reports.map((r) => tg('progress.lab', { number: r.lab.number, score: r.score, max: r.maxScore })).join(', ');
    this.out.write(tg('progress.line', { done: this.done, total: this.total, id: result.student.id, outcome, seconds: (result.durationMs / 1000).toFixed(1) }) + '\n');
  }

  close(): void {
    if (this.out.isTTY) this.out.write('\n');
  }

  private draw(): void {
    if (!this.out.isTTY) return;
    const filled = Math.round((this.done / Math.max(1, this.total)) * WIDTH);
    const bar = '█'.repeat(filled) + '░'.repeat(WIDTH - filled);
    const unreachable = this.unreachable ? tg('progress.unreachable', { count: this.unreachable }) : '';
    this.out.write(`\r\x1b[2K${bar} ${tg('progress.bar', { done: this.done, total: this.total, running: this.running, unreachable })}`);
  }
}
