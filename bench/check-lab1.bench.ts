// `lab check 1` on a complete pipeline in the sandbox, against its 2 s budget: in process (the checks
// alone) and through the binary (with Node's start). Data is in place before timing, so no check
// waits for metrics; `lab --help` in the same run is the floor any command pays.

import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import { LABS } from '../src/labs/catalog.js';
import { loadLab, resolveWorkbook } from '../src/labs/workbook.js';
import { checkLab, openWorkbench, solveLab } from '../src/local-run/workbench.js';
import { startDevice } from '../src/device/start.js';
import { median, percentile } from './stats.js';

const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'lab.js');
const ROUNDS = 9;
const BUDGET_MS = 2000;

export default async function (): Promise<void> {
  const bench = await openWorkbench();
  try {
    const workbook = resolveWorkbook();
    for (const entry of LABS.slice(0, 2)) await solveLab(bench, workbook, entry, {}, () => undefined);
    const device = await startDevice({ clients: bench.clients, home: bench.home, prefix: bench.config.prefix, rate: 5, count: 10 });
    await device.done;
    const dynamodb = bench.clients.get(DynamoDBClient);
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const { Count } = await dynamodb.send(new QueryCommand({ TableName: 'iotlab-readings', KeyConditionExpression: 'deviceid = :d', ExpressionAttributeValues: { ':d': { S: device.name } }, Select: 'COUNT' }));
      if ((Count ?? 0) > 0) break;
      await new Promise((r) => setTimeout(r, 200));
    }

    const lab = await loadLab(workbook, LABS[1]!);
    const inProcess: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const started = performance.now();
      const report = await checkLab(bench, lab, 0);
      inProcess.push(performance.now() - started);
      if (!report.passed) throw new Error(`lab check 1 did not pass: ${report.checks.filter((c) => c.status !== 'pass').map((c) => `${c.id}: ${c.message}`).join('; ')}`);
    }

    const env = { ...process.env, LAB_HOME: bench.home, LAB_ENDPOINT: bench.sandbox.endpoint, NO_COLOR: '1' };
    const binary: number[] = [];
    const help: number[] = [];
    // Asynchronous: the sandbox lives in this process and must keep answering the child.
    const timeChild = async (args: string[]) => {
      const started = performance.now();
      await new Promise<void>((resolve, reject) => execFile(process.execPath, [BIN, ...args], { env }, (err) => (err ? reject(err) : resolve())));
      return performance.now() - started;
    };
    await timeChild(['check', '1', '--wait', '0']);
    for (let i = 0; i < ROUNDS; i++) {
      binary.push(await timeChild(['check', '1', '--wait', '0']));
      help.push(await timeChild(['--help']));
    }
    const line = (name: string, values: number[]) =>
      `${name}: median ${median(values).toFixed(0)} ms, p90 ${percentile(values, 90).toFixed(0)} ms over ${ROUNDS} runs (${(median(values) / BUDGET_MS).toFixed(2)}x of the ${BUDGET_MS} ms budget)`;
    console.log(line('lab check 1, in process (11 checks)', inProcess));
    console.log(line('lab check 1, whole binary        ', binary));
    console.log(`lab --help (start-up floor): median ${median(help).toFixed(0)} ms; checking adds ${(median(binary) - median(help)).toFixed(0)} ms, ${(median(binary) / median(help)).toFixed(2)}x the floor`);
  } finally {
    await bench.close();
  }
}
