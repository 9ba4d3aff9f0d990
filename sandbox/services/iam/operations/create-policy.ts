// CreatePolicy: a customer managed policy (version v1), unique by name in the account.

import { defineOperation } from '../../definition.js';
import { str, struct } from '../../../protocols/shapes.js';
import { policyExists } from '../errors.js';
import { mergeTags, newId, policyArn, policyView } from '../model.js';
import { parsePolicy } from '../policy-document.js';
import { policyDocument, policyName, policyPath, tags } from '../shapes.js';
import { nameKey, policies, type Tag } from '../store.js';

interface Input {
  PolicyName: string;
  PolicyDocument: string;
  Path?: string;
  Description?: string;
  Tags?: Tag[];
}

export const createPolicy = defineOperation<Input>({
  name: 'CreatePolicy',
  input: struct({ PolicyName: policyName(), Path: policyPath(), PolicyDocument: policyDocument(), Description: str({ max: 1000 }), Tags: tags() }),
  handler(input, ctx) {
    const table = policies(ctx.sandbox, ctx);
    if (table.has(nameKey(input.PolicyName))) throw policyExists(input.PolicyName);
    parsePolicy(input.PolicyDocument, 'identity');
    const path = input.Path ?? '/';
    const now = ctx.clock.now();
    const policy = {
      policyName: input.PolicyName,
      policyId: newId('ANPA'),
      path,
      arn: policyArn(ctx.accountId, path, input.PolicyName),
      description: input.Description,
      document: input.PolicyDocument,
      defaultVersionId: 'v1',
      createDate: now,
      updateDate: now,
      tags: mergeTags([], input.Tags ?? []),
    };
    table.set(nameKey(policy.policyName), policy);
    return { Policy: policyView({ ...policy, awsManaged: false }, 0, { full: true }) };
  },
});
