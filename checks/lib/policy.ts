// A small evaluator of IAM and IoT policy documents: enough to say whether a role (or a certificate)
// may do one action on one resource. We evaluate ourselves because IAM's SimulatePrincipalPolicy is
// not available everywhere the checks run; conditions are not evaluated (the labs do not use them).

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

const asList = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** IAM wildcards: `*` any run of characters, `?` one character. */
export function wildcardMatch(pattern: string, value: string, caseInsensitive = false): boolean {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${source}$`, caseInsensitive ? 'i' : '').test(value);
}

/** Replaces policy variables (`${iot:ClientId}`) with the values known for this request. */
function substitute(pattern: string, variables: Record<string, string>): string {
  return pattern.replace(/\$\{([^}]+)\}/g, (whole, name: string) => variables[name] ?? whole);
}

function matchesAction(statement: Statement, action: string): boolean {
  if (statement.NotAction !== undefined) return !asList(statement.NotAction).some((p) => wildcardMatch(p, action, true));
  return asList(statement.Action).some((p) => wildcardMatch(p, action, true));
}

function matchesResource(statement: Statement, resource: string, variables: Record<string, string>): boolean {
  const matches = (p: string) => wildcardMatch(substitute(p, variables), resource);
  if (statement.NotResource !== undefined) return !asList(statement.NotResource).some(matches);
  return asList(statement.Resource).some(matches);
}

/** Explicit deny wins over allow; nothing said is an implicit deny. */
export function evaluate(policies: readonly NamedPolicy[], action: string, resource: string, variables: Record<string, string> = {}): { decision: Decision; by?: string } {
  let allowedBy: string | undefined;
  for (const policy of policies) {
    for (const statement of statementsOf(policy.document)) {
      if (!matchesAction(statement, action) || !matchesResource(statement, resource, variables)) continue;
      if (statement.Effect === 'Deny') return { decision: 'denied', by: policy.name };
      if (statement.Effect === 'Allow') allowedBy ??= policy.name;
    }
  }
  return allowedBy ? { decision: 'allowed', by: allowedBy } : { decision: 'implicitly-denied' };
}

/** Whether a trust policy lets a service principal (`lambda.amazonaws.com`) assume the role. */
export function trustsService(trust: PolicyDocument, service: string): boolean {
  return statementsOf(trust).some((s) => {
    if (s.Effect !== 'Allow' || !matchesAction(s, 'sts:AssumeRole')) return false;
    const principal = s.Principal;
    if (principal === '*') return true;
    if (!principal || typeof principal !== 'object') return false;
    const services = (principal as { Service?: string | string[] }).Service;
    return asList(services).includes(service);
  });
}
