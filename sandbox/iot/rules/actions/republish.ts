// The republish action: the rule's output published again on a templated topic (and so seen by
// subscribers and by the rules, as in AWS).

import { substitute } from '../templates.js';
import { failureFrom, requireRole, resourceArn, text, ActionFailure, type RuleActionHandler } from './action.js';

export const republishAction: RuleActionHandler = {
  actionType: 'Republish',
  failedAction: 'RepublishAction',
  async run(params, ctx) {
    const topic = substitute(text(params.topic), ctx.message);
    try {
      if (!topic || /[+#]/.test(topic)) throw new ActionFailure(topic, `Invalid topic to republish to: '${topic}'`);
      requireRole(ctx, params.roleArn, 'iot:Publish', resourceArn('iot', ctx, `topic/${topic}`), topic);
      ctx.republish(topic, ctx.output, params.qos === 1 ? 1 : 0);
    } catch (err) {
      throw failureFrom(topic, err);
    }
  },
};
