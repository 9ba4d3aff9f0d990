// Deploy step: a private S3 bucket in the target's region, tagged. Bucket names are global, so a name
// taken by another account is a clear error rather than a retry.

import { CreateBucketCommand, GetBucketTaggingCommand, HeadBucketCommand, PutBucketTaggingCommand, S3Client, type BucketLocationConstraint } from '@aws-sdk/client-s3';
import type { SolutionContext } from '../../src/engine/solution.js';
import type { Ledger } from './ledger.js';
import { ts } from './messages.js';

async function bucketStatus(s3: S3Client, name: string): Promise<'mine' | 'absent' | 'taken'> {
  try {
    await s3.send(new HeadBucketCommand({ Bucket: name }));
    return 'mine';
  } catch (err) {
    const status = (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === 404) return 'absent';
    if (status === 403) return 'taken';
    throw err;
  }
}

async function tagsOf(s3: S3Client, name: string): Promise<Record<string, string>> {
  try {
    const out = await s3.send(new GetBucketTaggingCommand({ Bucket: name }));
    return Object.fromEntries((out.TagSet ?? []).map((t) => [t.Key!, t.Value!]));
  } catch (err) {
    if ((err as { name?: string }).name === 'NoSuchTagSet') return {};
    throw err;
  }
}

/** Returns the bucket's ARN. */
export async function ensureBucket(ctx: SolutionContext, ledger: Ledger, name: string): Promise<string> {
  const s3 = ctx.clients.get(S3Client);
  const status = await bucketStatus(s3, name);
  if (status === 'taken') throw new Error(ts('refusals.bucketTaken', { name }));
  const wantedTags = Object.entries(ctx.tags).map(([Key, Value]) => ({ Key, Value }));
  if (status === 'absent') {
    // us-east-1 is the one region that takes no location constraint.
    const region = ctx.target.region;
    await s3.send(new CreateBucketCommand({ Bucket: name, ...(region === 'us-east-1' ? {} : { CreateBucketConfiguration: { LocationConstraint: region as BucketLocationConstraint } }) }));
    await s3.send(new PutBucketTaggingCommand({ Bucket: name, Tagging: { TagSet: wantedTags } }));
    ledger.record(ts('ledger.bucket', { name }), 'created');
  } else {
    const current = await tagsOf(s3, name);
    if (Object.entries(ctx.tags).some(([k, v]) => current[k] !== v)) {
      await s3.send(new PutBucketTaggingCommand({ Bucket: name, Tagging: { TagSet: Object.entries({ ...current, ...ctx.tags }).map(([Key, Value]) => ({ Key, Value })) } }));
      ledger.record(ts('ledger.bucketTags', { name }), 'updated');
    } else {
      ledger.record(ts('ledger.bucket', { name }), 'unchanged');
    }
  }
  return `arn:aws:s3:::${name}`;
}
