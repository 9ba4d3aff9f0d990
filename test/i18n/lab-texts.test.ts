// Every lab ships in English and Korean: both texts exist with the same front matter, the same headings
// and code blocks byte for byte (commands must not drift between languages), both render in the
// terminal, and `lab open` / `lab list` speak the language asked for.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMarkdown, stripFrontMatter } from '../../src/commands/open.js';
import { LABS } from '../../src/labs/catalog.js';
import { labTextFile, type Workbook } from '../../src/labs/workbook.js';
import { ROOT } from '../cli/support.js';
import { assertBuilt, lab, newHome } from '../labs/support.js';

const WORKBOOK: Workbook = { textDir: ROOT, codeDir: join(ROOT, 'dist') };
const frontMatter = (text: string) => Object.fromEntries([...(/^---\n([\s\S]*?)\n---\n/.exec(text)?.[1] ?? '').matchAll(/^(\w+):\s*(.*)$/gm)].map((m) => [m[1], m[2]]));
const headings = (text: string) => stripFrontMatter(text).replace(/```[\s\S]*?```/g, '').split('\n').filter((l) => /^#{1,6} /.test(l)).map((l) => l.match(/^#+/)![0]);
const codeBlocks = (text: string) => [...text.matchAll(/^```[^\n]*\n[\s\S]*?^```$/gm)].map((m) => m[0]);

describe.each(LABS.map((l) => [`${l.number} ${l.slug}`, l] as const))('lab %s', (_name, entry) => {
  it('has an English and a Korean text that agree on everything but the words', async () => {
    const english = await readFile(labTextFile(WORKBOOK, entry), 'utf8');
    const korean = await readFile(labTextFile(WORKBOOK, entry, 'ko'), 'utf8');
    expect(frontMatter(korean)).toMatchObject({ number: String(entry.number), slug: entry.slug });
    expect(frontMatter(korean).title).toMatch(/[\uac00-\ud7a3]/);
    expect(headings(korean)).toEqual(headings(english));
    expect(codeBlocks(korean)).toEqual(codeBlocks(english));
    expect(korean.match(/[\uac00-\ud7a3]/g)!.length).toBeGreaterThan(stripFrontMatter(english).split(/\s+/).length / 4);
  });

  it('renders in the terminal in both languages', async () => {
    for (const language of ['en', 'ko'] as const) {
      const rendered = await renderMarkdown(stripFrontMatter(await readFile(labTextFile(WORKBOOK, entry, language), 'utf8')));
      expect(rendered.length, language).toBeGreaterThan(500);
      expect(rendered, language).not.toMatch(/^---$/m);
    }
  });
});

describe('the CLI in Korean', () => {
  it('lab open --lang ko shows the Korean text, lab list --lang ko Korean headings, and English stays the default', async () => {
    assertBuilt();
    const home = await newHome();
    const opened = await lab(['open', '1', '--lang', 'ko'], home, 'http://127.0.0.1:1');
    expect(opened.code, opened.stderr).toBe(0);
    expect(opened.stdout).toMatch(/실습 1 ·/);
    expect(opened.stdout).toContain('iotlab-stream');
    const listed = await lab(['list', '--lang', 'ko'], home, 'http://127.0.0.1:1');
    expect(listed.stdout).toMatch(/#\s+실습\s+상태\s+시각\s+제목/);
    expect(listed.stdout).toContain('`lab open N`으로 실습을 읽고');
    const english = await lab(['list'], home, 'http://127.0.0.1:1');
    expect(english.stdout).toMatch(/#\s+lab\s+status\s+when\s+title/);
  });
});
