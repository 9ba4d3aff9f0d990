// S3 buckets by tag or name, in the target's region only (ListBuckets lists every region's buckets:
// a bucket elsewhere is left, and said so). A bucket is emptied of every object version, delete marker
// and unfinished multipart upload before it is deleted.

import {
  AbortMultipartUploadCommand,
  DeleteBucketCommand,
  DeleteObjectsCommand,
  GetBucketLocationCommand,
  GetBucketTaggingCommand,
  ListBucketsCommand,
  ListMultipartUploadsCommand,
  ListObjectVersionsCommand,
  S3Client,
  type Bucket,
  type ObjectIdentifier,
} from '@aws-sdk/client-s3';
import { mapLimit, selectByTagOrName, tagMap, type ResetContext } from '../context.js';
import { WORKSHOP_TAG } from '../names.js';
import type { PlannedResource } from '../resource.js';
import { deleteIfExists, errorName, isGone, retrying } from '../retry.js';
import { ALREADY_GONE, type Deleter, type Discovered, type PassedOver, type ServiceReset } from '../service.js';

const s3Of = (ctx: ResetContext) => ctx.clients.get(S3Client);
/** DeleteObjects takes at most this many keys. */
const DELETE_BATCH = 1000;

async function regionOf(ctx: ResetContext, bucket: Bucket): Promise<string> {
  if (bucket.BucketRegion) return bucket.BucketRegion;
  const { LocationConstraint } = await s3Of(ctx).send(new GetBucketLocationCommand({ Bucket: bucket.Name }), { abortSignal: ctx.signal });
  // S3's legacy answers: nothing for us-east-1, EU for eu-west-1.
  return !LocationConstraint ? 'us-east-1' : LocationConstraint === 'EU' ? 'eu-west-1' : LocationConstraint;
}

async function tagsOf(ctx: ResetContext, name: string): Promise<Record<string, string>> {
  try {
    const { TagSet } = await s3Of(ctx).send(new GetBucketTaggingCommand({ Bucket: name }), { abortSignal: ctx.signal });
    return tagMap(TagSet);
  } catch (err) {
    if (errorName(err) === 'NoSuchTagSet' || isGone(err)) return {};
    throw err;
  }
}

async function discover(ctx: ResetContext): Promise<Discovered> {
  const s3 = s3Of(ctx);
  const buckets: Bucket[] = [];
  let ContinuationToken: string | undefined;
  do {
    const page = await s3.send(new ListBucketsCommand({ ContinuationToken, MaxBuckets: 1000 }), { abortSignal: ctx.signal });
    buckets.push(...(page.Buckets ?? []));
    ContinuationToken = page.ContinuationToken;
  } while (ContinuationToken);
  const selected: PlannedResource[] = [];
  const passedOver: PassedOver[] = [];
  await mapLimit(buckets, 8, async (bucket) => {
    const name = bucket.Name!;
    const region = await regionOf(ctx, bucket).catch((err: unknown) => {
      if (isGone(err)) return undefined;
      throw err;
    });
    if (region === undefined) return;
    if (region !== ctx.target.region) {
      // Only a bucket with one of the prefix's names is worth a word; its tags live in its own region.
      const named = selectByTagOrName(ctx, 's3-bucket', name, false, { arn: `arn:aws:s3:::${name}` });
      if (named) passedOver.push({ resource: named, reason: { key: 'reasons.otherRegion', values: { region, target: ctx.target.region } } });
      return;
    }
    const resource = selectByTagOrName(ctx, 's3-bucket', name, (await tagsOf(ctx, name))[WORKSHOP_TAG.key] === WORKSHOP_TAG.value, { arn: `arn:aws:s3:::${name}` });
    if (resource) selected.push(resource);
  });
  return { selected, passedOver };
}

/** Deletes every version, delete marker and unfinished upload; returns how many of each. */
async function empty(ctx: ResetContext, Bucket: string): Promise<{ versions: number; uploads: number }> {
  const s3 = s3Of(ctx);
  let versions = 0;
  let uploads = 0;
  let KeyMarker: string | undefined;
  let VersionIdMarker: string | undefined;
  for (;;) {
    const page = await retrying(ctx, () => s3.send(new ListObjectVersionsCommand({ Bucket, KeyMarker, VersionIdMarker }), { abortSignal: ctx.signal }));
    const objects: ObjectIdentifier[] = [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])].map((v) => ({ Key: v.Key!, VersionId: v.VersionId }));
    for (let i = 0; i < objects.length; i += DELETE_BATCH) {
      const batch = objects.slice(i, i + DELETE_BATCH);
      const out = await retrying(ctx, () => s3.send(new DeleteObjectsCommand({ Bucket, Delete: { Objects: batch, Quiet: true } }), { abortSignal: ctx.signal }));
      const failed = out.Errors ?? [];
      if (failed.length > 0) {
        const first = failed[0]!;
        throw Object.assign(new Error(`${failed.length} object version(s) could not be deleted, e.g. ${first.Key}: ${first.Code} ${first.Message ?? ''}`.trim()), { name: first.Code ?? 'DeleteObjectsError' });
      }
      versions += batch.length;
    }
    if (!page.IsTruncated) break;
    KeyMarker = page.NextKeyMarker;
    VersionIdMarker = page.NextVersionIdMarker;
  }
  let UploadIdMarker: string | undefined;
  let UploadKeyMarker: string | undefined;
  for (;;) {
    const page = await retrying(ctx, () => s3.send(new ListMultipartUploadsCommand({ Bucket, KeyMarker: UploadKeyMarker, UploadIdMarker }), { abortSignal: ctx.signal }));
    for (const u of page.Uploads ?? []) {
      await deleteIfExists(ctx, () => s3.send(new AbortMultipartUploadCommand({ Bucket, Key: u.Key, UploadId: u.UploadId }), { abortSignal: ctx.signal }));
      uploads++;
    }
    if (!page.IsTruncated) break;
    UploadKeyMarker = page.NextKeyMarker;
    UploadIdMarker = page.NextUploadIdMarker;
  }
  return { versions, uploads };
}

const deleteBucket: Deleter = async (r, ctx, step) => {
  const s3 = s3Of(ctx);
  const total = { versions: 0, uploads: 0 };
  // Something may still write (a delivery stream's last flush): empty again while S3 says BucketNotEmpty.
  for (let attempt = 0; ; attempt++) {
    try {
      const emptied = await empty(ctx, r.name);
      total.versions += emptied.versions;
      total.uploads += emptied.uploads;
      if (emptied.versions || emptied.uploads) step({ key: 'steps.emptied', values: { ...total } });
      await retrying(ctx, () => s3.send(new DeleteBucketCommand({ Bucket: r.name }), { abortSignal: ctx.signal }));
      return total.versions || total.uploads ? { status: 'deleted', detail: { key: 'steps.emptiedFirst', values: { ...total } } } : { status: 'deleted' };
    } catch (err) {
      if (isGone(err)) return attempt === 0 && total.versions === 0 ? ALREADY_GONE : { status: 'deleted' };
      if (errorName(err) !== 'BucketNotEmpty' || attempt >= 4) throw err;
    }
  }
};

export const s3Reset: ServiceReset = { service: 's3', stage: 1, discover, deleters: { 's3-bucket': deleteBucket } };
