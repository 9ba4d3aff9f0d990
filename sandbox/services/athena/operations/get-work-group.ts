// GetWorkGroup: one workgroup with its configuration (`primary` always answers).

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { workGroupName } from '../shapes.js';
import { requireWorkGroup, workGroupView } from '../workgroups.js';

const input = struct({ WorkGroup: workGroupName(true) });

export const getWorkGroup = defineOperation<{ WorkGroup: string }>({
  name: 'GetWorkGroup',
  input,
  handler(input, ctx) {
    return { WorkGroup: workGroupView(requireWorkGroup(ctx.sandbox, ctx, input.WorkGroup)) };
  },
});
