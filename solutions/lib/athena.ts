// Deploy steps for Athena: a workgroup whose results go to an S3 location, a named query saved in it,
// and one execution of that query waited for (a run writes results to S3 and is billed by the bytes
// scanned, so a deploy runs it only when no successful run of the same SQL exists).

import {
  AthenaClient,
  CreateNamedQueryCommand,
  CreateWorkGroupCommand,
  DeleteNamedQueryCommand,
  GetQueryExecutionCommand,
  GetWorkGroupCommand,
  StartQueryExecutionCommand,
  UpdateWorkGroupCommand,
  type QueryExecution,
} from '@aws-sdk/client-athena';
import type { SolutionContext } from '../../src/engine/solution.js';
import type { Ledger } from './ledger.js';
import { waitFor } from './wait.js';
import { namedQueries, recentExecutions } from '../../checks/lib/athena-lookups.js';
import { ts } from './messages.js';

const athenaOf = (ctx: SolutionContext) => ctx.clients.get(AthenaClient);

export async function ensureWorkgroup(ctx: SolutionContext, ledger: Ledger, name: string, outputLocation: string, description: string): Promise<void> {
  const athena = athenaOf(ctx);
  let current;
  try {
    current = (await athena.send(new GetWorkGroupCommand({ WorkGroup: name }))).WorkGroup;
  } catch (err) {
    if ((err as { name?: string }).name !== 'InvalidRequestException') throw err;
  }
  if (!current) {
    await athena.send(
      new CreateWorkGroupCommand({
        Name: name,
        Description: description,
        Configuration: { ResultConfiguration: { OutputLocation: outputLocation }, PublishCloudWatchMetricsEnabled: true },
        Tags: Object.entries(ctx.tags).map(([Key, Value]) => ({ Key, Value })),
      }),
    );
    ledger.record(ts('ledger.workgroup', { name }), 'created');
  } else if (current.Configuration?.ResultConfiguration?.OutputLocation !== outputLocation) {
    await athena.send(new UpdateWorkGroupCommand({ WorkGroup: name, ConfigurationUpdates: { ResultConfigurationUpdates: { OutputLocation: outputLocation } } }));
    ledger.record(ts('ledger.outputLocation', { name }), 'updated');
  } else {
    ledger.record(ts('ledger.workgroup', { name }), 'unchanged');
  }
}

/** A named query with this SQL and database; one of the same name that differs is replaced (they cannot be updated in place everywhere). */
export async function ensureNamedQuery(ctx: SolutionContext, ledger: Ledger, spec: { name: string; workgroup: string; database: string; sql: string; description: string }): Promise<void> {
  const athena = athenaOf(ctx);
  const same = (await namedQueries(athena, spec.workgroup)).filter((q) => q.Name === spec.name);
  if (same.some((q) => q.QueryString === spec.sql && q.Database === spec.database)) {
    ledger.record(ts('ledger.namedQuery', { name: spec.name }), 'unchanged');
    return;
  }
  for (const old of same) await athena.send(new DeleteNamedQueryCommand({ NamedQueryId: old.NamedQueryId }));
  await athena.send(new CreateNamedQueryCommand({ Name: spec.name, WorkGroup: spec.workgroup, Database: spec.database, QueryString: spec.sql, Description: spec.description }));
  ledger.record(ts('ledger.namedQuery', { name: spec.name }), same.length > 0 ? 'updated' : 'created');
}

/** Runs `sql` once in the workgroup unless a successful run of it exists; waits for the outcome. */
export async function runOnce(ctx: SolutionContext, ledger: Ledger, spec: { name: string; workgroup: string; database: string; sql: string }): Promise<void> {
  const done = (await recentExecutions(athenaOf(ctx), spec.workgroup)).find((e) => e.Query === spec.sql && e.Status?.State === 'SUCCEEDED');
  if (done) {
    ledger.record(ts('ledger.successfulRun', { name: spec.name }), 'unchanged');
    return;
  }
  const athena = athenaOf(ctx);
  const { QueryExecutionId } = await athena.send(new StartQueryExecutionCommand({ QueryString: spec.sql, WorkGroup: spec.workgroup, QueryExecutionContext: { Database: spec.database } }));
  ctx.log(ts('progress.runningQuery', { name: spec.name }));
  let execution: QueryExecution | undefined;
  await waitFor(
    ctx,
    async () => {
      execution = (await athena.send(new GetQueryExecutionCommand({ QueryExecutionId }))).QueryExecution;
      return ['SUCCEEDED', 'FAILED', 'CANCELLED'].includes(execution?.Status?.State ?? '');
    },
    { what: ts('waits.queryDone', { name: spec.name }), intervalMs: 500 },
  );
  if (execution!.Status?.State !== 'SUCCEEDED') throw new Error(`Athena query ${spec.name} ${execution!.Status?.State}: ${execution!.Status?.StateChangeReason ?? ''}`);
  ledger.record(ts('ledger.queryRun', { name: spec.name, bytes: execution!.Statistics?.DataScannedInBytes ?? 0 }), 'created');
}
