// The student's path end to end: lab 3's reference solution (`lab solve 3`) over lab 1's table, then
// `lab graph`, and the printed address opened in headless Chromium draws the device's readings.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { assertBuilt, lab, labInBackground, newHome, until } from '../labs/support.js';
import { useSandbox } from '../sandbox/support.js';
import { DEVICE, NO_BROWSER, createTable, launchChromium, readings, writeReadings } from './support.js';

describe.skipIf(NO_BROWSER !== undefined)(`lab solve 3, then lab graph in Chromium${NO_BROWSER ? ` (skipped: ${NO_BROWSER})` : ''}`, () => {
  const sb = useSandbox({ mqttPort: 0, mqttsPort: 0 });
  let browser: Browser | undefined;
  const children: { kill(signal?: NodeJS.Signals): boolean; exitCode: number | null }[] = [];

  beforeAll(() => assertBuilt());

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await browser?.close();
  });

  it('draws the readings through the reference API at the address lab graph prints', async () => {
    const launched = launchChromium();
    const home = await newHome();
    await createTable(sb.config());
    const written = readings(DEVICE, '2026-12-03T06:20:00', 12);
    await writeReadings(sb.config(), written);
    const solve = await lab(['solve', '3'], home, sb.endpoint);
    expect(solve.code, solve.stdout + solve.stderr).toBe(0);

    const { child, done } = labInBackground(['graph'], home, sb.endpoint);
    children.push(child);
    let printed = '';
    child.stdout!.on('data', (d) => (printed += d));
    const address = await until('the page address', async () => /Graph of iotlab-dev1: (http:\/\/127\.0\.0\.1:\d+\/\?\S+)/.exec(printed)?.[1], 20_000);

    browser = await launched;
    const page = await (await browser.newContext({ timezoneId: 'UTC' })).newPage();
    await page.goto(address);
    await page.waitForFunction(() => window.labGraph?.state === 'ok', undefined, { timeout: 15_000 });
    const points = await page.evaluate(() => window.labGraph.points);
    expect(points.map(({ timestamp, value, humidity }) => ({ timestamp, value, humidity }))).toEqual(
      written.map((r) => ({ timestamp: r.timestamp, value: r.temperature, humidity: r.humidity })),
    );

    child.kill('SIGINT');
    expect((await done).code).toBe(0);
  });
});
