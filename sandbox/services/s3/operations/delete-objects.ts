// DeleteObjects: up to 1,000 keys from an XML list, with a result per key (only errors when Quiet).

import { defineOperation } from '../../definition.js';
import { asArray } from '../../../protocols/xml.js';
import { malformedXml, missingIntegrityHeader } from '../errors.js';
import { readPayload } from '../payload.js';
import { callerBucket, xmlBody } from '../request.js';
import { s3Store } from '../store.js';

const MAX_KEYS = 1000;

export const deleteObjects = defineOperation<{ Bucket: string }>({
  name: 'DeleteObjects',
  readOnly: false,
  http: { method: 'POST', path: '/{Bucket}?delete', requiredQuery: ['delete'] },
  async handler({ Bucket }, ctx) {
    callerBucket(ctx, Bucket);
    if (!ctx.http.headers['content-md5'] && !Object.keys(ctx.http.headers).some((h) => h.startsWith('x-amz-checksum-')) && !ctx.http.headers['x-amz-trailer']) {
      throw missingIntegrityHeader();
    }
    const { data } = await readPayload(ctx.http);
    const request = xmlBody(data, 'Delete');
    const quiet = String(request.Quiet ?? '').trim().toLowerCase() === 'true';
    const objects = asArray(request.Object as Record<string, unknown> | Record<string, unknown>[] | undefined);
    if (objects.length === 0 || objects.length > MAX_KEYS || objects.some((o) => typeof o !== 'object' || typeof o.Key !== 'string')) throw malformedXml();
    const store = s3Store(ctx.sandbox);
    const deleted: { Key: string }[] = [];
    for (const { Key } of objects as { Key: string }[]) {
      store.deleteObject(Bucket, Key);
      deleted.push({ Key });
    }
    return { DeleteResult: { Deleted: quiet ? [] : deleted } };
  },
});
