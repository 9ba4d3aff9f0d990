// GetDatabases: the account's databases in name order, 100 a page by default.

import { defineOperation } from '../../definition.js';
import { int, list, str, struct } from '../../../protocols/shapes.js';
import { catalogId, token } from '../shapes.js';
import { databaseView } from '../catalog.js';
import { databases } from '../store.js';
import { page } from '../paging.js';

const input = struct({
  CatalogId: catalogId,
  NextToken: token,
  MaxResults: int({ min: 1, max: 100 }),
  ResourceShareType: str({ enum: ['FOREIGN', 'ALL', 'FEDERATED'] }),
  AttributesToGet: list(str({ enum: ['NAME', 'TARGET_DATABASE'] })),
});

export const getDatabases = defineOperation<{ NextToken?: string; MaxResults?: number; AttributesToGet?: string[] }>({
  name: 'GetDatabases',
  input,
  handler(input, ctx) {
    const all = databases(ctx.sandbox, ctx)
      .values()
      .sort((a, b) => (a.Name < b.Name ? -1 : 1));
    const { items, NextToken } = page(all, (d) => d.Name, input.MaxResults ?? 100, input.NextToken);
    const onlyNames = input.AttributesToGet?.length && input.AttributesToGet.every((a) => a === 'NAME');
    return { DatabaseList: items.map((d) => (onlyNames ? { Name: d.Name } : databaseView(d, ctx.accountId))), NextToken };
  },
});
