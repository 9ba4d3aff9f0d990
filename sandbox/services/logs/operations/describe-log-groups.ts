// DescribeLogGroups: groups by name, filtered by prefix or (case-insensitive) substring pattern.

import { defineOperation } from '../../definition.js';
import { bool, int, list, str, struct } from '../../../protocols/shapes.js';
import { groupArn, groupName, pageAfter } from '../shapes.js';
import { logGroups, type LogGroup } from '../store.js';
import { prefixAndPattern } from '../errors.js';

const input = struct({
  accountIdentifiers: list(str(), { min: 0, max: 20 }),
  logGroupNamePrefix: groupName(),
  logGroupNamePattern: str({ min: 0, max: 512, pattern: '[\\.\\-_/#A-Za-z0-9]*' }),
  nextToken: str({ min: 1 }),
  limit: int({ min: 1, max: 50 }),
  includeLinkedAccounts: bool(),
  logGroupClass: str({ enum: ['STANDARD', 'INFREQUENT_ACCESS', 'DELIVERY'] }),
  logGroupIdentifiers: list(str(), { min: 1, max: 50 }),
});

interface Input {
  logGroupNamePrefix?: string;
  logGroupNamePattern?: string;
  nextToken?: string;
  limit?: number;
  logGroupClass?: string;
}

export const describeLogGroups = defineOperation<Input>({
  name: 'DescribeLogGroups',
  input,
  handler(input, ctx) {
    if (input.logGroupNamePrefix !== undefined && input.logGroupNamePattern !== undefined) throw prefixAndPattern();
    const pattern = input.logGroupNamePattern?.toLowerCase();
    const groups = logGroups(ctx.sandbox, ctx)
      .values(input.logGroupNamePrefix ?? '')
      .filter((g) => pattern === undefined || g.logGroupName.toLowerCase().includes(pattern))
      .filter(() => input.logGroupClass === undefined || input.logGroupClass === 'STANDARD')
      .sort((a, b) => (a.logGroupName < b.logGroupName ? -1 : 1));
    const { page, nextToken } = pageAfter(groups, (g: LogGroup) => g.logGroupName, input.nextToken, input.limit ?? 50);
    return {
      logGroups: page.map((g) => ({
        logGroupName: g.logGroupName,
        creationTime: g.creationTime,
        retentionInDays: g.retentionInDays,
        metricFilterCount: 0,
        arn: `${groupArn(ctx, g.logGroupName)}:*`,
        storedBytes: g.storedBytes,
        logGroupClass: 'STANDARD',
        logGroupArn: groupArn(ctx, g.logGroupName),
      })),
      nextToken,
    };
  },
});
