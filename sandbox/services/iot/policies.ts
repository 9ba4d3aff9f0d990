// Policies: lookup, document validation, and the version views the policy operations return.

import type { RequestContext } from '../../edge/context.js';
import { parseIotPolicy } from '../../iot/policy.js';
import { malformedPolicy, policyNotFound } from './errors.js';
import { policies, type PolicyRecord } from './store.js';

export function requirePolicy(ctx: RequestContext, policyName: string): PolicyRecord {
  const policy = policies(ctx.sandbox, ctx).get(policyName);
  if (!policy) throw policyNotFound(policyName);
  return policy;
}

export function checkPolicyDocument(document: string): void {
  if (!parseIotPolicy(document)) throw malformedPolicy();
}

export const defaultVersion = (policy: PolicyRecord) => policy.versions.find((v) => v.versionId === policy.defaultVersionId)!;
