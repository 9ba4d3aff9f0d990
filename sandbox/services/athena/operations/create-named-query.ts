// CreateNamedQuery: a saved query in a workgroup (primary by default); a repeated ClientRequestToken
// returns the first call's id.

import { randomUUID } from 'node:crypto';
import { defineOperation } from '../../definition.js';
import { str, struct } from '../../../protocols/shapes.js';
import { idempotencyMismatch, workGroupNotFoundUnnamed } from '../errors.js';
import { databaseString, idempotencyToken, nameString, queryString, workGroupName } from '../shapes.js';
import { namedQueries, PRIMARY, tokens } from '../store.js';
import { requireWorkGroup } from '../workgroups.js';

const input = struct({
  Name: nameString(true),
  Description: str({ min: 1, max: 1024 }),
  Database: databaseString(true),
  QueryString: queryString(true),
  ClientRequestToken: idempotencyToken,
  WorkGroup: workGroupName(),
});

interface Input {
  Name: string;
  Description?: string;
  Database: string;
  QueryString: string;
  ClientRequestToken?: string;
  WorkGroup?: string;
}

export const createNamedQuery = defineOperation<Input>({
  name: 'CreateNamedQuery',
  input,
  handler(input, ctx) {
    const wg = requireWorkGroup(ctx.sandbox, ctx, input.WorkGroup ?? PRIMARY, workGroupNotFoundUnnamed);
    const table = namedQueries(ctx.sandbox, ctx);
    const tokenTable = tokens(ctx.sandbox, ctx);
    if (input.ClientRequestToken) {
      const previous = tokenTable.get(`named/${input.ClientRequestToken}`);
      const record = previous ? table.get(previous) : undefined;
      if (record) {
        if (record.queryString !== input.QueryString || record.name !== input.Name || record.database !== input.Database) throw idempotencyMismatch();
        return { NamedQueryId: record.id };
      }
    }
    const id = randomUUID();
    table.set(id, {
      id,
      name: input.Name,
      description: input.Description,
      database: input.Database,
      queryString: input.QueryString,
      workGroup: wg.name,
      clientRequestToken: input.ClientRequestToken,
      createdAt: ctx.clock.now(),
    });
    if (input.ClientRequestToken) tokenTable.set(`named/${input.ClientRequestToken}`, id);
    return { NamedQueryId: id };
  },
});
