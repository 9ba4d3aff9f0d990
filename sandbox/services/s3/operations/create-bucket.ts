// CreateBucket: a global name, owned by the caller's account, in the region its LocationConstraint names.

import { defineOperation } from '../../definition.js';
import type { RequestContext } from '../../../edge/context.js';
import { isValidBucketName, REGION_NAME } from '../bucket-name.js';
import { bucketAlreadyExists, bucketAlreadyOwnedByYou, illegalLocationConstraint, invalidBucketName, invalidLocationConstraint } from '../errors.js';
import { xmlBody } from '../request.js';
import { s3Store } from '../store.js';

/** The region the bucket goes to. As on AWS's us-east-1 (global) endpoint, a us-east-1 request may name any other region; elsewhere it must name its own. */
function bucketRegion(ctx: RequestContext): string {
  const body = ctx.http.body.length > 0 ? xmlBody(ctx.http.body, 'CreateBucketConfiguration') : {};
  const raw = typeof body.LocationConstraint === 'string' ? body.LocationConstraint.trim() : undefined;
  const constraint = raw === 'EU' ? 'eu-west-1' : raw || undefined;
  if (constraint !== undefined && (!REGION_NAME.test(constraint) || constraint === 'us-east-1')) throw invalidLocationConstraint(constraint);
  if (ctx.region === 'us-east-1') return constraint ?? 'us-east-1';
  if (constraint !== ctx.region) throw illegalLocationConstraint(constraint);
  return constraint;
}

export const createBucket = defineOperation<{ Bucket: string }>({
  name: 'CreateBucket',
  readOnly: false,
  http: { method: 'PUT', path: '/{Bucket}', responseHeaders: { Location: 'location' } },
  handler({ Bucket }, ctx) {
    if (!isValidBucketName(Bucket)) throw invalidBucketName(Bucket);
    const region = bucketRegion(ctx);
    const store = s3Store(ctx.sandbox);
    const existing = store.buckets.get(Bucket);
    if (existing) {
      if (existing.accountId !== ctx.accountId) throw bucketAlreadyExists(Bucket);
      // us-east-1 keeps its legacy answer for a bucket you already own there: 200, nothing changes.
      if (!(ctx.region === 'us-east-1' && existing.region === 'us-east-1')) throw bucketAlreadyOwnedByYou(Bucket);
    } else {
      store.buckets.set(Bucket, { name: Bucket, accountId: ctx.accountId, region, created: ctx.clock.now() });
    }
    return { Location: `/${Bucket}` };
  },
});
