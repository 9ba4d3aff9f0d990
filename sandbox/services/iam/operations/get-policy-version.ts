// GetPolicyVersion: a managed policy's document (URL-encoded, as IAM returns documents). Policies here
// have one version, their default.

import { defineOperation } from '../../definition.js';
import { str, struct } from '../../../protocols/shapes.js';
import { policyNotFound, policyVersionNotFound } from '../errors.js';
import { findPolicy } from '../model.js';
import { encodeDocument } from '../policy-document.js';
import { arn } from '../shapes.js';

export const getPolicyVersion = defineOperation<{ PolicyArn: string; VersionId: string }>({
  name: 'GetPolicyVersion',
  input: struct({ PolicyArn: arn(), VersionId: str({ required: true, pattern: 'v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?' }) }),
  handler(input, ctx) {
    const policy = findPolicy(ctx.sandbox, ctx, input.PolicyArn);
    if (!policy) throw policyNotFound(input.PolicyArn);
    if (input.VersionId !== policy.defaultVersionId) throw policyVersionNotFound(policy.arn, input.VersionId);
    return {
      PolicyVersion: {
        Document: encodeDocument(policy.document),
        VersionId: policy.defaultVersionId,
        IsDefaultVersion: true,
        CreateDate: new Date(policy.updateDate),
      },
    };
  },
});
