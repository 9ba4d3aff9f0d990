// `lab check 4` on a complete lab in process, against its 500 ms budget, beside the run of the saved
// query it judges (StartQueryExecution to SUCCEEDED, the one thing the check never does) in the same run.

import { AthenaClient, GetQueryExecutionCommand, StartQueryExecutionCommand } from '@aws-sdk/client-athena';
import { LABS } from '../src/labs/catalog.js';
import { loadLab, resolveWorkbook } from '../src/labs/workbook.js';
import { checkLab, openWorkbench, solveLab } from '../src/local-run/workbench.js';
import { startDevice } from '../src/device/start.js';
import { hourlyStatsSql } from '../solutions/04-athena-analytics/hourly-stats.js';
import { median, percentile } from './stats.js';

const ROUNDS = 9;
const BUDGET_MS = 500;

export default async function (): Promise<void> {
  const bench = await openWorkbench();
  try {
    const workbook = resolveWorkbook();
    for (const n of [0, 2]) await solveLab(bench, workbook, LABS[n]!, {}, () => undefined);
    const device = await startDevice({ clients: bench.clients, home: bench.home, prefix: bench.config.prefix, rate: 10, count: 100 });
    await device.done;
    await solveLab(bench, workbook, LABS[4]!, {}, () => undefined);
    const lab = await loadLab(workbook, LABS[4]!);
    const first = await checkLab(bench, lab, 10_000);
    if (!first.checks.every((c) => c.status === 'pass')) throw new Error(`lab check 4 did not pass: ${first.checks.filter((c) => c.status !== 'pass').map((c) => `${c.id}: ${c.message}`).join('; ')}`);

    const athena = bench.clients.get(AthenaClient);
    const checks: number[] = [];
    const queries: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      let started = performance.now();
      await checkLab(bench, lab, 0);
      checks.push(performance.now() - started);
      started = performance.now();
      const { QueryExecutionId } = await athena.send(new StartQueryExecutionCommand({ QueryString: hourlyStatsSql(), WorkGroup: 'iotlab-wg', QueryExecutionContext: { Database: 'iotlab_datalake' } }));
      for (;;) {
        const state = (await athena.send(new GetQueryExecutionCommand({ QueryExecutionId }))).QueryExecution?.Status?.State;
        if (state !== 'QUEUED' && state !== 'RUNNING') break;
        await new Promise((r) => setTimeout(r, 5));
      }
      queries.push(performance.now() - started);
    }
    const line = (name: string, values: number[]) => `${name}: median ${median(values).toFixed(0)} ms, p90 ${percentile(values, 90).toFixed(0)} ms over ${ROUNDS} runs`;
    console.log(`${line('lab check 4, in process (10 checks)', checks)} (${(median(checks) / BUDGET_MS).toFixed(2)}x of the ${BUDGET_MS} ms budget)`);
    console.log(line('one run of the saved query (StartQueryExecution to SUCCEEDED)', queries));
    console.log(`the whole lab check takes ${(median(checks) / median(queries)).toFixed(2)}x one run of the query it judges`);
  } finally {
    await bench.close();
  }
}
