// The reporter map, chosen by name like vitest's: terminal, json, junit, gradescope, csv.

import type { TargetInfo } from '../target/target.js';
import type { Reporter } from './reporter.js';
import { FileReporter, type RenderDocument } from './file-reporter.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderGradescope } from './gradescope.js';
import { renderCsv } from './csv.js';

export const DOCUMENT_RENDERERS = {
  json: renderJson,
  junit: renderJunit,
  gradescope: renderGradescope,
  csv: renderCsv,
} satisfies Record<string, RenderDocument>;

export type DocumentFormat = keyof typeof DOCUMENT_RENDERERS;

export interface ReporterChoice {
  terminal: boolean;
  /** Format → file path (`-` for stdout). */
  documents: Partial<Record<DocumentFormat, string>>;
}

export interface ReporterSet {
  all: Reporter[];
  documents: FileReporter[];
}

/** Async because the terminal reporter pulls in listr2, which only a run that shows it should load. */
export async function createReporters(choice: ReporterChoice, target: TargetInfo): Promise<ReporterSet> {
  const terminal = choice.terminal ? [new (await import('./terminal.js')).TerminalReporter()] : [];
  const documents = (Object.entries(choice.documents) as [DocumentFormat, string][]).map(
    ([format, file]) => new FileReporter(DOCUMENT_RENDERERS[format], file, target),
  );
  return { all: [...terminal, ...documents], documents };
}
