// CreateTopicRule: a rule whose SQL parses and whose roles IoT can assume; tags may come in the
// x-amz-tagging header as a query string.

import { defineOperation } from '../../definition.js';
import { str, struct } from '../../../protocols/shapes.js';
import { ruleExists } from '../errors.js';
import { iotArn, ruleName } from '../shapes.js';
import { tags, topicRules } from '../store.js';
import { checkTopicRulePayload, topicRulePayloadMembers, type TopicRulePayloadInput } from '../topic-rules.js';

export const createTopicRule = defineOperation<TopicRulePayloadInput & { ruleName: string; tags?: string }>({
  name: 'CreateTopicRule',
  input: struct({ ruleName: ruleName(), ...topicRulePayloadMembers(), tags: str() }),
  http: { method: 'POST', path: '/rules/{ruleName}', headers: { tags: 'x-amz-tagging' } },
  handler(input, ctx) {
    const table = topicRules(ctx.sandbox, ctx);
    const ruleArn = iotArn(ctx, `rule/${input.ruleName}`);
    if (table.get(input.ruleName)) throw ruleExists(input.ruleName, ruleArn);
    const payload = checkTopicRulePayload(ctx, input);
    table.set(input.ruleName, { ruleName: input.ruleName, ruleArn, payload, createdAt: ctx.clock.now() });
    if (input.tags) tags(ctx.sandbox, ctx).set(ruleArn, Object.fromEntries(new URLSearchParams(input.tags)));
    return {};
  },
});
