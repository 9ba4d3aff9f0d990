// `lab open N`: renders the lab's Markdown text in the terminal, in the workbook's language (English
// when a translation is missing, with a note saying so).

import { readFile } from 'node:fs/promises';
import { UsageError } from '../errors.js';
import { t } from '../i18n/index.js';
import { labLabel } from '../labs/catalog.js';
import { findLab, labTextFile } from '../labs/workbook.js';
import { stdout, type Output } from '../output.js';
import { openSession, type GlobalOptions } from '../session.js';

export async function openLab(labArg: string, options: GlobalOptions = {}, out: Output = stdout): Promise<void> {
  const lab = findLab(labArg);
  const session = await openSession(options);
  const english = labTextFile(session.workbook, lab);
  const translated = session.language === 'en' ? undefined : await readFile(labTextFile(session.workbook, lab, session.language), 'utf8').catch(() => undefined);
  if (session.language !== 'en' && translated === undefined) out.line(t('open.notTranslated', { lab: labLabel(lab) }));
  let text = translated;
  if (text === undefined) {
    try {
      text = await readFile(english, 'utf8');
    } catch {
      throw new UsageError(t('open.noText', { lab: labLabel(lab), file: english }));
    }
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
