// DeleteNamedQuery: removes a saved query.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { namedQueryId } from '../shapes.js';
import { namedQueries } from '../store.js';
import { requireNamedQuery } from './get-named-query.js';

const input = struct({ NamedQueryId: namedQueryId(true) });

export const deleteNamedQuery = defineOperation<{ NamedQueryId: string }>({
  name: 'DeleteNamedQuery',
  input,
  handler(input, ctx) {
    const record = requireNamedQuery(ctx.sandbox, ctx, input.NamedQueryId);
    namedQueries(ctx.sandbox, ctx).delete(record.id);
    return {};
  },
});
