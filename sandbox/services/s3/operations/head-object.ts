// HeadObject: GetObject's headers without the body (a missing key is a bodiless 404).

import { defineOperation } from '../../definition.js';
import { readObject } from '../object-read.js';

export const headObject = defineOperation<{ Bucket: string; Key: string }>({
  name: 'HeadObject',
  http: { method: 'HEAD', path: '/{Bucket}/{Key+}' },
  handler({ Bucket, Key }, ctx) {
    return readObject(ctx, Bucket, Key, { body: false });
  },
});
