import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, setConfigValue } from '../../src/config.js';
import { labHome, writeJsonFileAtomic } from '../../src/lab-home.js';
import { hintsRevealed, latestFor, loadProgress, recordHintRevealed, recordRun } from '../../src/progress.js';
import type { LabReport } from '../../src/engine/report.js';
import { TARGET } from './support.js';

const home = () => mkdtemp(join(tmpdir(), 'lab-home-'));

function report(passed: boolean, score: number, finishedAt: string): LabReport {
  return {
    lab: { number: 1, slug: 'stream-to-dynamo', title: 'x' },
    target: TARGET,
    startedAt: finishedAt,
    finishedAt,
    score,
    maxScore: 4,
    passThreshold: 0.8,
    passed,
    checks: [{ id: 'stream.active', title: 'x', status: passed ? 'pass' : 'fail', points: 4, score, message: '', durationMs: 0, polls: 1 }],
  };
}

describe('state directory', () => {
  it('is .lab in the working directory unless LAB_HOME says otherwise', () => {
    expect(labHome({}, '/work/course')).toBe('/work/course/.lab');
    expect(labHome({ LAB_HOME: 'state' }, '/work/course')).toBe('/work/course/state');
  });

  it('writes JSON through a temp file and leaves nothing else behind', async () => {
    const dir = await home();
    await writeJsonFileAtomic(join(dir, 'a', 'x.json'), { a: 1 });
    await writeJsonFileAtomic(join(dir, 'a', 'x.json'), { a: 2 });
    expect(await readdir(join(dir, 'a'))).toEqual(['x.json']);
    expect(JSON.parse(await readFile(join(dir, 'a', 'x.json'), 'utf8'))).toEqual({ a: 2 });
  });
});

describe('progress', () => {
  it('keeps the latest result per target and account, and when the lab last passed', async () => {
    const dir = await home();
    await recordRun(dir, report(true, 4, '2026-11-28T10:00:00.000Z'));
    await recordRun(dir, report(false, 2, '2026-11-28T11:00:00.000Z'));
    const progress = await loadProgress(dir);
    expect(progress.targets['local:000000000000'].labs[1]).toEqual({
      status: 'partial',
      score: 2,
      maxScore: 4,
      checkedAt: '2026-11-28T11:00:00.000Z',
      passedAt: '2026-11-28T10:00:00.000Z',
      notPassed: ['stream.active'],
    });
    expect(latestFor(progress, 'local', 1)?.status).toBe('partial');
    expect(latestFor(progress, 'aws', 1)).toBeUndefined();
  });

  it('records hint tiers', async () => {
    const dir = await home();
    await recordHintRevealed(dir, 1, 'stream.active', 2);
    expect(hintsRevealed(await loadProgress(dir), 1, 'stream.active')).toBe(2);
    expect(hintsRevealed(await loadProgress(dir), 1, 'other')).toBe(0);
  });

  it('keeps a corrupted file aside and starts fresh rather than losing it or stopping', async () => {
    const dir = await home();
    await writeFile(join(dir, 'progress.json'), '{"targets": ');
    expect(await loadProgress(dir)).toEqual({ version: 1, targets: {}, hints: {} });
    const copies = (await readdir(dir)).filter((f) => f.startsWith('progress.json.damaged-'));
    expect(copies).toHaveLength(1);
    expect(await readFile(join(dir, copies[0]!), 'utf8')).toBe('{"targets": ');
  });
});

describe('config', () => {
  it('defaults the prefix, validates values and unsets keys', async () => {
    const dir = await home();
    expect(await loadConfig(dir)).toEqual({ prefix: 'iotlab' });
    expect(await setConfigValue(dir, 'target', 'aws')).toMatchObject({ target: 'aws' });
    expect(await setConfigValue(dir, 'prefix', 'alice')).toMatchObject({ prefix: 'alice' });
    await expect(setConfigValue(dir, 'target', 'gcp')).rejects.toThrow(/Unknown target/);
    await expect(setConfigValue(dir, 'region', 'moon-1')).rejects.toThrow(/not a region/);
    await expect(setConfigValue(dir, 'prefix', 'Bad_Prefix')).rejects.toThrow(/lower-case/);
    expect(await setConfigValue(dir, 'target', undefined)).toEqual({ prefix: 'alice' });
  });
});
