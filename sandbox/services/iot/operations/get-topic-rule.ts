// GetTopicRule: a rule as stored, with its topic pattern.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { ruleName } from '../shapes.js';
import { requireRule } from '../topic-rules.js';

export const getTopicRule = defineOperation<{ ruleName: string }>({
  name: 'GetTopicRule',
  input: struct({ ruleName: ruleName() }),
  http: { method: 'GET', path: '/rules/{ruleName}' },
  handler(input, ctx) {
    const rule = requireRule(ctx, input.ruleName);
    const { payload } = rule;
    return {
      ruleArn: rule.ruleArn,
      rule: {
        ruleName: rule.ruleName,
        sql: payload.sql,
        description: payload.description,
        createdAt: new Date(rule.createdAt),
        actions: payload.actions,
        ruleDisabled: payload.ruleDisabled,
        awsIotSqlVersion: payload.awsIotSqlVersion,
        errorAction: payload.errorAction,
      },
    };
  },
});
