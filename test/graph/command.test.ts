// `lab graph` through the real binary against an in-process sandbox: without an API it points to lab 3;
// with one it serves the page, the chart library and /probe on 127.0.0.1, pre-filled with the invoke URL
// of stage handson, the device and the function; Ctrl-C stops it.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, lab, labInBackground, newHome, until } from '../labs/support.js';
import { useSandbox } from '../sandbox/support.js';
import { DEVICE, buildApi, createTable, writeReadings, readings, type BuiltApi } from './support.js';

describe('lab graph', () => {
  const sb = useSandbox({ mqttPort: 0, mqttsPort: 0 });
  let home: string;
  const running: { kill(signal?: NodeJS.Signals): boolean; exitCode: number | null }[] = [];

  beforeAll(async () => {
    assertBuilt();
    home = await newHome();
  });

  afterAll(() => {
    for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
  });

  it('points to lab 3 while the account has no API', async () => {
    const run = await lab(['graph'], home, sb.endpoint);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain('No REST API for lab 3 in this account');
    expect(run.stderr).toContain('`lab solve 3`');
  });

  it('serves the page pre-filled with the invoke URL, the device and the function until Ctrl-C', async () => {
    await createTable(sb.config());
    await writeReadings(sb.config(), readings(DEVICE, '2026-12-03T06:20:00', 5));
    const api: BuiltApi = await buildApi(sb.config(), 'iotlab-api');
    const { child, done } = labInBackground(['graph', '--every', '2'], home, sb.endpoint);
    running.push(child);
    let printed = '';
    child.stdout!.on('data', (d) => (printed += d));
    const address = await until('the page address', async () => /Graph of iotlab-dev1: (http:\/\/127\.0\.0\.1:\d+\/\?\S+)/.exec(printed)?.[1], 20_000);

    expect(printed).toContain(`API iotlab-api (${api.apiId}) · stage handson · ${api.invokeUrl}`);
    const settings = new URL(address).searchParams;
    expect(Object.fromEntries(settings)).toEqual({ api: api.invokeUrl, device: DEVICE, fn: 'iotlab-api', every: '2' });

    const page = await fetch(address);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await page.text();
    expect(html).toContain('<script src="vendor/uPlot.iife.min.js"></script>');
    expect(html).toContain('<script src="graph.js"></script>');
    const origin = new URL(address).origin;
    const library = await fetch(`${origin}/vendor/uPlot.iife.min.js`);
    expect(library.status).toBe(200);
    expect(library.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await library.text()).toMatch(/^\/\*! https:\/\/github\.com\/leeoniya\/uPlot \(v1\.\d+\.\d+\) \*\//);
    expect((await fetch(`${origin}/vendor/uPlot.min.css`)).status).toBe(200);
    expect((await fetch(`${origin}/graph.js`)).status).toBe(200);
    expect((await fetch(`${origin}/../package.json`)).status).toBe(404);

    // /probe answers the page only, and says what the API answered.
    const target = `${api.invokeUrl}/datas/${DEVICE}`;
    expect((await fetch(`${origin}/probe?url=${encodeURIComponent(target)}`)).status).toBe(403);
    const probe = await (await fetch(`${origin}/probe?url=${encodeURIComponent(target)}`, { headers: { 'x-lab-graph': '1' } })).json();
    expect(probe).toMatchObject({ status: 200, allowOrigin: '*' });
    expect(JSON.parse(probe.body)[DEVICE]).toHaveLength(5);

    child.kill('SIGINT');
    const run = await done;
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
  });
});
