// The start-up check of a data directory, store by store, before any service starts: a damaged store
// stops the start (StoreDamagedError) or, with --repair, is repaired and the repair told. The state store
// checks itself as it opens (StateStore.open) and rewrites its files only once everything passed.

import type { Sandbox } from '../sandbox.js';
import { checkBlobReferences } from './blob-references.js';
import { objectBlobReferences } from '../services/s3/store.js';
import { codeBlobReferences } from '../services/lambda/store.js';
import { checkShardLogs } from '../services/kinesis/shard-log.js';
import { checkDynamoStores } from '../services/dynamodb/store.js';

export async function checkStores(sandbox: Sandbox): Promise<void> {
  const { dataDir, repair } = sandbox;
  if (!dataDir) return;
  checkBlobReferences(sandbox.blobs, 'S3', objectBlobReferences(sandbox), repair);
  checkBlobReferences(sandbox.blobs, 'Lambda', codeBlobReferences(sandbox), repair);
  checkShardLogs(dataDir, repair);
  await checkDynamoStores(dataDir, repair);
  repair?.finish();
  sandbox.state.startJournal();
}
