// `lab check 3` on a complete API in process, against its 300 ms budget, beside one plain GET of the
// invoke URL (what the graph page does every few seconds) measured in the same run: the check makes
// that call too, plus a preflight and the read-only API Gateway, Lambda, IAM and DynamoDB look-ups.

import { APIGatewayClient, GetRestApisCommand } from '@aws-sdk/client-api-gateway';
import { LABS } from '../src/labs/catalog.js';
import { loadLab, resolveWorkbook } from '../src/labs/workbook.js';
import { checkLab, openWorkbench, solveLab } from '../src/local-run/workbench.js';
import { startDevice } from '../src/device/start.js';
import { invokeUrl, LAB_STAGE } from '../checks/lib/api-pipeline.js';
import { median, percentile } from './stats.js';

const ROUNDS = 15;
const BUDGET_MS = 300;

export default async function (): Promise<void> {
  const bench = await openWorkbench();
  try {
    const workbook = resolveWorkbook();
    for (const n of [0, 1, 3]) await solveLab(bench, workbook, LABS[n]!, {}, () => undefined);
    const device = await startDevice({ clients: bench.clients, home: bench.home, prefix: bench.config.prefix, rate: 5, count: 10 });
    await device.done;
    const lab = await loadLab(workbook, LABS[3]!);
    const deadline = Date.now() + 30_000;
    for (;;) {
      const report = await checkLab(bench, lab, 0);
      if (report.checks.every((c) => c.status === 'pass')) break;
      if (Date.now() > deadline) throw new Error(`lab check 3 did not pass: ${report.checks.filter((c) => c.status !== 'pass').map((c) => `${c.id}: ${c.message}`).join('; ')}`);
      await new Promise((r) => setTimeout(r, 300));
    }
    const apiId = (await bench.clients.get(APIGatewayClient).send(new GetRestApisCommand({}))).items![0]!.id!;
    const url = `${invokeUrl(bench, apiId, LAB_STAGE)}/datas/${device.name}`;

    const checks: number[] = [];
    const gets: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      let started = performance.now();
      await checkLab(bench, lab, 0);
      checks.push(performance.now() - started);
      started = performance.now();
      await (await fetch(url)).text();
      gets.push(performance.now() - started);
    }
    const line = (name: string, values: number[]) => `${name}: median ${median(values).toFixed(0)} ms, p90 ${percentile(values, 90).toFixed(0)} ms over ${ROUNDS} runs`;
    console.log(`${line('lab check 3, in process (10 checks)', checks)} (${(median(checks) / BUDGET_MS).toFixed(2)}x of the ${BUDGET_MS} ms budget)`);
    console.log(line('one GET of the invoke URL (the graph page’s poll)', gets));
    console.log(`the whole lab check takes ${(median(checks) / median(gets)).toFixed(1)}x one poll of the page`);
  } finally {
    await bench.close();
  }
}
