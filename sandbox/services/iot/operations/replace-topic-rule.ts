// ReplaceTopicRule: a rule's whole payload replaced, checked as CreateTopicRule checks it.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { ruleName } from '../shapes.js';
import { topicRules } from '../store.js';
import { checkTopicRulePayload, requireRule, topicRulePayloadMembers, type TopicRulePayloadInput } from '../topic-rules.js';

export const replaceTopicRule = defineOperation<TopicRulePayloadInput & { ruleName: string }>({
  name: 'ReplaceTopicRule',
  input: struct({ ruleName: ruleName(), ...topicRulePayloadMembers() }),
  http: { method: 'PATCH', path: '/rules/{ruleName}' },
  handler(input, ctx) {
    const rule = requireRule(ctx, input.ruleName);
    const payload = checkTopicRulePayload(ctx, input);
    topicRules(ctx.sandbox, ctx).set(rule.ruleName, { ...rule, payload });
    return {};
  },
});
