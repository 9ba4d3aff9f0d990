// FilterLogEvents' filter pattern for unstructured messages: terms (all must appear), "quoted phrases",
// ?terms (at least one must appear), -terms (must not appear) and %regular expressions%, matched
// case-sensitively as AWS does. JSON ({ $.x = 1 }) and space-delimited ([a, b]) patterns are refused.

import { invalidPattern, unsupportedPattern } from './errors.js';

type Test = (message: string) => boolean;

const TOKEN = /([?-]?)("(?:[^"\\]|\\.)*"|%(?:[^%\\]|\\.)+%|\S+)/g;

export function compileFilterPattern(pattern: string | undefined): Test {
  const text = (pattern ?? '').trim();
  if (text === '' || text === '""') return () => true;
  if (text.startsWith('{')) throw unsupportedPattern('JSON');
  if (text.startsWith('[')) throw unsupportedPattern('Space-delimited');
  const all: Test[] = [];
  const any: Test[] = [];
  for (const [, op, raw] of text.matchAll(TOKEN)) {
    let test: Test;
    if (raw.startsWith('%') && raw.endsWith('%') && raw.length > 2) {
      let re: RegExp;
      try {
        re = new RegExp(raw.slice(1, -1));
      } catch {
        throw invalidPattern(pattern!);
      }
      test = (m) => re.test(m);
    } else {
      const term = raw.startsWith('"') && raw.endsWith('"') && raw.length >= 2 ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw;
      test = (m) => m.includes(term);
    }
    if (op === '?') any.push(test);
    else if (op === '-') all.push((m) => !test(m));
    else all.push(test);
  }
  return (m) => all.every((t) => t(m)) && (any.length === 0 || any.some((t) => t(m)));
}
