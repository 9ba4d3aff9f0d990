// Read-only Athena look-ups shared by lab 4's checks, its solution and `lab chart`: a workgroup's named
// queries in full, and its newest query executions.

import { AthenaClient, BatchGetNamedQueryCommand, BatchGetQueryExecutionCommand, ListNamedQueriesCommand, ListQueryExecutionsCommand, type NamedQuery, type QueryExecution } from '@aws-sdk/client-athena';

/** BatchGetNamedQuery and BatchGetQueryExecution take at most 50 ids. */
const BATCH = 50;

/** Every named query of a workgroup (Athena allows several with one name). */
export async function namedQueries(athena: AthenaClient, workgroup: string, signal?: AbortSignal): Promise<NamedQuery[]> {
  const ids: string[] = [];
  let token: string | undefined;
  do {
    const page = await athena.send(new ListNamedQueriesCommand({ WorkGroup: workgroup, NextToken: token, MaxResults: BATCH }), { abortSignal: signal });
    ids.push(...(page.NamedQueryIds ?? []));
    token = page.NextToken;
  } while (token);
  const found: NamedQuery[] = [];
  for (let i = 0; i < ids.length; i += BATCH) {
    const out = await athena.send(new BatchGetNamedQueryCommand({ NamedQueryIds: ids.slice(i, i + BATCH) }), { abortSignal: signal });
    found.push(...(out.NamedQueries ?? []));
  }
  return found;
}

/** The newest executions of a workgroup, newest first (one page: at most 50). */
export async function recentExecutions(athena: AthenaClient, workgroup: string, signal?: AbortSignal): Promise<QueryExecution[]> {
  const { QueryExecutionIds: ids = [] } = await athena.send(new ListQueryExecutionsCommand({ WorkGroup: workgroup, MaxResults: BATCH }), { abortSignal: signal });
  if (ids.length === 0) return [];
  const out = await athena.send(new BatchGetQueryExecutionCommand({ QueryExecutionIds: ids }), { abortSignal: signal });
  return (out.QueryExecutions ?? []).sort((a, b) => (b.Status?.SubmissionDateTime?.getTime() ?? 0) - (a.Status?.SubmissionDateTime?.getTime() ?? 0));
}
