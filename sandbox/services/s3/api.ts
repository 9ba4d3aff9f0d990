// What other services ask S3 in-process: Firehose delivers objects, the workbook's later services read them.

import type { Principal } from '../../edge/context.js';

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
