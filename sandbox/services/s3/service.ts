// Amazon S3: buckets (global names, per-account ownership, regions, tags), objects stored as plain
// files, listings, multipart uploads, aws-chunked bodies with verified checksums; restXml on the wire.

import type { Sandbox } from '../../sandbox.js';
import { defineService } from '../definition.js';
import { permissions } from './permissions.js';
import { s3Api } from './api.js';
import { virtualHostToPath } from './virtual-host.js';
import { abortMultipartUpload } from './operations/abort-multipart-upload.js';
import { completeMultipartUpload } from './operations/complete-multipart-upload.js';
import { copyObject } from './operations/copy-object.js';
import { createBucket } from './operations/create-bucket.js';
import { createMultipartUpload } from './operations/create-multipart-upload.js';
import { deleteBucket } from './operations/delete-bucket.js';
import { deleteBucketTagging } from './operations/delete-bucket-tagging.js';
import { deleteObject } from './operations/delete-object.js';
import { deleteObjects } from './operations/delete-objects.js';
import { getBucketLocation } from './operations/get-bucket-location.js';
import { getBucketTagging } from './operations/get-bucket-tagging.js';
import { getObject } from './operations/get-object.js';
import { headBucket } from './operations/head-bucket.js';
import { headObject } from './operations/head-object.js';
import { listBuckets } from './operations/list-buckets.js';
import { listMultipartUploads } from './operations/list-multipart-uploads.js';
import { listObjectVersions } from './operations/list-object-versions.js';
import { listObjects } from './operations/list-objects.js';
import { listObjectsV2 } from './operations/list-objects-v2.js';
import { listParts } from './operations/list-parts.js';
import { putBucketTagging } from './operations/put-bucket-tagging.js';
import { putObject } from './operations/put-object.js';
import { uploadPart } from './operations/upload-part.js';

export const service = defineService({
  name: 's3',
  signingName: 's3',
  protocols: ['restXml'],
  answersUnnamedPaths: true,
  permissions,
  rewrite: virtualHostToPath,
  operations: [
    listBuckets,
    createBucket,
    headBucket,
    deleteBucket,
    getBucketLocation,
    putBucketTagging,
    getBucketTagging,
    deleteBucketTagging,
    putObject,
    getObject,
    headObject,
    deleteObject,
    deleteObjects,
    copyObject,
    listObjectsV2,
    listObjects,
    listObjectVersions,
    createMultipartUpload,
    uploadPart,
    completeMultipartUpload,
    abortMultipartUpload,
    listParts,
    listMultipartUploads,
  ],
});

export function start(sandbox: Sandbox): void {
  sandbox.apis.s3 = s3Api(sandbox);
}
