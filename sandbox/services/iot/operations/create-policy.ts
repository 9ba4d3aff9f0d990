// CreatePolicy: a policy whose first version (1) is its default.

import { randomUUID } from 'node:crypto';
import { defineOperation } from '../../definition.js';
import { str, struct } from '../../../protocols/shapes.js';
import { policyExists } from '../errors.js';
import { checkPolicyDocument } from '../policies.js';
import { iotArn, policyName, tagList, tagsToMap } from '../shapes.js';
import { policies, tags } from '../store.js';

interface Input {
  policyName: string;
  policyDocument: string;
  tags?: { Key: string; Value?: string }[];
}

export const createPolicy = defineOperation<Input>({
  name: 'CreatePolicy',
  input: struct({ policyName: policyName(), policyDocument: str({ required: true, max: 404600 }), tags: tagList() }),
  http: { method: 'POST', path: '/policies/{policyName}' },
  handler(input, ctx) {
    const table = policies(ctx.sandbox, ctx);
    const policyArn = iotArn(ctx, `policy/${input.policyName}`);
    if (table.get(input.policyName)) throw policyExists(input.policyName, policyArn);
    checkPolicyDocument(input.policyDocument);
    const now = ctx.clock.now();
    table.set(input.policyName, {
      policyName: input.policyName,
      policyArn,
      versions: [{ versionId: '1', document: input.policyDocument, createdAt: now }],
      defaultVersionId: '1',
      lastVersionId: 1,
      createdAt: now,
      lastModifiedAt: now,
      generationId: randomUUID().replace(/-/g, ''),
    });
    if (input.tags?.length) tags(ctx.sandbox, ctx).set(policyArn, tagsToMap(input.tags));
    return { policyName: input.policyName, policyArn, policyDocument: input.policyDocument, policyVersionId: '1' };
  },
});
