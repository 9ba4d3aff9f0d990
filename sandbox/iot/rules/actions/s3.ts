// The s3 action: the rule's output stored as one object under a templated key.

import { substitute } from '../templates.js';
import { failureFrom, requireRole, text, type RuleActionHandler } from './action.js';

export const s3Action: RuleActionHandler = {
  actionType: 'S3',
  failedAction: 'S3Action',
  async run(params, ctx) {
    const bucket = text(params.bucketName);
    const key = substitute(text(params.key), ctx.message);
    try {
      requireRole(ctx, params.roleArn, 's3:PutObject', `arn:aws:s3:::${bucket}/${key}`, bucket);
      ctx.sandbox.api('s3').putObject(ctx.owner, bucket, key, ctx.output);
    } catch (err) {
      throw failureFrom(bucket, err);
    }
  },
};
