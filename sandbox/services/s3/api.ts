// What other services ask S3 in-process: Firehose delivers objects, the workbook's later services read them.

import { createHash } from 'node:crypto';
import type { Principal } from '../../edge/context.js';
import type { Sandbox } from '../../sandbox.js';
import { listKeys } from './listing.js';
import { DEFAULT_CONTENT_TYPE } from './object-headers.js';
import { s3Store } from './store.js';

export interface S3ObjectInfo {
  key: string;
  size: number;
  etag: string;
  /** Epoch ms. */
  lastModified: number;
}

export interface S3Api {
  /** The account and region that own a bucket (bucket names are global), or undefined. */
  bucketOwner(bucket: string): { accountId: string; region: string } | undefined;
  /** Stores an object as PutObject would; throws the ServiceError NoSuchBucket if the bucket is gone. */
  putObject(
    caller: Principal,
    bucket: string,
    key: string,
    body: Buffer,
    options?: { contentType?: string; contentEncoding?: string; metadata?: Record<string, string> },
  ): { etag: string };
  /** The object's bytes, or undefined. */
  getObject(bucket: string, key: string): Buffer | undefined;
  listObjects(bucket: string, prefix?: string): S3ObjectInfo[];
  /** The file on disk holding the object (undefined in memory). */
  objectFilePath(bucket: string, key: string): string | undefined;
}

/** The in-process S3 of one sandbox, over the same store the wire operations use. */
export function s3Api(sandbox: Sandbox): S3Api {
  const store = s3Store(sandbox);
  return {
    bucketOwner(bucket) {
      const found = store.buckets.get(bucket);
      return found && { accountId: found.accountId, region: found.region };
    },
    putObject(caller, bucket, key, body, options = {}) {
      store.bucket(bucket, caller.accountId);
      const object = store.putObject(bucket, key, body, {
        contentType: options.contentType ?? DEFAULT_CONTENT_TYPE,
        contentEncoding: options.contentEncoding,
        metadata: Object.fromEntries(Object.entries(options.metadata ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
        etag: `"${createHash('md5').update(body).digest('hex')}"`,
        lastModified: caller.clock.now(),
      });
      return { etag: object.etag };
    },
    getObject(bucket, key) {
      const object = store.object(bucket, key);
      return object && store.read(object);
    },
    listObjects(bucket, prefix = '') {
      return listKeys(store.keys(bucket), { prefix, maxKeys: Infinity }).keys.map((key) => {
        const object = store.object(bucket, key)!;
        return { key, size: object.size, etag: object.etag, lastModified: object.lastModified };
      });
    },
    objectFilePath(bucket, key) {
      const object = store.object(bucket, key);
      return object && sandbox.blobs.filePath(object.location);
    },
  };
}
