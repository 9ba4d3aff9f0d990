// DecreaseStreamRetentionPeriod: shorter retention (not below 24 hours); older records are trimmed.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { retentionNotDecrease } from '../errors.js';
import { checkRetention, type RetentionInput } from '../retention.js';
import { refOf, requireStream, saveStream } from '../store.js';
import { retentionInput } from '../shapes.js';
import { emptyResult } from '../empty-result.js';

export const decreaseStreamRetentionPeriod = defineOperation<RetentionInput>({
  name: 'DecreaseStreamRetentionPeriod',
  input: struct(retentionInput()),
  handler(input, ctx) {
    checkRetention(input.RetentionPeriodHours);
    const stream = requireStream(ctx, input, 'active');
    if (input.RetentionPeriodHours > stream.retentionHours) throw retentionNotDecrease(refOf(stream), input.RetentionPeriodHours, stream.retentionHours);
    saveStream(ctx.sandbox, { ...stream, retentionHours: input.RetentionPeriodHours });
    return emptyResult(ctx);
  },
});
