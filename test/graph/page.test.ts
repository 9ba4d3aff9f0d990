// Lab 3's graph page in a real headless Chromium against an in-process sandbox: it draws a device's
// readings (the chart's data and the pixels of a screenshot), follows new readings, and names what a
// student meets: a function without Access-Control-Allow-Origin, a wrong stage, a function's 500, a
// malformed proxy answer, an empty list, an API that does not answer. UPDATE_SCREENSHOT=1 rewrites assets/graph/screenshot.png.

import { existsSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startGraphServer, type GraphServer } from '../../src/graph/server.js';
import { useSandbox } from '../sandbox/support.js';
import { DEVICE, GRAPH_DIR, NO_BROWSER, buildApi, countPixels, createTable, invokeUrlOf, launchChromium, pageUrl, readings, writeReadings, type BuiltApi, type LabGraph } from './support.js';

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const FIRST = readings(DEVICE, '2026-12-03T06:20:00', 40);

describe.skipIf(NO_BROWSER !== undefined)(`the graph page in Chromium${NO_BROWSER ? ` (skipped: ${NO_BROWSER})` : ''}`, () => {
  const sb = useSandbox({ mqttPort: 0, mqttsPort: 0 });
  let browser: Browser;
  let context: BrowserContext;
  let server: GraphServer;
  let api: BuiltApi;
  let noCors: BuiltApi;
  let malformed: BuiltApi;
  let failing: BuiltApi;

  beforeAll(async () => {
    const launched = launchChromium();
    server = await startGraphServer();
    await createTable(sb.config());
    await writeReadings(sb.config(), FIRST);
    [api, noCors, malformed, failing] = await Promise.all([
      buildApi(sb.config(), 'iotlab-api'),
      buildApi(sb.config(), 'nocors-api', 'no-cors'),
      buildApi(sb.config(), 'malformed-api', 'malformed'),
      buildApi(sb.config(), 'failing-api', '', 'no-such-table'),
    ]);
    browser = await launched;
    context = await browser.newContext({ timezoneId: 'UTC', viewport: { width: 900, height: 500 }, deviceScaleFactor: 1 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(settings: Record<string, string>, base = `${server.origin}/`): Promise<{ page: Page; console: string[] }> {
    const page = await context.newPage();
    const console: string[] = [];
    page.on('console', (m) => console.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => console.push(`pageerror: ${e.message}`));
    await page.goto(pageUrl(base, settings));
    return { page, console };
  }

  const graphOf = (page: Page) => page.evaluate(() => window.labGraph);

  async function settled(page: Page, state: string): Promise<LabGraph> {
    await page.waitForFunction((s) => window.labGraph?.state === s, state, { timeout: 15_000 });
    return graphOf(page);
  }

  it('draws the newest 30 readings, temperature and humidity over their UTC timestamps', async () => {
    const { page, console } = await open({ api: api.invokeUrl, device: DEVICE, every: '5', fn: api.functionName });
    const graph = await settled(page, 'ok');
    const newest30 = FIRST.slice(-30);
    expect(graph.points.map((p) => p.timestamp)).toEqual(newest30.map((r) => r.timestamp));
    expect(graph.points.map((p) => p.value)).toEqual(newest30.map((r) => r.temperature));
    expect(graph.points.map((p) => p.humidity)).toEqual(newest30.map((r) => r.humidity));
    expect(graph.points[0]!.time).toBe(Date.parse(`${newest30[0]!.timestamp}Z`));
    expect(graph.lastUpdate).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(await page.locator('#banner').isHidden()).toBe(true);
    expect(await page.locator('#status').textContent()).toMatch(/^Updated \d\d:\d\d:\d\d UTC · 30 points · newest reading 2026-12-03T06:26:30 · every 5 s$/);

    const chart = await page.locator('#chart canvas').screenshot();
    const pixels = countPixels(chart);
    expect(pixels.width).toBeGreaterThan(500);
    expect(pixels.inked).toBeGreaterThan(2_000);
    expect(pixels.reddish, 'temperature line').toBeGreaterThan(300);
    expect(pixels.bluish, 'humidity line').toBeGreaterThan(300);
    // Times are the readings' UTC, whatever the browser's zone: the legend under the cursor says so.
    const tokyo = await browser.newContext({ timezoneId: 'Asia/Tokyo', viewport: { width: 900, height: 500 } });
    const there = await tokyo.newPage();
    await there.goto(page.url());
    await there.waitForFunction(() => window.labGraph?.state === 'ok');
    const box = (await there.locator('#chart .u-over').boundingBox())!;
    await there.mouse.move(box.x + 2, box.y + box.height / 2);
    expect(await there.locator('.u-legend .u-series').first().locator('.u-value').textContent()).toBe(newest30[0]!.timestamp.replace('T', ' '));
    await tokyo.close();
    if (process.env.UPDATE_SCREENSHOT === '1') writeFileSync(join(GRAPH_DIR, 'screenshot.png'), await page.screenshot());
    expect(console.filter((line) => /^(error|pageerror)/.test(line))).toEqual([]);
    await page.close();
  });

  it('follows new readings at the next poll', async () => {
    const { page } = await open({ api: api.invokeUrl, device: DEVICE, every: '1' });
    const before = await settled(page, 'ok');
    const more = readings(DEVICE, '2026-12-03T06:20:00', 3, 40);
    await writeReadings(sb.config(), more);
    await page.waitForFunction((ts) => window.labGraph.points.at(-1)?.timestamp === ts, more.at(-1)!.timestamp, { timeout: 10_000 });
    const after = await graphOf(page);
    expect(after.polls).toBeGreaterThan(before.polls);
    expect(after.points).toHaveLength(30);
    expect(after.points.map((p) => p.timestamp)).toEqual([...FIRST, ...more].slice(-30).map((r) => r.timestamp));
    expect(Date.parse(after.lastUpdate!)).toBeGreaterThan(Date.parse(before.lastUpdate!));
    expect(await page.getAttribute('body', 'data-points')).toBe('30');
    await page.close();
  });

  it('says CORS when the function does not send Access-Control-Allow-Origin', async () => {
    const { page, console } = await open({ api: noCors.invokeUrl, device: DEVICE, every: '1' });
    const graph = await settled(page, 'error');
    expect(graph.problem).toEqual({ kind: 'cors', status: 200 });
    expect(graph.points).toEqual([]);
    expect(await page.locator('#banner-title').textContent()).toBe("The browser refused the API's answer (CORS)");
    const text = await page.locator('#banner-text').textContent();
    expect(text).toContain('The API answered');
    expect(text).toContain('with HTTP 200');
    expect(text).toContain('"headers": {"Access-Control-Allow-Origin": "*"}');
    expect(text).toContain('OPTIONS method');
    // The browser itself refused the answer: this is a real CORS refusal, not a simulation.
    expect(console.join('\n')).toMatch(/blocked by CORS policy: No 'Access-Control-Allow-Origin' header/);
    await page.close();
  });

  it('says to check the stage name and /datas/{deviceid} for a stage that does not exist', async () => {
    const { page } = await open({ api: invokeUrlOf(sb.endpoint, api.apiId, 'prod'), device: DEVICE, every: '1' });
    const graph = await settled(page, 'error');
    expect(graph.problem).toEqual({ kind: 'stage', status: 403 });
    expect(await page.locator('#banner-title').textContent()).toBe('API Gateway has no such route: check the stage name and /datas/{deviceid}');
    expect(await page.locator('#banner-text').textContent()).toContain('answered HTTP 403 {"message":"Missing Authentication Token"}');
    await page.close();
  });

  it('explains a 502: the proxy answer needs statusCode, headers and the body as a string', async () => {
    const { page } = await open({ api: malformed.invokeUrl, device: DEVICE, every: '1', fn: malformed.functionName });
    const graph = await settled(page, 'error');
    expect(graph.problem).toEqual({ kind: 'proxy', status: 502 });
    const text = await page.locator('#banner').textContent();
    expect(text).toContain('the body is a string');
    expect(text).toContain('aws logs tail /aws/lambda/malformed-api --since 10m');
    await page.close();
  });

  it("shows a function's 500 with its text and the command for its logs", async () => {
    const { page } = await open({ api: failing.invokeUrl, device: DEVICE, every: '1', fn: failing.functionName });
    const graph = await settled(page, 'error');
    expect(graph.problem).toEqual({ kind: 'function', status: 500 });
    expect(await page.locator('#banner-title').textContent()).toBe('The function failed (HTTP 500)');
    const text = await page.locator('#banner-text').textContent();
    expect(text).toContain('It answered: Could not read the readings: ResourceNotFoundException');
    expect(text).toContain('aws logs tail /aws/lambda/failing-api --since 10m');
    await page.close();
  });

  it('says the device writes nothing when the list is empty', async () => {
    const { page } = await open({ api: api.invokeUrl, device: 'iotlab-dev9', every: '1' });
    const graph = await settled(page, 'empty');
    expect(graph.problem).toEqual({ kind: 'empty' });
    expect(await page.locator('#banner-title').textContent()).toBe('No readings of iotlab-dev9 yet');
    expect(await page.locator('#banner-text').textContent()).toContain('lab device');
    await page.close();
  });

  it('says the API cannot be reached when nothing answers', async () => {
    const { page } = await open({ api: `http://127.0.0.1:${await closedPort()}/restapis/x/handson/_user_request_`, device: DEVICE, every: '1' });
    const graph = await settled(page, 'error');
    expect(graph.problem).toEqual({ kind: 'network' });
    expect(await page.locator('#banner-title').textContent()).toBe('The API cannot be reached');
    expect(await page.locator('#banner-text').textContent()).toContain('ECONNREFUSED');
    await page.close();
  });

  it('copes with readings that have only a timestamp and a value', async () => {
    const fake = 'https://abc123defg.execute-api.us-east-1.amazonaws.com/handson';
    const page = await context.newPage();
    await page.route(`${fake}/datas/${DEVICE}`, (route) =>
      route.fulfill({
        status: 200,
        headers: { 'access-control-allow-origin': '*', 'content-type': 'application/json' },
        body: JSON.stringify({ [DEVICE]: [{ timestamp: '2026-12-03T06:25:50', value: 24 }, { timestamp: '2026-12-03T06:25:40', value: 23 }] }),
      }),
    );
    await page.goto(pageUrl(`${server.origin}/`, { api: fake, device: DEVICE }));
    const graph = await settled(page, 'ok');
    expect(graph.points.map(({ timestamp, value, humidity }) => ({ timestamp, value, humidity }))).toEqual([
      { timestamp: '2026-12-03T06:25:40', value: 23, humidity: null },
      { timestamp: '2026-12-03T06:25:50', value: 24, humidity: null },
    ]);
    expect(countPixels(await page.locator('#chart canvas').screenshot()).reddish).toBeGreaterThan(20);
    await page.close();
  });

  it('takes its settings from its form', async () => {
    const { page } = await open({});
    expect(await graphOf(page)).toMatchObject({ state: 'idle', points: [] });
    await page.fill('input[name=api]', api.invokeUrl);
    await page.fill('input[name=device]', DEVICE);
    await page.fill('input[name=every]', '2');
    await page.click('button[type=submit]');
    const graph = await settled(page, 'ok');
    expect(graph.points).toHaveLength(30);
    expect(new URL(page.url()).searchParams.get('api')).toBe(api.invokeUrl);
    await page.close();
  });

  it('works opened as a plain file once built', async () => {
    expect(existsSync(join(GRAPH_DIR, 'vendor', 'uPlot.iife.min.js')), 'run `npm run build`: it copies uPlot next to the page').toBe(true);
    const { page, console } = await open({ api: api.invokeUrl, device: DEVICE, every: '1' }, pathToFileURL(join(GRAPH_DIR, 'index.html')).href);
    const graph = await settled(page, 'ok');
    expect(graph.points).toHaveLength(30);
    expect(await page.locator('#chart canvas').count()).toBe(1);
    expect(console.filter((line) => /^(error|pageerror)/.test(line))).toEqual([]);
    await page.close();

    // Without lab graph's /probe the page cannot see past a CORS refusal: it says so and offers the URL.
    const refused = await open({ api: noCors.invokeUrl, device: DEVICE, every: '1' }, pathToFileURL(join(GRAPH_DIR, 'index.html')).href);
    expect(await settled(refused.page, 'error')).toMatchObject({ problem: { kind: 'cors' } });
    expect(await refused.page.locator('#banner-text').textContent()).toContain('a wrong stage or path (403) or a malformed function answer (502) look the same from here');
    expect(await refused.page.locator('#banner-text a').getAttribute('href')).toBe(`${noCors.invokeUrl}/datas/${DEVICE}`);
    await refused.page.close();
  });
});
