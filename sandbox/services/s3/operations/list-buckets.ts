// ListBuckets: the caller's buckets in every region, by name, optionally filtered and paginated.

import { defineOperation } from '../../definition.js';
import { invalidArgument } from '../errors.js';
import { maxParameter, ownerOf } from '../request.js';
import { s3Store } from '../store.js';

const MAX_BUCKETS = 10000;

export const listBuckets = defineOperation({
  name: 'ListBuckets',
  http: { method: 'GET', path: '/' },
  handler(_input, ctx) {
    const query = ctx.http.query;
    const prefix = query.get('prefix') ?? '';
    const region = query.get('bucket-region');
    const token = query.get('continuation-token');
    const after = token === null ? undefined : Buffer.from(token, 'base64url').toString();
    if (token !== null && !after) throw invalidArgument('The continuation token provided is incorrect', 'continuation-token', token);
    const max = maxParameter(ctx, 'max-buckets', MAX_BUCKETS);
    const mine = s3Store(ctx.sandbox)
      .buckets.values()
      .filter((b) => b.accountId === ctx.accountId && b.name.startsWith(prefix) && (!region || b.region === region) && (!after || b.name > after))
      .sort((a, b) => (a.name < b.name ? -1 : 1));
    const page = mine.slice(0, max);
    const truncated = mine.length > page.length;
    return {
      ListAllMyBucketsResult: {
        Buckets: { Bucket: page.map((b) => ({ Name: b.name, CreationDate: new Date(b.created), BucketRegion: b.region })) },
        Owner: ownerOf(ctx.accountId),
        ContinuationToken: truncated ? Buffer.from(page[page.length - 1].name).toString('base64url') : undefined,
        Prefix: query.has('prefix') ? prefix : undefined,
      },
    };
  },
});
