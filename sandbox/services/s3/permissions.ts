// The IAM permissions S3's operations need. S3's actions are not all named after operations (a
// listing is s3:ListBucket, a HEAD is the GET's permission, multipart uploads are s3:PutObject); object
// calls act on `arn:aws:s3:::<bucket>/<key>`, bucket calls on `arn:aws:s3:::<bucket>`.

import type { RequestContext } from '../../edge/context.js';
import type { Permission } from '../definition.js';

/** Operations whose action is not `s3:<Operation>`. */
const ACTIONS: Record<string, string> = {
  ListBuckets: 's3:ListAllMyBuckets',
  ListObjects: 's3:ListBucket',
  ListObjectsV2: 's3:ListBucket',
  HeadBucket: 's3:ListBucket',
  ListObjectVersions: 's3:ListBucketVersions',
  ListMultipartUploads: 's3:ListBucketMultipartUploads',
  ListParts: 's3:ListMultipartUploadParts',
  HeadObject: 's3:GetObject',
  CreateMultipartUpload: 's3:PutObject',
  UploadPart: 's3:PutObject',
  CompleteMultipartUpload: 's3:PutObject',
  CopyObject: 's3:PutObject',
  DeleteObjects: 's3:DeleteObject',
  DeleteBucketTagging: 's3:PutBucketTagging',
};

/** Object calls whose resource is the object (or, for DeleteObjects, every object it may name). */
const OBJECT_OPERATIONS = new Set(['GetObject', 'HeadObject', 'PutObject', 'DeleteObject', 'DeleteObjects', 'CopyObject', 'CreateMultipartUpload', 'UploadPart', 'CompleteMultipartUpload', 'AbortMultipartUpload', 'ListParts', 'GetObjectTagging', 'PutObjectTagging', 'DeleteObjectTagging']);

export function permissions(operation: string, input: { Bucket?: string; Key?: string }, ctx: RequestContext): Permission[] {
  const action = ACTIONS[operation] ?? `s3:${operation}`;
  if (!input.Bucket) return [{ action, resource: '*' }];
  const bucket = `arn:aws:s3:::${input.Bucket}`;
  if (!OBJECT_OPERATIONS.has(operation)) return [{ action, resource: bucket }];
  const needs = [{ action, resource: `${bucket}/${operation === 'DeleteObjects' ? '*' : input.Key ?? ''}` }];
  // A copy also reads its source: `x-amz-copy-source: /bucket/key` (URL-encoded, optionally ?versionId=).
  const source = operation === 'CopyObject' ? ctx.http.headers['x-amz-copy-source'] : undefined;
  if (source) needs.push({ action: 's3:GetObject', resource: `arn:aws:s3:::${decodeURIComponent(source.split('?')[0]!.replace(/^\//, ''))}` });
  return needs;
}
