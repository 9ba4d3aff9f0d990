// Policy variables in Resource and Condition values: `${aws:username}`, `${iot:ClientId}`, with a default
// `${aws:PrincipalTag/team, 'none'}` (a quote inside the default is written twice), and `${*}`, `${?}`,
// `${$}` for a literal `*`, `?` and `$`. Substitution is one pass: a substituted value or default is
// literal text, never read as a wildcard or another variable. A variable whose key is absent (or
// multivalued) and has no default leaves the value unresolved: it then matches nothing.

import type { KnownKeys } from './context.js';

/** A value after substitution: literal text and the wildcards the value itself wrote. */
export type Token = { text: string } | { wildcard: '*' | '?' };

const LITERAL: Record<string, string> = { '*': '*', '?': '?', $: '$' };

interface Variable {
  name: string;
  fallback?: string;
  end: number;
}

/** The variable starting at `start` (at `${`), or undefined when the text there is not one. */
function readVariable(text: string, start: number): Variable | undefined {
  let i = start + 2;
  let name = '';
  while (i < text.length && text[i] !== '}' && text[i] !== ',') name += text[i++];
  if (i >= text.length) return undefined;
  if (text[i] === '}') return name.trim() ? { name: name.trim(), end: i + 1 } : undefined;
  i++;
  while (text[i] === ' ') i++;
  if (text[i] !== "'") return undefined;
  let fallback = '';
  for (i++; i < text.length; i++) {
    if (text[i] !== "'") fallback += text[i];
    else if (text[i + 1] === "'") fallback += text[i++];
    else break;
  }
  if (i >= text.length) return undefined;
  i++;
  while (text[i] === ' ') i++;
  if (text[i] !== '}' || !name.trim()) return undefined;
  return { name: name.trim(), fallback, end: i + 1 };
}

/**
 * The value with its variables filled in from the request, as tokens; undefined when a variable has no
 * value. With `wildcards` false (StringEquals and the like) `*` and `?` are ordinary characters.
 */
export function substitute(value: string, keys: KnownKeys, wildcards: boolean): Token[] | undefined {
  const tokens: Token[] = [];
  let text = '';
  const flush = () => {
    if (text) tokens.push({ text });
    text = '';
  };
  for (let i = 0; i < value.length; ) {
    const c = value[i]!;
    if (c === '$' && value[i + 1] === '{') {
      const variable = readVariable(value, i);
      if (variable) {
        const resolved = LITERAL[variable.name] ?? keys.single(variable.name) ?? variable.fallback;
        if (resolved === undefined) return undefined;
        text += resolved;
        i = variable.end;
        continue;
      }
    }
    if (wildcards && (c === '*' || c === '?')) {
      flush();
      tokens.push({ wildcard: c });
    } else {
      text += c;
    }
    i++;
  }
  flush();
  return tokens;
}

/** The value's text when it resolves (wildcards kept as characters), else undefined. */
export function substituteText(value: string, keys: KnownKeys): string | undefined {
  return substitute(value, keys, false)?.map((t) => ('text' in t ? t.text : t.wildcard)).join('');
}
