// CreateTable: dynalite creates the table (CREATING, then ACTIVE after the provisioning delay); the
// sandbox adds what dynalite drops: AWS's message for a taken name, and the `Tags` given at creation.

import { defineOperation } from '../../definition.js';
import { isServiceError } from '../../../protocols/errors.js';
import { tableAlreadyExists } from '../errors.js';
import { callDynalite } from '../operation.js';

interface CreateTableInput {
  TableName?: unknown;
  Tags?: unknown;
}

export const createTable = defineOperation({
  name: 'CreateTable',
  async handler(input: CreateTableInput, ctx) {
    const tags = Array.isArray(input?.Tags) && input.Tags.length > 0 ? input.Tags : undefined;
    let output: { TableDescription: { TableArn: string } };
    try {
      output = await callDynalite(ctx, 'CreateTable', input);
    } catch (err) {
      if (isServiceError(err) && err.code === 'ResourceInUseException' && !err.message) throw tableAlreadyExists(String(input.TableName));
      throw err;
    }
    if (tags) await callDynalite(ctx, 'TagResource', { ResourceArn: output.TableDescription.TableArn, Tags: tags });
    return output;
  },
});
