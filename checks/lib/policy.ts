// Whether a role (or a certificate) may do one action on one resource, judged from its IAM or IoT policy
// documents with the project's one policy language (policy/). We evaluate ourselves because IAM's
// SimulatePrincipalPolicy is not available everywhere the checks run.
//
// Conditions are evaluated against what a check knows about the request it reasons about: the time it
// runs, the region of the resource (a service calls the resource's region), the service principal that
// assumes a role, and whatever the caller passes (IoT's iot:ClientId and iot:Connection.Thing.ThingName,
// aws:SourceAccount for a trust policy). A check cannot know the rest of a real request: the transport
// (aws:SecureTransport: TLS in AWS, plain http in the local sandbox), the source address or VPC, the
// session's tags, the exact source ARN of a service acting for a resource. Those keys are treated as
// absent, with AWS's rules for absent keys (a positive operator fails, a negated one, ...IfExists and
// ForAllValues hold).

import { decide, readStatements, regionOf, timeKeys, type RequestContext, type Statement as LanguageStatement } from '../../policy/index.js';

export interface Statement {
  Effect?: string;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Principal?: unknown;
  Condition?: unknown;
}

export interface PolicyDocument {
  Version?: string;
  Statement?: Statement | Statement[];
}

/** A document with where it came from, so a failure can name the policy. */
export interface NamedPolicy {
  name: string;
  document: PolicyDocument;
}

export type Decision = 'allowed' | 'denied' | 'implicitly-denied';

/** IAM returns documents URL-encoded (SDK v3 does not decode them); accept both forms. */
export function parsePolicyDocument(text: string | undefined): PolicyDocument {
  if (!text) return {};
  const trimmed = text.trim();
  const json = trimmed.startsWith('{') ? trimmed : decodeURIComponent(trimmed);
  return JSON.parse(json) as PolicyDocument;
}

export function statementsOf(document: PolicyDocument): Statement[] {
  const s = document.Statement;
  return s === undefined ? [] : Array.isArray(s) ? s : [s];
}

/** IAM wildcards: `*` any run of characters, `?` one character. */
export { wildcardMatch } from '../../policy/index.js';

/** The keys every check knows about the request it judges, under the caller's own. */
function knownKeys(resource: string | undefined, extra: RequestContext): RequestContext {
  return { ...timeKeys(Date.now()), 'aws:RequestedRegion': resource === undefined ? undefined : regionOf(resource), ...extra };
}

/**
 * Explicit deny wins over allow; nothing said is an implicit deny. `variables` are condition keys the
 * caller knows about the request (IoT's policy variables among them); any other key is absent.
 */
export function evaluate(policies: readonly NamedPolicy[], action: string, resource: string, variables: Record<string, string> = {}): { decision: Decision; by?: string } {
  const source = new Map<LanguageStatement, string>();
  const statements = policies.flatMap((policy) => readStatements(policy.document).map((st) => (source.set(st, policy.name), st)));
  const { decision, statement } = decide(statements, { action, resource, context: knownKeys(resource, variables) });
  if (decision === 'ExplicitDeny') return { decision: 'denied', by: source.get(statement!) };
  if (decision === 'Allow') return { decision: 'allowed', by: source.get(statement!) };
  return { decision: 'implicitly-denied' };
}

/**
 * Whether a trust policy lets a service principal (`lambda.amazonaws.com`) assume the role; `known` adds
 * what the caller knows about the AssumeRole request (aws:SourceAccount: the account the service acts for).
 */
export function trustsService(trust: PolicyDocument, service: string, known: RequestContext = {}): boolean {
  const context = knownKeys(undefined, { 'aws:PrincipalServiceName': service, ...known });
  return decide(readStatements(trust), { action: 'sts:AssumeRole', resource: '*', caller: { service }, context }).decision === 'Allow';
}
