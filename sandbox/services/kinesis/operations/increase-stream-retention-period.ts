// IncreaseStreamRetentionPeriod: longer retention (24 to 8760 hours), never shorter than now.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { retentionNotIncrease } from '../errors.js';
import { checkRetention, type RetentionInput } from '../retention.js';
import { refOf, requireStream, saveStream } from '../store.js';
import { retentionInput } from '../shapes.js';
import { emptyResult } from '../empty-result.js';

export const increaseStreamRetentionPeriod = defineOperation<RetentionInput>({
  name: 'IncreaseStreamRetentionPeriod',
  input: struct(retentionInput()),
  readOnly: false,
  handler(input, ctx) {
    checkRetention(input.RetentionPeriodHours);
    const stream = requireStream(ctx, input, 'active');
    if (input.RetentionPeriodHours < stream.retentionHours) throw retentionNotIncrease(refOf(stream), input.RetentionPeriodHours, stream.retentionHours);
    saveStream(ctx.sandbox, { ...stream, retentionHours: input.RetentionPeriodHours });
    return emptyResult(ctx);
  },
});
