// DisableTopicRule: a disabled rule matches nothing until it is enabled again.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { ruleName } from '../shapes.js';
import { topicRules } from '../store.js';
import { requireRule } from '../topic-rules.js';

export const disableTopicRule = defineOperation<{ ruleName: string }>({
  name: 'DisableTopicRule',
  input: struct({ ruleName: ruleName() }),
  http: { method: 'POST', path: '/rules/{ruleName}/disable' },
  handler(input, ctx) {
    const rule = requireRule(ctx, input.ruleName);
    topicRules(ctx.sandbox, ctx).set(rule.ruleName, { ...rule, payload: { ...rule.payload, ruleDisabled: true } });
    return {};
  },
});
