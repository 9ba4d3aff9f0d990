// GetObject: the object's bytes (or a Range of them) with its stored headers and metadata.

import { defineOperation } from '../../definition.js';
import { readObject } from '../object-read.js';
import { refuseSubresources } from '../request.js';

export const getObject = defineOperation<{ Bucket: string; Key: string }>({
  name: 'GetObject',
  http: { method: 'GET', path: '/{Bucket}/{Key+}' },
  handler({ Bucket, Key }, ctx) {
    refuseSubresources(ctx);
    return readObject(ctx, Bucket, Key, { body: true });
  },
});
