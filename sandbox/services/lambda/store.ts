// Lambda state: functions per account and region, each with its configuration, where its zip is kept,
// its tags and its resource-based policy. Times are epoch ms; the wire forms are built in configuration.ts.

import type { Sandbox } from '../../sandbox.js';
import type { Principal } from '../../edge/context.js';
import { scoped, type ScopedTable } from '../../store/scoped-table.js';
import type { BlobReference } from '../../store/blob-references.js';

export interface PolicyStatement {
  Sid: string;
  Effect: 'Allow';
  Principal: string | { Service: string } | { AWS: string };
  Action: string;
  Resource: string;
  Condition?: Record<string, Record<string, string>>;
}

export interface FunctionRecord {
  FunctionName: string;
  FunctionArn: string;
  Runtime: string;
  Role: string;
  Handler: string;
  Description: string;
  Timeout: number;
  MemorySize: number;
  Environment?: Record<string, string>;
  CodeSha256: string;
  CodeSize: number;
  /** Where the zip is in the blob store. */
  codeLocation: string;
  Tags: Record<string, string>;
  policy: PolicyStatement[];
  RevisionId: string;
  /** Changes with the code or the configuration: warm processes of another generation are retired. */
  generation: string;
  /** Epoch ms of creation: State is Pending until the provisioning delay has passed. */
  createdAt: number;
  /** Epoch ms of the last code or configuration update: LastUpdateStatus is InProgress until the delay has passed. */
  updatedAt?: number;
  lastModified: number;
}

export const functionsTable = (sandbox: Sandbox) => sandbox.state.table<FunctionRecord>('lambda.functions');

export function functions(sandbox: Sandbox, owner: Pick<Principal, 'accountId' | 'region'>): ScopedTable<FunctionRecord> {
  return scoped(functionsTable(sandbox), owner, 'region');
}

/** Every function's code zip, which the blob store should hold (checked at start). */
export function* codeBlobReferences(sandbox: Sandbox): Generator<BlobReference> {
  const table = functionsTable(sandbox);
  for (const [key, fn] of [...table.entries()]) {
    yield { what: `function ${fn.FunctionArn} (its code)`, location: fn.codeLocation, drop: () => table.delete(key) };
  }
}

/** The key a function's warm workers are kept under. */
export function workerKey(owner: Pick<Principal, 'accountId' | 'region'>, name: string): string {
  return `${owner.accountId}/${owner.region}/${name}`;
}
