// Policy evaluation for in-process questions ("may this role write to that table?", "may Lambda assume
// this role?"): Action/NotAction and Resource/NotResource with `*` and `?` wildcards, actions compared
// without case, an explicit Deny beats any Allow, and nothing allowed is denied.
// Conditions cannot be evaluated without a real request, so a conditional statement gets the benefit of
// the doubt: a conditional Allow counts, a conditional Deny does not.

import type { Statement } from './policy-document.js';

const globCache = new Map<string, RegExp>();

/** IAM's wildcard match: `*` any run of characters, `?` exactly one. */
export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
  const key = `${ignoreCase ? 'i' : 's'}:${pattern}`;
  let re = globCache.get(key);
  if (!re) {
    const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
    re = new RegExp(`^${body}$`, ignoreCase ? 'is' : 's');
    if (globCache.size > 10_000) globCache.clear();
    globCache.set(key, re);
  }
  return re.test(value);
}

const anyMatch = (patterns: string[], value: string, ignoreCase: boolean) => patterns.some((p) => wildcardMatch(p, value, ignoreCase));

function coversAction(st: Statement, action: string): boolean {
  if (st.action) return anyMatch(st.action, action, true);
  return !anyMatch(st.notAction ?? [], action, true);
}

function coversResource(st: Statement, resource: string): boolean {
  if (st.resource) return anyMatch(st.resource, resource, false);
  if (st.notResource) return !anyMatch(st.notResource, resource, false);
  return true;
}

export type Decision = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';

/** The decision of a set of identity policies' statements for one action on one resource. */
export function evaluate(statements: Statement[], action: string, resource: string): Decision {
  let allowed = false;
  for (const st of statements) {
    if (!coversAction(st, action) || !coversResource(st, resource)) continue;
    if (st.effect === 'Deny') {
      if (st.condition === undefined) return 'ExplicitDeny';
    } else {
      allowed = true;
    }
  }
  return allowed ? 'Allow' : 'ImplicitDeny';
}

function namesService(principal: unknown, servicePrincipal: string): boolean {
  if (principal === '*') return true;
  if (typeof principal !== 'object' || principal === null) return false;
  const service = (principal as Record<string, unknown>).Service;
  const services = Array.isArray(service) ? service : [service];
  return services.some((s) => typeof s === 'string' && s.toLowerCase() === servicePrincipal.toLowerCase());
}

/** Whether a trust policy's statements let a service principal call sts:AssumeRole. */
export function trustsService(statements: Statement[], servicePrincipal: string): boolean {
  let trusted = false;
  for (const st of statements) {
    if (!coversAction(st, 'sts:AssumeRole') || !namesService(st.principal, servicePrincipal)) continue;
    if (st.effect === 'Deny') {
      if (st.condition === undefined) return false;
    } else {
      trusted = true;
    }
  }
  return trusted;
}
