// Athena's state per account and region: workgroups, named queries and query executions (with what
// GetQueryResults needs to find and describe their results), and the idempotency tokens StartQueryExecution
// and CreateNamedQuery were called with. All of it survives a restart; times are epoch milliseconds.

import type { Principal } from '../../edge/context.js';
import type { Sandbox } from '../../sandbox.js';
import { scoped } from '../../store/scoped-table.js';
import type { AthenaErrorInfo } from './query-errors.js';
import type { ColumnInfo } from './results.js';
import type { StatementType } from './sql/statement.js';

export interface Tag {
  Key: string;
  Value?: string;
}

/** WorkGroupConfiguration as the wire carries it (stored whole, returned as stored). */
export interface WorkGroupConfiguration {
  ResultConfiguration?: ResultConfiguration;
  EnforceWorkGroupConfiguration?: boolean;
  PublishCloudWatchMetricsEnabled?: boolean;
  BytesScannedCutoffPerQuery?: number;
  RequesterPaysEnabled?: boolean;
  EngineVersion?: { SelectedEngineVersion?: string; EffectiveEngineVersion?: string };
  [other: string]: unknown;
}

export interface ResultConfiguration {
  OutputLocation?: string;
  EncryptionConfiguration?: { EncryptionOption: string; KmsKey?: string };
  ExpectedBucketOwner?: string;
  AclConfiguration?: { S3AclOption: string };
}

export interface WorkGroupRecord {
  name: string;
  state: 'ENABLED' | 'DISABLED';
  description?: string;
  creationTime: number;
  configuration: WorkGroupConfiguration;
  tags: Tag[];
}

export interface NamedQueryRecord {
  id: string;
  name: string;
  description?: string;
  database: string;
  queryString: string;
  workGroup: string;
  clientRequestToken?: string;
  createdAt: number;
}

export type QueryState = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';

export interface Statistics {
  engineMs: number;
  queueMs: number;
  planningMs: number;
  processingMs: number;
  dataScannedBytes: number;
}

export interface ExecutionRecord {
  id: string;
  query: string;
  workGroup: string;
  statementType: StatementType;
  substatementType?: string;
  context: { Database?: string; Catalog?: string };
  /** The effective result configuration; OutputLocation is the result file (…/<id>.csv or .txt). */
  resultConfiguration: ResultConfiguration;
  executionParameters?: string[];
  clientRequestToken?: string;
  state: QueryState;
  stateChangeReason?: string;
  athenaError?: AthenaErrorInfo;
  submittedAt: number;
  startedAt?: number;
  completedAt?: number;
  statistics?: Statistics;
  /** Result columns: for a SELECT the file's header row is the first row of the first page; DDL output has none. */
  columns?: ColumnInfo[];
  /** Whether the result file starts with a header row (CSV) or is lines of text (DDL). */
  resultFormat?: 'csv' | 'txt';
}

export const workGroupsTable = (sandbox: Sandbox) => sandbox.state.table<WorkGroupRecord>('athena.workgroups');
export const workGroups = (sandbox: Sandbox, owner: Principal) => scoped(workGroupsTable(sandbox), owner, 'region');

export const namedQueries = (sandbox: Sandbox, owner: Principal) => scoped(sandbox.state.table<NamedQueryRecord>('athena.named-queries'), owner, 'region');

export const executionsTable = (sandbox: Sandbox) => sandbox.state.table<ExecutionRecord>('athena.executions');
export const executions = (sandbox: Sandbox, owner: Principal) => scoped(executionsTable(sandbox), owner, 'region');

/** Idempotency tokens: `query/<token>` and `named/<token>` to the id they created. */
export const tokens = (sandbox: Sandbox, owner: Principal) => scoped(sandbox.state.table<string>('athena.tokens'), owner, 'region');

export const PRIMARY = 'primary';
export const ENGINE_VERSION = { SelectedEngineVersion: 'AUTO', EffectiveEngineVersion: 'Athena engine version 3' };
