// GetNamedQuery: one saved query.

import type { Principal } from '../../../edge/context.js';
import type { Sandbox } from '../../../sandbox.js';
import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { namedQueryNotFound } from '../errors.js';
import { namedQueryId } from '../shapes.js';
import { namedQueries, type NamedQueryRecord } from '../store.js';

const input = struct({ NamedQueryId: namedQueryId(true) });

export function requireNamedQuery(sandbox: Sandbox, owner: Principal, id: string): NamedQueryRecord {
  const record = namedQueries(sandbox, owner).get(id);
  if (!record) throw namedQueryNotFound(id);
  return record;
}

export function namedQueryView(q: NamedQueryRecord) {
  return { Name: q.name, Description: q.description, Database: q.database, QueryString: q.queryString, NamedQueryId: q.id, WorkGroup: q.workGroup };
}

export const getNamedQuery = defineOperation<{ NamedQueryId: string }>({
  name: 'GetNamedQuery',
  input,
  handler(input, ctx) {
    return { NamedQuery: namedQueryView(requireNamedQuery(ctx.sandbox, ctx, input.NamedQueryId)) };
  },
});
