// ListTopicRules: the account's rules, optionally those reading one topic pattern or only (dis)abled ones.

import { defineOperation } from '../../definition.js';
import { bool, int, str, struct } from '../../../protocols/shapes.js';
import { page } from '../shapes.js';
import { topicRules } from '../store.js';
import { topicOfSql } from '../topic-rules.js';

export const listTopicRules = defineOperation<{ topic?: string; maxResults?: number; nextToken?: string; ruleDisabled?: boolean }>({
  name: 'ListTopicRules',
  input: struct({ topic: str(), maxResults: int({ min: 1, max: 10000 }), nextToken: str(), ruleDisabled: bool() }),
  http: { method: 'GET', path: '/rules' },
  handler(input, ctx) {
    const rules = topicRules(ctx.sandbox, ctx)
      .values()
      .map((r) => ({ rule: r, topicPattern: topicOfSql(r.payload.sql) }))
      .filter(({ rule, topicPattern }) => (input.topic === undefined || topicPattern === input.topic) && (input.ruleDisabled === undefined || rule.payload.ruleDisabled === input.ruleDisabled))
      .sort((a, b) => a.rule.ruleName.localeCompare(b.rule.ruleName));
    const { items, next } = page(rules, input.nextToken, input.maxResults ?? 1000);
    return {
      rules: items.map(({ rule, topicPattern }) => ({
        ruleArn: rule.ruleArn,
        ruleName: rule.ruleName,
        topicPattern,
        createdAt: new Date(rule.createdAt),
        ruleDisabled: rule.payload.ruleDisabled,
      })),
      nextToken: next,
    };
  },
});
