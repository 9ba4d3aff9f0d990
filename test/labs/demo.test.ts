// `npm start` runs `lab demo`: the labs so far, offline, on a fresh clone's build, with the report.

import { expect, it } from 'vitest';
import { assertBuilt, lab, newHome } from './support.js';

it('lab demo solves labs 0 to 4, runs the device and prints a passing report', async () => {
  assertBuilt();
  const run = await lab(['demo'], await newHome(), 'http://127.0.0.1:9', 170_000);
  expect(run.stdout).toMatch(/Target: local \(http:\/\/127\.0\.0\.1:\d+\) · account 000000000000 · region us-east-1/);
  expect(run.stdout).toContain('device iotlab-dev1 publishing to iotlab/telemetry/iotlab-dev1');
  expect(run.stdout).toContain('Score 9/9 (100%, pass mark 100%): PASSED');
  expect(run.stdout).toContain('Score 19/19 (100%, pass mark 80%): PASSED');
  expect(run.stdout).toContain('Score 23/23 (100%, pass mark 80%): PASSED');
  expect(run.stdout).toContain('Score 18/18 (100%, pass mark 80%): PASSED');
  expect(run.stdout).toContain('Score 15/15 (100%, pass mark 80%): PASSED');
  expect(run.stdout).toContain('All 5 labs pass.');
  expect(run.stdout).toMatch(/Wrote .*iotlab-hourly-stats\.svg/);
  expect(run.stdout).toContain("Lab 3's graph: `lab demo --serve` keeps this sandbox, the device and the graph page running until Ctrl-C.");
  expect(run.code, run.stderr).toBe(0);
}, 180_000);
