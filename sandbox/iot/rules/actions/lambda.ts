// The lambda action: an asynchronous (Event) invocation with the rule's output as the payload, allowed
// only if the function's resource policy lets iot.amazonaws.com invoke it.

import { failureFrom, text, ActionFailure, type RuleActionHandler } from './action.js';

export const lambdaAction: RuleActionHandler = {
  actionType: 'Lambda',
  failedAction: 'LambdaAction',
  async run(params, ctx) {
    const functionArn = text(params.functionArn);
    try {
      const lambda = ctx.sandbox.api('lambda');
      const caller = { principal: 'iot.amazonaws.com', sourceArn: ctx.ruleArn, sourceAccount: ctx.owner.accountId };
      if (lambda.getFunction(ctx.owner, functionArn) && !lambda.allowsInvoke(ctx.owner, functionArn, caller)) {
        throw new ActionFailure(functionArn, `The resource policy of ${functionArn} does not allow iot.amazonaws.com to call lambda:InvokeFunction from ${ctx.ruleArn}`);
      }
      await lambda.invoke(ctx.owner, functionArn, ctx.output, { invocationType: 'Event' });
    } catch (err) {
      throw failureFrom(functionArn, err);
    }
  },
};
