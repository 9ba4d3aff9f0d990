// Wildcard matching as IAM does it, in three flavours:
// - plain (actions, StringLike): `*` any run of characters, `?` exactly one;
// - resource ARNs (Resource, NotResource): `*` and `?` stay inside the colon-separated segment they are
//   written in, except that a `*` ending a segment may run on across colons (AWS's documented rule, so
//   `arn:aws:s3:::bucket/*` covers keys with colons and `arn:aws:logs:*:*:*` everything);
// - ARN conditions (ArnLike, ArnEquals): the six parts (partition, service, region, account, resource)
//   are matched one by one and no wildcard spans two; a pattern with fewer parts matches nothing.

import type { Token } from './variables.js';

export type WildcardMode = 'plain' | 'resource' | 'arn';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const compiled = new Map<string, RegExp>();

function regexp(source: string, ignoreCase: boolean): RegExp {
  const key = `${ignoreCase ? 'i' : 's'}${source}`;
  let re = compiled.get(key);
  if (!re) {
    re = new RegExp(`^${source}$`, ignoreCase ? 'is' : 's');
    if (compiled.size > 10_000) compiled.clear();
    compiled.set(key, re);
  }
  return re;
}

/** The character that follows token `i` in the pattern, or undefined at its end. */
function nextChar(tokens: readonly Token[], i: number): string | undefined {
  const next = tokens[i + 1];
  if (!next) return undefined;
  return 'text' in next ? next.text[0] : next.wildcard;
}

function resourceSource(tokens: readonly Token[]): string {
  return tokens
    .map((t, i) => {
      if ('text' in t) return escape(t.text);
      if (t.wildcard === '?') return '[^:]';
      const endsSegment = nextChar(tokens, i) === undefined || nextChar(tokens, i) === ':';
      return endsSegment ? '.*' : '[^:]*';
    })
    .join('');
}

function arnSource(tokens: readonly Token[]): string | undefined {
  let colons = 0;
  let source = '';
  for (const t of tokens) {
    if ('text' in t) {
      for (const c of t.text) {
        if (c === ':') colons++;
        source += escape(c);
      }
    } else if (colons < 5) {
      source += t.wildcard === '*' ? '[^:]*' : '[^:]';
    } else {
      source += t.wildcard === '*' ? '.*' : '.';
    }
  }
  return colons >= 5 ? source : undefined;
}

/** Whether `value` matches the (already substituted) pattern. */
export function matchTokens(tokens: readonly Token[], value: string, mode: WildcardMode, ignoreCase = false): boolean {
  if (mode === 'arn') {
    const source = arnSource(tokens);
    return source !== undefined && regexp(source, ignoreCase).test(value);
  }
  const source = mode === 'resource' ? resourceSource(tokens) : plainSource(tokens);
  return regexp(source, ignoreCase).test(value);
}

/** A pattern's characters as tokens, `*` and `?` being wildcards (no policy variables). */
export function tokensOf(pattern: string): Token[] {
  return pattern.split(/([*?])/).flatMap((part): Token[] => (part === '' ? [] : part === '*' || part === '?' ? [{ wildcard: part }] : [{ text: part }]));
}

const plainSource = (tokens: readonly Token[]) => tokens.map((t) => ('text' in t ? escape(t.text) : t.wildcard === '*' ? '.*' : '.')).join('');

/** Compiled patterns without policy variables, by mode and case: a policy's patterns are matched on every request. */
const byPattern = new Map<string, RegExp | null>();

/** The matcher of a pattern with no policy variables in `mode`; null for an ARN pattern that can match nothing. */
export function patternMatcher(pattern: string, mode: WildcardMode, ignoreCase = false): RegExp | null {
  const key = `${mode}/${ignoreCase ? 'i' : 's'}/${pattern}`;
  let matcher = byPattern.get(key);
  if (matcher === undefined) {
    const tokens = tokensOf(pattern);
    const source = mode === 'arn' ? arnSource(tokens) : mode === 'resource' ? resourceSource(tokens) : plainSource(tokens);
    matcher = source === undefined ? null : new RegExp(`^${source}$`, ignoreCase ? 'is' : 's');
    if (byPattern.size > 10_000) byPattern.clear();
    byPattern.set(key, matcher);
  }
  return matcher;
}

/** IAM's plain wildcard match: `*` any run of characters, `?` exactly one, everything else literally. */
export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
  return patternMatcher(pattern, 'plain', ignoreCase)!.test(value);
}
