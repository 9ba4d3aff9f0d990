// `lab open N`: renders the lab's Markdown text in the terminal.

import { readFile } from 'node:fs/promises';
import { UsageError } from '../errors.js';
import { labLabel } from '../labs/catalog.js';
import { findLab, labTextFile, resolveWorkbook } from '../labs/workbook.js';
import { stdout, type Output } from '../output.js';

export async function openLab(labArg: string, out: Output = stdout): Promise<void> {
  const lab = findLab(labArg);
  const file = labTextFile(resolveWorkbook(), lab);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new UsageError(`${labLabel(lab)} has no text yet (${file}).`);
  }
  out.line(await renderMarkdown(stripFrontMatter(text)));
}

export async function renderMarkdown(markdown: string): Promise<string> {
  const [{ Marked }, { markedTerminal }] = await Promise.all([import('marked'), import('marked-terminal')]);
  const marked = new Marked(markedTerminal({ reflowText: true, width: Math.min(process.stdout.columns ?? 80, 100) }));
  return (await marked.parse(markdown)).trimEnd();
}

// Lab texts carry YAML front matter (number, slug, title) for tools; students do not need to see it.
export function stripFrontMatter(markdown: string): string {
  return markdown.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '');
}
