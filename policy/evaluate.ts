// A statement applies to a request when its Principal names the caller (for trust and resource policies),
// its Action (or NotAction) covers the action, its Resource (or NotResource) covers the resource and its
// Condition holds. Among the statements that apply, an explicit Deny beats any Allow; nothing allowed is
// denied implicitly.

import { conditionHolds } from './conditions.js';
import { KnownKeys, type RequestContext } from './context.js';
import { substitute } from './variables.js';
import { matchTokens, patternMatcher } from './wildcard.js';

/** A statement with its fields read; absent fields stay undefined. */
export interface Statement {
  effect: 'Allow' | 'Deny';
  action?: readonly string[];
  notAction?: readonly string[];
  resource?: readonly string[];
  notResource?: readonly string[];
  principal?: unknown;
  notPrincipal?: unknown;
  condition?: unknown;
}

/** Who makes the request, for statements that name a Principal. */
export interface Caller {
  /** A service principal: `lambda.amazonaws.com`. */
  service?: string;
  /** An IAM principal's ARN: `arn:aws:iam::123456789012:role/r`. */
  arn?: string;
}

export interface Request {
  action: string;
  resource: string;
  caller?: Caller;
  /** The condition keys the caller knows; any other key is absent. */
  context?: RequestContext | KnownKeys;
}

export type Decision = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';

const asList = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const strings = (v: unknown): string[] => asList(v).filter((s): s is string => typeof s === 'string');
const accountOf = (arn: string) => arn.split(':')[4];

function namesCaller(principal: unknown, caller: Caller | undefined): boolean {
  if (principal === '*') return true;
  if (typeof principal !== 'object' || principal === null || !caller) return false;
  const p = principal as Record<string, unknown>;
  if (caller.service && strings(p.Service).some((s) => s.toLowerCase() === caller.service!.toLowerCase())) return true;
  if (!caller.arn) return false;
  const account = accountOf(caller.arn);
  return strings(p.AWS).some((a) => a === '*' || a === caller.arn || a === account || a === `arn:aws:iam::${account}:root`);
}

function coversCaller(st: Statement, caller: Caller | undefined): boolean {
  if (st.principal !== undefined) return namesCaller(st.principal, caller);
  if (st.notPrincipal !== undefined) return !namesCaller(st.notPrincipal, caller);
  return true;
}

/** One matcher for a whole Action (or NotAction) list, made once per list: statements are evaluated on every request. */
const actionLists = new WeakMap<readonly string[], RegExp>();

function anyActionMatches(patterns: readonly string[], action: string): boolean {
  let matcher = actionLists.get(patterns);
  if (!matcher) {
    matcher = new RegExp(patterns.map((p) => `(?:${patternMatcher(p, 'plain', true)!.source})`).join('|'), 'is');
    actionLists.set(patterns, matcher);
  }
  return matcher.test(action);
}

function coversAction(st: Statement, action: string): boolean {
  if (st.action) return anyActionMatches(st.action, action);
  if (st.notAction) return !anyActionMatches(st.notAction, action);
  return false;
}

/** A resource pattern (policy variables filled in) against the resource; an unresolved variable matches nothing. */
function resourceMatches(pattern: string, resource: string, keys: KnownKeys): boolean {
  if (!pattern.includes('${')) return patternMatcher(pattern, 'resource')!.test(resource);
  const tokens = substitute(pattern, keys, true);
  return tokens !== undefined && matchTokens(tokens, resource, 'resource');
}

function coversResource(st: Statement, resource: string, keys: KnownKeys): boolean {
  if (st.resource) return st.resource.some((p) => resourceMatches(p, resource, keys));
  if (st.notResource) return !st.notResource.some((p) => resourceMatches(p, resource, keys));
  return true; // trust policies name no resource: the role itself is implied
}

const knownKeys = (context: Request['context']) => (context instanceof KnownKeys ? context : new KnownKeys(context));

/** Whether the statement applies to the request (its Effect aside). */
export function statementApplies(st: Statement, request: Request, keys: KnownKeys = knownKeys(request.context)): boolean {
  return coversCaller(st, request.caller) && coversAction(st, request.action) && coversResource(st, request.resource, keys) && conditionHolds(st.condition, keys);
}

/** The decision of a set of statements for one request, and the statement that made it (none when implicit). */
export function decide<S extends Statement>(statements: readonly S[], request: Request): { decision: Decision; statement?: S } {
  const keys = knownKeys(request.context);
  let allowedBy: S | undefined;
  for (const st of statements) {
    if (!statementApplies(st, request, keys)) continue;
    if (st.effect === 'Deny') return { decision: 'ExplicitDeny', statement: st };
    allowedBy ??= st;
  }
  return allowedBy ? { decision: 'Allow', statement: allowedBy } : { decision: 'ImplicitDeny' };
}

/**
 * The statements of a policy document as AWS writes it (`Effect`, `Action`, ... with a single statement
 * or a list), read leniently: a statement without a valid Effect is left out.
 */
export function readStatements(document: unknown): Statement[] {
  if (typeof document !== 'object' || document === null) return [];
  return asList((document as Record<string, unknown>).Statement).flatMap((raw): Statement[] => {
    if (typeof raw !== 'object' || raw === null) return [];
    const s = raw as Record<string, unknown>;
    if (s.Effect !== 'Allow' && s.Effect !== 'Deny') return [];
    const list = (v: unknown) => (v === undefined ? undefined : strings(v));
    return [
      {
        effect: s.Effect,
        action: list(s.Action),
        notAction: list(s.NotAction),
        resource: list(s.Resource),
        notResource: list(s.NotResource),
        principal: s.Principal,
        notPrincipal: s.NotPrincipal,
        condition: s.Condition,
      },
    ];
  });
}
