// Policy evaluation for in-process questions ("may this role write to that table?", "may Lambda assume
// this role?"), over the project's one policy language (policy/): wildcards, policy variables, explicit
// Deny beating Allow, and conditions evaluated against the keys the sandbox knows about the request
// (below); any other key is absent, with AWS's rules for absent keys.

import { decide, regionOf, timeKeys, type RequestContext } from '../../../policy/index.js';
import type { Statement } from './policy-document.js';

/** IAM's wildcard match: `*` any run of characters, `?` exactly one. */
export { wildcardMatch } from '../../../policy/index.js';

export type Decision = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';

/** The decision of a set of identity policies' statements for one action on one resource. */
export function evaluate(statements: Statement[], action: string, resource: string, context: RequestContext = {}): Decision {
  return decide(statements, { action, resource, context }).decision;
}

/** Whether a trust policy's statements let a service principal call sts:AssumeRole. */
export function trustsService(statements: Statement[], servicePrincipal: string, context: RequestContext = {}): boolean {
  // A trust policy names no Resource: the role it belongs to is implied.
  return decide(statements, { action: 'sts:AssumeRole', resource: '*', caller: { service: servicePrincipal }, context }).decision === 'Allow';
}

/** Keys every request to the sandbox has: the time, and plain http (the endpoint has no TLS). */
function requestKeys(now: number): RequestContext {
  return { ...timeKeys(now), 'aws:SecureTransport': 'false' };
}

/**
 * What the sandbox knows when a service acts as a role (`arn:aws:iam::<account>:role/...`) on a resource:
 * the principal (the role's account and ARN, an assumed role), the region asked for (the resource ARN's
 * region, when it names one), the time and the transport.
 */
export function roleRequestKeys(roleArn: string, resource: string, now: number): RequestContext {
  return {
    ...requestKeys(now),
    'aws:PrincipalAccount': roleArn.split(':')[4],
    'aws:PrincipalArn': roleArn,
    'aws:PrincipalType': 'AssumedRole',
    'aws:RequestedRegion': regionOf(resource),
  };
}

/** The resource a service assumes a role for: aws:SourceAccount and aws:SourceArn of the AssumeRole call. */
export interface OnBehalfOf {
  sourceAccount?: string;
  sourceArn?: string;
  region?: string;
}

/**
 * What the sandbox knows when a service principal assumes a role for a resource. A role cannot be passed
 * to a service in another account, so without a word from the caller the source account is the role's
 * own; the source ARN is known only when the caller names it.
 */
export function assumeRoleKeys(roleArn: string, servicePrincipal: string, onBehalfOf: OnBehalfOf, now: number): RequestContext {
  return {
    ...requestKeys(now),
    'aws:PrincipalServiceName': servicePrincipal,
    'aws:PrincipalType': 'Service',
    'aws:SourceAccount': onBehalfOf.sourceAccount ?? roleArn.split(':')[4],
    'aws:SourceArn': onBehalfOf.sourceArn,
    'aws:RequestedRegion': onBehalfOf.region,
  };
}
