// UpdateTable: replaces a table's definition; VersionId goes up by one and the previous version stays
// archived unless SkipArchive. A VersionId that is not the current one is a concurrent modification.

import { defineOperation } from '../../definition.js';
import { any, bool, str, struct } from '../../../protocols/shapes.js';
import { ServiceError } from '../../../protocols/errors.js';
import { catalogId, nameString, tableInput, TEXT, transactionId } from '../shapes.js';
import { requireTable, updateTable as update, type TableInput } from '../catalog.js';
import { invalidInput, notEmulated } from '../errors.js';

const input = struct({
  CatalogId: catalogId,
  DatabaseName: nameString(true),
  Name: nameString(),
  TableInput: tableInput(),
  SkipArchive: bool(),
  TransactionId: transactionId,
  VersionId: str({ min: 1, max: 255, pattern: TEXT }),
  ViewUpdateAction: str({ enum: ['ADD', 'REPLACE', 'ADD_OR_REPLACE', 'DROP'] }),
  Force: bool(),
  UpdateOpenTableFormatInput: any(),
});

export const updateTable = defineOperation<{ DatabaseName: string; TableInput?: TableInput; SkipArchive?: boolean; VersionId?: string; UpdateOpenTableFormatInput?: unknown }>({
  name: 'UpdateTable',
  input,
  handler(input, ctx) {
    if (input.UpdateOpenTableFormatInput !== undefined) throw notEmulated('open table formats (UpdateOpenTableFormatInput)');
    if (!input.TableInput) throw invalidInput('TableInput is required.');
    const current = requireTable(ctx.sandbox, ctx, input.DatabaseName, input.TableInput.Name);
    if (input.VersionId !== undefined && input.VersionId !== String(current.VersionId)) {
      throw new ServiceError('ConcurrentModificationException', 'Update table failed due to concurrent modifications.');
    }
    update(ctx.sandbox, ctx, input.DatabaseName, input.TableInput, ctx.clock.now(), input.SkipArchive ?? false);
    return {};
  },
});
