// Athena across restarts: a sandbox restarted on its data directory still has its workgroups, named
// queries, executions and their results; a query RUNNING when the sandbox stops, or when its process is
// killed, is FAILED after the restart with the reason.

import { describe, expect, it } from 'vitest';
import {
  AthenaClient,
  CreateNamedQueryCommand,
  CreateWorkGroupCommand,
  GetNamedQueryCommand,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  GetWorkGroupCommand,
  ListQueryExecutionsCommand,
  StartQueryExecutionCommand,
} from '@aws-sdk/client-athena';
import { startSandbox } from '../../sandbox/index.js';
import { lake, run } from './athena-lake.js';
import { killHard, useChildSandboxes } from './child-sandbox.js';
import { clientConfig } from './support.js';

describe('Athena across restarts', () => {
  const children = useChildSandboxes();

  it('ends a query running when the sandbox stops as interrupted, not cancelled', { timeout: 30_000 }, async () => {
    const dataDir = children.tempDir('sandbox-athena-stop-');
    const first = await startSandbox({ port: 0, dataDir, verbose: false });
    await lake(first.endpoint, 400);
    const athena = new AthenaClient(clientConfig(first.endpoint));
    const { QueryExecutionId } = await athena.send(
      // Five copies joined: far too long to finish while the sandbox stops, however slow the stop (a loaded CI machine).
      new StartQueryExecutionCommand({ QueryString: 'SELECT count(*) FROM iot.readings a, iot.readings b, iot.readings c, iot.readings d, iot.readings e', ResultConfiguration: { OutputLocation: 's3://results/' } }),
    );
    for (;;) {
      const { QueryExecution: q } = await athena.send(new GetQueryExecutionCommand({ QueryExecutionId }));
      if (q!.Status!.State === 'RUNNING') break;
      await new Promise((r) => setTimeout(r, 10));
    }
    await first.stop();
    const second = await startSandbox({ port: 0, dataDir, verbose: false });
    try {
      const { QueryExecution: q } = await new AthenaClient(clientConfig(second.endpoint)).send(new GetQueryExecutionCommand({ QueryExecutionId }));
      expect(q!.Status).toMatchObject({ State: 'FAILED', StateChangeReason: 'Query did not finish: the sandbox stopped while it was running. Run the query again.' });
    } finally {
      await second.stop();
    }
  });

  it('keeps workgroups, named queries, executions and results, and fails a query cut off by kill -9', { timeout: 30_000 }, async () => {
    const dataDir = children.tempDir('sandbox-athena-');
    const first = await children.start(dataDir);
    await lake(first.endpoint, 600);
    let athena = new AthenaClient({ ...clientConfig(first.endpoint), maxAttempts: 1 });
    await athena.send(new CreateWorkGroupCommand({ Name: 'lab4', Configuration: { ResultConfiguration: { OutputLocation: 's3://results/lab4/' } } }));
    const { NamedQueryId } = await athena.send(new CreateNamedQueryCommand({ Name: 'per device', Database: 'iot', QueryString: 'SELECT device_name, count(*) FROM readings GROUP BY 1', WorkGroup: 'lab4' }));
    const done = await run(athena, 'SELECT count(*) FROM iot.readings', 'lab4');
    expect(done.Status!.State).toBe('SUCCEEDED');

    const { QueryExecutionId: cutOff } = await athena.send(
      new StartQueryExecutionCommand({ QueryString: 'SELECT count(*) FROM iot.readings a, iot.readings b, iot.readings c, iot.readings d', WorkGroup: 'lab4' }),
    );
    for (;;) {
      const { QueryExecution: q } = await athena.send(new GetQueryExecutionCommand({ QueryExecutionId: cutOff }));
      if (q!.Status!.State === 'RUNNING') break;
      await new Promise((r) => setTimeout(r, 10));
    }
    await killHard(first.child);

    const second = await children.start(dataDir);
    athena = new AthenaClient(clientConfig(second.endpoint));
    expect((await athena.send(new GetWorkGroupCommand({ WorkGroup: 'lab4' }))).WorkGroup!.Configuration!.ResultConfiguration!.OutputLocation).toBe('s3://results/lab4/');
    expect((await athena.send(new GetNamedQueryCommand({ NamedQueryId }))).NamedQuery!.Name).toBe('per device');
    expect((await athena.send(new ListQueryExecutionsCommand({ WorkGroup: 'lab4' }))).QueryExecutionIds).toEqual([cutOff, done.QueryExecutionId]);
    const results = await athena.send(new GetQueryResultsCommand({ QueryExecutionId: done.QueryExecutionId }));
    expect(results.ResultSet!.Rows!.map((r) => r.Data!.map((d) => d.VarCharValue))).toEqual([['_col0'], ['600']]);
    const { QueryExecution: interrupted } = await athena.send(new GetQueryExecutionCommand({ QueryExecutionId: cutOff }));
    expect(interrupted!.Status).toMatchObject({
      State: 'FAILED',
      StateChangeReason: 'Query did not finish: the sandbox stopped while it was running. Run the query again.',
      AthenaError: { ErrorCategory: 1, Retryable: true },
    });
    // The restarted sandbox still queries the lake it keeps on disk.
    expect((await run(athena, 'SELECT count(*) FROM iot.readings', 'lab4')).Status!.State).toBe('SUCCEEDED');
  });
});
