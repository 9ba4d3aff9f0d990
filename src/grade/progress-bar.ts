// Grading progress on stderr: a bar redrawn in place at a terminal, one line per student in a log.

import type { StudentResult } from './run.js';

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
    const score = result.error ? result.error.message : result.reports.map((r) => `lab ${r.lab.number} ${r.score}/${r.maxScore}`).join(', ');
    this.out.write(`[${this.done}/${this.total}] ${result.student.id}: ${score} (${(result.durationMs / 1000).toFixed(1)} s)\n`);
  }

  close(): void {
    if (this.out.isTTY) this.out.write('\n');
  }

  private draw(): void {
    if (!this.out.isTTY) return;
    const filled = Math.round((this.done / Math.max(1, this.total)) * WIDTH);
    const bar = '█'.repeat(filled) + '░'.repeat(WIDTH - filled);
    const extra = this.unreachable ? ` · ${this.unreachable} unreachable` : '';
    this.out.write(`\r\x1b[2K${bar} ${this.done}/${this.total} graded · ${this.running} running${extra}`);
  }
}
