// `lab --help` start time (process spawn to exit), against the 300 ms budget and against `node -e 0`,
// the floor any Node CLI pays, measured in the same run so machine load affects both alike.

import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, percentile } from './stats.js';

const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'lab.js');
const ROUNDS = 21;
const BUDGET_MS = 300;

function timeOnce(args: string[]): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - started;
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  return ms;
}

export default async function (): Promise<void> {
  const lab: number[] = [];
  const node: number[] = [];
  // One warm-up each fills the OS file cache; then alternate so drifting load hits both series.
  timeOnce([BIN, '--help']);
  timeOnce(['-e', '0']);
  for (let i = 0; i < ROUNDS; i++) {
    lab.push(timeOnce([BIN, '--help']));
    node.push(timeOnce(['-e', '0']));
  }
  const labMedian = median(lab);
  const nodeMedian = median(node);
  console.log(`lab --help: median ${labMedian.toFixed(0)} ms, p90 ${percentile(lab, 90).toFixed(0)} ms over ${ROUNDS} runs (budget ${BUDGET_MS} ms: ${(labMedian / BUDGET_MS).toFixed(2)}x of budget)`);
  console.log(`node -e 0:  median ${nodeMedian.toFixed(0)} ms (peer baseline); lab adds ${(labMedian - nodeMedian).toFixed(0)} ms, ${(labMedian / nodeMedian).toFixed(2)}x the bare runtime`);
}
