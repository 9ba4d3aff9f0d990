// BatchGetNamedQuery: up to 50 saved queries; ids not found come back as UnprocessedNamedQueryIds.

import { defineOperation } from '../../definition.js';
import { list, struct } from '../../../protocols/shapes.js';
import { namedQueryId } from '../shapes.js';
import { namedQueries } from '../store.js';
import { namedQueryView } from './get-named-query.js';

const input = struct({ NamedQueryIds: list(namedQueryId(), { required: true, min: 1, max: 50 }) });

export const batchGetNamedQuery = defineOperation<{ NamedQueryIds: string[] }>({
  name: 'BatchGetNamedQuery',
  input,
  handler(input, ctx) {
    const table = namedQueries(ctx.sandbox, ctx);
    const found = [];
    const unprocessed = [];
    for (const id of input.NamedQueryIds) {
      const record = table.get(id);
      if (record) found.push(namedQueryView(record));
      else unprocessed.push({ NamedQueryId: id, ErrorCode: 'INVALID_INPUT', ErrorMessage: `NamedQuery ${id} was not found` });
    }
    return { NamedQueries: found, UnprocessedNamedQueryIds: unprocessed };
  },
});
