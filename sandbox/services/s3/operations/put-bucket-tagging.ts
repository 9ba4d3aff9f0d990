// PutBucketTagging: replaces the bucket's whole tag set (at most 50 tags, unique keys, no aws: prefix).

import { defineOperation } from '../../definition.js';
import { asArray } from '../../../protocols/xml.js';
import { invalidTag, malformedXml } from '../errors.js';
import { readPayload } from '../payload.js';
import { callerBucket, xmlBody } from '../request.js';
import { s3Store, type Tag } from '../store.js';

const MAX_TAGS = 50;

function parseTags(body: Buffer): Tag[] {
  const tagging = xmlBody(body, 'Tagging');
  const tagSet = tagging.TagSet as { Tag?: unknown } | '' | undefined;
  if (tagSet === undefined) throw malformedXml();
  const tags = asArray((tagSet === '' ? {} : tagSet).Tag as Record<string, unknown> | Record<string, unknown>[] | undefined).map((t) => {
    if (typeof t !== 'object' || typeof t.Key !== 'string') throw malformedXml();
    return { Key: t.Key, Value: typeof t.Value === 'string' ? t.Value : '' };
  });
  if (tags.length > MAX_TAGS) throw invalidTag('Object tags cannot be greater than 50');
  const keys = new Set<string>();
  for (const tag of tags) {
    if (tag.Key.length < 1 || tag.Key.length > 128) throw invalidTag('The TagKey you have provided is invalid');
    if (tag.Value.length > 256) throw invalidTag('The TagValue you have provided is invalid');
    if (tag.Key.toLowerCase().startsWith('aws:')) throw invalidTag('System tags cannot be added/updated by requester');
    if (keys.has(tag.Key)) throw invalidTag('Cannot provide multiple Tags with the same key');
    keys.add(tag.Key);
  }
  return tags;
}

export const putBucketTagging = defineOperation<{ Bucket: string }>({
  name: 'PutBucketTagging',
  http: { method: 'PUT', path: '/{Bucket}?tagging', requiredQuery: ['tagging'], status: 204 },
  async handler({ Bucket }, ctx) {
    const bucket = callerBucket(ctx, Bucket);
    const { data } = await readPayload(ctx.http);
    const tags = parseTags(data);
    s3Store(ctx.sandbox).buckets.set(Bucket, { ...bucket, tags: tags.length > 0 ? tags : undefined });
    return {};
  },
});
