// UpdateNamedQuery: a saved query's name, description and text.

import { defineOperation } from '../../definition.js';
import { str, struct } from '../../../protocols/shapes.js';
import { nameString, namedQueryId, queryString } from '../shapes.js';
import { namedQueries } from '../store.js';
import { requireNamedQuery } from './get-named-query.js';

const input = struct({ NamedQueryId: namedQueryId(true), Name: nameString(true), Description: str({ min: 0, max: 1024 }), QueryString: queryString(true) });

export const updateNamedQuery = defineOperation<{ NamedQueryId: string; Name: string; Description?: string; QueryString: string }>({
  name: 'UpdateNamedQuery',
  input,
  handler(input, ctx) {
    const record = requireNamedQuery(ctx.sandbox, ctx, input.NamedQueryId);
    namedQueries(ctx.sandbox, ctx).set(record.id, { ...record, name: input.Name, description: input.Description ?? record.description, queryString: input.QueryString });
    return {};
  },
});
