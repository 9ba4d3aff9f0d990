// `lab grade` through the real binary: a class of 30 students in 30 sandbox accounts (12-digit access
// keys) at mixed stages (nothing, lab 0, labs 0-1, labs 0-3), two more sharing one account under their own
// prefix,
// and one row whose profile does not exist. The class CSV agrees with each student's own
// `lab check --json`, the broken row is an error while the others are graded, grading changes nothing,
// and the HTML report in headless Chromium shows the heatmap.

import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../sandbox/index.js';
import { logMark } from '../../src/local-run/workbench.js';
import { parseCsv } from '../../src/grade/csv.js';
import { newHome, startLabSandbox } from '../labs/support.js';
import { assertBuilt, lab } from '../reset/support.js';
import { CHROMIUM, NO_BROWSER, launchChromium } from '../graph/support.js';
import { deployFor } from './support.js';

interface Pupil {
  id: string;
  name: string;
  account: string;
  prefix?: string;
  labs: string[];
  home: string;
}

let sandbox: RunningSandbox;
let dir: string;
const pupils: Pupil[] = [];
const STAGES: { labs: string[]; count: number }[] = [
  { labs: [], count: 7 },
  { labs: ['0'], count: 8 },
  { labs: ['0', '1'], count: 8 },
  { labs: ['0', '1', '2', '3'], count: 7 },
];
/** The first student of each stage: s01 has nothing, s08 lab 0, s16 labs 0-1, s24 labs 0-3. */
const [NOTHING, LAB0, LAB1, LAB3] = STAGES.map((_, i) => `s${String(1 + STAGES.slice(0, i).reduce((n, s) => n + s.count, 0)).padStart(2, '0')}`) as [string, string, string, string];
/** No shared AWS config: the profile `ghost` exists nowhere. */
const noProfiles = () => ({ AWS_CONFIG_FILE: join(dir, 'no-aws-config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-aws-credentials') });
const asPupil = (p: Pupil) => ({ LAB_ACCESS_KEY_ID: p.account, ...noProfiles() });

async function pool<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) await fn(items[next++]!);
  }));
}

beforeAll(async () => {
  assertBuilt();
  sandbox = await startLabSandbox();
  dir = await newHome();
  let n = 0;
  for (const stage of STAGES) {
    for (let i = 0; i < stage.count; i++) {
      n++;
      const id = `s${String(n).padStart(2, '0')}`;
      pupils.push({ id, name: `Student ${n}`, account: `2000000000${String(n).padStart(2, '0')}`, labs: stage.labs, home: join(dir, id) });
    }
  }
  // Two students sharing one account, each under a prefix of their own.
  pupils.push({ id: 'ann', name: 'Ann Shared', account: '300000000000', prefix: 'ann', labs: ['0', '1'], home: join(dir, 'ann') });
  pupils.push({ id: 'ben', name: 'Ben Shared', account: '300000000000', prefix: 'ben', labs: ['0'], home: join(dir, 'ben') });
  for (const p of pupils) {
    await mkdir(p.home, { recursive: true });
    if (p.prefix) await writeFile(join(p.home, 'config.json'), JSON.stringify({ prefix: p.prefix }));
    // One student at a time: lab 0's solution saves the certificate under LAB_HOME.
    await deployFor(sandbox.endpoint, { account: p.account, prefix: p.prefix ?? 'iotlab', home: p.home, labs: p.labs.map(Number) });
  }
  const rows = [
    'id,name,access_key_id,secret_access_key,prefix,home,profile',
    ...pupils.map((p) => `${p.id},"${p.name}",${p.account},secret,${p.prefix ?? ''},${p.id},`),
    'ghost,"Gus, no account",,,,,ghost',
  ];
  await writeFile(join(dir, 'roster.csv'), rows.join('\n') + '\n');
}, 180_000);

afterAll(async () => {
  await sandbox?.stop();
});

describe('lab grade', () => {
  let grades: Record<string, string>[];

  it('grades every reachable student read-only, and the broken row is an error row', async () => {
    const since = await logMark();
    const run = await lab(['grade', '--roster', join(dir, 'roster.csv'), '--labs', '0-3', '--out', join(dir, 'grades')], dir, sandbox.endpoint, noProfiles());
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(sandbox.sandbox.log.calls(since).filter((c) => !c.readOnly).map((c) => `${c.service}.${c.operation}`)).toEqual([]);
    expect(run.stdout).toContain(`${pupils.length} graded, 1 could not be reached.`);
    expect(run.stdout).toMatch(/ghost +error: Could not reach the account: There is no AWS profile named "ghost"/);
    expect(run.stderr).toMatch(new RegExp(`\\[${pupils.length + 1}/${pupils.length + 1}\\]`));
    const [header, ...rows] = parseCsv(await readFile(join(dir, 'grades', 'grades.csv'), 'utf8'));
    grades = rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
    expect(grades.map((g) => g.id)).toEqual([...pupils.map((p) => p.id), 'ghost']);
    expect(grades.find((g) => g.id === 'ghost')).toMatchObject({ status: 'error', name: 'Gus, no account', lab_0_score: '', total_score: '' });
    expect(grades.find((g) => g.id === 'ann')).toMatchObject({ account_id: '300000000000', prefix: 'ann', status: 'graded' });
    for (const file of ['grades.junit.xml', 'report.html', 'students/s01.json', 'students/ghost.json']) expect(existsSync(join(dir, 'grades', file)), file).toBe(true);
    const junit = await readFile(join(dir, 'grades', 'grades.junit.xml'), 'utf8');
    expect(junit).toContain(`<testsuite name="${LAB3} (Student ${Number(LAB3.slice(1))}) · Lab 3 (api-and-graph)"`);
    expect(junit).toContain('<error message="Could not reach the account: There is no AWS profile named &quot;ghost&quot;.');
  }, 120_000);

  it("agrees with each student's own lab check --json", async () => {
    const own = new Map<string, { labs: { number: number; score: number; maxScore: number; passed: boolean }[] }>();
    // Ten at a time: lab 0's check listens 5 s for the device, and the waits overlap.
    await pool(pupils, 10, async (p) => {
      const checked = await lab(['check', 'all', '--json', '--wait', '0'], p.home, sandbox.endpoint, asPupil(p));
      own.set(p.id, JSON.parse(checked.stdout));
    });
    for (const p of pupils) {
      const row = grades.find((g) => g.id === p.id)!;
      // `lab check all` grades lab 4 too; the class was graded on labs 0-3.
      for (const l of own.get(p.id)!.labs.filter((l) => l.number <= 3)) {
        expect([p.id, l.number, Number(row[`lab_${l.number}_score`]), row[`lab_${l.number}_passed`]]).toEqual([p.id, l.number, l.score, String(l.passed)]);
        expect(Number(row[`lab_${l.number}_max`])).toBe(l.maxScore);
      }
      const student = JSON.parse(await readFile(join(dir, 'grades', 'students', `${p.id}.json`), 'utf8'));
      expect(student.student).toMatchObject({ id: p.id, name: p.name });
      expect(student.labs.map((l: { score: number }) => l.score)).toEqual(own.get(p.id)!.labs.filter((l) => l.number <= 3).map((l) => l.score));
    }
    // The stages really differ: nothing, lab 0's registration, and the pipeline's first hops.
    const scoreOf = (id: string, lab: number) => Number(grades.find((g) => g.id === id)![`lab_${lab}_score`]);
    expect(scoreOf(NOTHING, 0)).toBe(0);
    expect(scoreOf(LAB0, 0)).toBeGreaterThan(0);
    expect(scoreOf(LAB0, 1)).toBe(0);
    expect(scoreOf(LAB1, 1)).toBeGreaterThan(0);
    expect(scoreOf(LAB3, 3)).toBeGreaterThan(scoreOf(LAB1, 3));
    expect(scoreOf('ann', 1)).toBeGreaterThan(0);
    expect(scoreOf('ben', 1)).toBe(0);
  }, 180_000);

  it.skipIf(NO_BROWSER !== undefined)(`shows the heatmap in headless Chromium${NO_BROWSER ? ` (skipped: ${NO_BROWSER})` : ''}`, async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(`file://${join(dir, 'grades', 'report.html')}`);
      const cell = (student: string, check: string) => page.locator(`tr[data-student="${student}"] td[data-check="${check}"]`).getAttribute('data-status');
      expect(await page.locator('table.heatmap tbody tr').count()).toBe(pupils.length + 1);
      expect(await cell(NOTHING, '0:thing.exists')).toBe('fail');
      expect(await cell(LAB0, '0:thing.exists')).toBe('pass');
      expect(await cell(LAB0, '1:stream.active')).toBe('fail');
      expect(await cell(LAB1, '1:stream.active')).toBe('pass');
      expect(await cell(LAB3, '3:api.exists')).toBe('pass');
      expect(await cell(NOTHING, '0:certificate.active')).toBe('skip');
      expect(await page.locator('tr[data-student="ghost"] td.unreachable').textContent()).toContain('There is no AWS profile named "ghost"');
      const background = await page.locator(`tr[data-student="${LAB0}"] td[data-check="0:thing.exists"]`).evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(background).toBe('rgb(46, 125, 50)');
      // Nobody's device runs: the whole class is stuck on it, with its hint.
      expect(await page.locator('#stuck li[data-check="0:device.publishing"]').textContent()).toMatch(new RegExp(`not passed by \\d+ of ${pupils.length} students`));
      // A click opens the student's detail at that check.
      await page.locator(`tr[data-student="${LAB1}"] td[data-check="1:table.fresh-items"]`).click();
      expect(await page.locator(`#student-${LAB1}`).getAttribute('open')).not.toBeNull();
      expect(await page.locator(`#student-${LAB1} tr.focus`).getAttribute('data-check')).toBe('1:table.fresh-items');
      await page.screenshot({ path: join(dir, 'grades', 'report.png'), fullPage: true });
      expect(existsSync(join(dir, 'grades', 'report.png'))).toBe(true);
      // Self-contained: the page fetched nothing but itself.
      expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 30_000);
});

void CHROMIUM;
