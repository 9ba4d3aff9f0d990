// `lab selftest all` for both function runtimes: the acceptance test of labs 0 to 4 (no check passes
// before the reference solution, all pass after with the device running, a second solve changes nothing).

import { describe, expect, it } from 'vitest';
import { assertBuilt, lab, newHome } from './support.js';

describe.each(['python', 'node'])('lab selftest all --runtime %s', (runtime) => {
  it('passes with no surprise', async () => {
    assertBuilt();
    // selftest starts its own sandbox; LAB_ENDPOINT is ignored by it, so any value does.
    const run = await lab(['selftest', 'all', '--runtime', runtime], await newHome(), 'http://127.0.0.1:9', 170_000);
    expect(run.stdout).toContain(`Function runtime: ${runtime}`);
    expect(run.stdout).toMatch(/Lab 0 \(device\): grading before the solution\n {2}1 failed, 4 skipped, 0 passed/);
    expect(run.stdout).toMatch(/Lab 1 \(stream-to-dynamo\): grading before the solution\n {2}\d+ failed, \d+ skipped, 0 passed/);
    expect(run.stdout).toContain('5/5 checks passed, score 9/9');
    expect(run.stdout).toContain('11/11 checks passed, score 19/19');
    expect(run.stdout).toMatch(/Lab 2 \(firehose-to-s3\): grading before the solution\n {2}\d+ failed, \d+ skipped, 0 passed/);
    expect(run.stdout).toContain('13/13 checks passed, score 23/23');
    expect(run.stdout).toMatch(/Lab 3 \(api-and-graph\): grading before the solution\n {2}\d+ failed, \d+ skipped, 0 passed/);
    expect(run.stdout).toContain('10/10 checks passed, score 18/18');
    expect(run.stdout).toMatch(/Lab 4 \(athena-analytics\): grading before the solution\n {2}\d+ failed, \d+ skipped, 0 passed/);
    expect(run.stdout).toContain('10/10 checks passed, score 15/15');
    expect(run.stdout.match(/second deploy: nothing changed/g)).toHaveLength(5);
    expect(run.stdout).not.toContain('SURPRISE');
    expect(run.stdout).toContain('Self-test passed: 0, 1, 2, 3, 4');
    expect(run.code, run.stdout + run.stderr).toBe(0);
  }, 180_000);
});
