// A reporter that collects finished lab reports and writes one document at the end (JSON, JUnit, Gradescope, CSV).

import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { RunEvent } from '../engine/events.js';
import type { LabReport } from '../engine/report.js';
import type { TargetInfo } from '../target/target.js';
import type { Reporter } from './reporter.js';

export type RenderDocument = (reports: LabReport[], target: TargetInfo) => string;

/** Writes to `file`, or to stdout when `file` is `-`. */
export class FileReporter implements Reporter {
  private readonly reports: LabReport[] = [];

  constructor(
    private readonly render: RenderDocument,
    private readonly file: string,
    private readonly target: TargetInfo,
  ) {}

  onEvent(event: RunEvent): void {
    if (event.type === 'run-end') this.reports.push(event.report);
  }

  async flush(): Promise<void> {}

  async write(): Promise<void> {
    const text = this.render(this.reports, this.target);
    if (this.file === '-') {
      process.stdout.write(text);
      return;
    }
    await mkdir(dirname(this.file), { recursive: true });
    await writeFile(this.file, text, 'utf8');
  }
}
