// Policy documents: the grammar IAM enforces when a policy is stored (MalformedPolicyDocument with
// AWS's messages) and the normalised statements the evaluator reads. Identity policies (inline and
// managed) and trust policies obey different rules: a trust policy names a Principal and no Resource.

import { malformedPolicy } from './errors.js';

export type PolicyKind = 'identity' | 'trust';

export interface Statement {
  effect: 'Allow' | 'Deny';
  action?: string[];
  notAction?: string[];
  resource?: string[];
  notResource?: string[];
  principal?: unknown;
  notPrincipal?: unknown;
  condition?: unknown;
}

const VERSIONS = ['2012-10-17', '2008-10-17'];
const TOP_LEVEL = new Set(['Version', 'Id', 'Statement']);
const STATEMENT_KEYS = new Set(['Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Principal', 'NotPrincipal', 'Condition']);
const ACTION = /^(\*|[a-zA-Z0-9-]+:[\w*?-]*)$/;

const syntaxError = () => malformedPolicy('Syntax errors in policy.');

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string-or-list field as a list; undefined when absent; a syntax error for anything else. */
function stringList(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  const items = Array.isArray(value) ? value : [value];
  if (!items.every((v): v is string => typeof v === 'string')) throw syntaxError();
  return items;
}

function rawStatements(doc: Record<string, unknown>): unknown[] {
  const raw = doc.Statement;
  return Array.isArray(raw) ? raw : [raw];
}

/** Validates a document as IAM does when storing it; returns its statements. */
export function parsePolicy(text: string, kind: PolicyKind): Statement[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw kind === 'trust' ? malformedPolicy('This policy contains invalid Json') : syntaxError();
  }
  return readPolicy(doc, kind);
}

function readPolicy(doc: unknown, kind: PolicyKind): Statement[] {
  if (!isObject(doc) || doc.Statement === undefined) throw syntaxError();
  if (Object.keys(doc).some((k) => !TOP_LEVEL.has(k))) throw syntaxError();
  if (doc.Version !== undefined && !VERSIONS.includes(doc.Version as string)) throw malformedPolicy('The policy failed legacy parsing');
  return rawStatements(doc).map((raw) => parseStatement(raw, kind));
}

function parseStatement(raw: unknown, kind: PolicyKind): Statement {
  if (!isObject(raw) || Object.keys(raw).some((k) => !STATEMENT_KEYS.has(k))) throw syntaxError();
  if (raw.Effect !== 'Allow' && raw.Effect !== 'Deny') throw syntaxError();
  const st: Statement = {
    effect: raw.Effect,
    action: stringList(raw.Action),
    notAction: stringList(raw.NotAction),
    resource: stringList(raw.Resource),
    notResource: stringList(raw.NotResource),
    principal: raw.Principal,
    notPrincipal: raw.NotPrincipal,
    condition: raw.Condition,
  };
  if (st.action && st.notAction) throw syntaxError();
  if (!st.action && !st.notAction) throw malformedPolicy('Policy statement must contain actions.');
  for (const action of [...(st.action ?? []), ...(st.notAction ?? [])]) {
    if (!ACTION.test(action)) throw malformedPolicy('Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.');
  }
  if (st.resource && st.notResource) throw syntaxError();
  if (kind === 'trust') {
    if (st.principal === undefined && st.notPrincipal === undefined) throw malformedPolicy('Missing required field Principal');
    if (st.resource || st.notResource) throw malformedPolicy(`Has prohibited field ${st.resource ? 'Resource' : 'NotResource'}`);
  } else {
    if (st.principal !== undefined || st.notPrincipal !== undefined) throw malformedPolicy('Policy document should not specify a principal.');
    if (!st.resource && !st.notResource) throw malformedPolicy('Policy statement must contain resources.');
    for (const resource of [...(st.resource ?? []), ...(st.notResource ?? [])]) {
      if (resource !== '*' && !resource.startsWith('arn:')) throw malformedPolicy(`Resource ${resource} must be in ARN format or "*".`);
    }
  }
  return st;
}

/** Statements of a stored (already validated) document, as text or parsed; an unreadable one has none. */
export function statementsOf(document: unknown, kind: PolicyKind): Statement[] {
  try {
    return typeof document === 'string' ? parsePolicy(document, kind) : readPolicy(document, kind);
  } catch {
    return [];
  }
}

/** How IAM returns documents in its XML: URL-encoded JSON (botocore decodes it; SDK v3 does not). */
export const encodeDocument = (text: string) => encodeURIComponent(text);
