// S3 object keys as Firehose names them: `<evaluated prefix><stream>-<version>-YYYY-MM-DD-HH-MM-SS-<uuid><ext>`
// (UTC, time of the oldest record in the object), with the custom-prefix expressions `!{timestamp:<Java
// DateTimeFormatter pattern>}`, `!{firehose:random-string}` and `!{firehose:error-output-type}` and AWS's
// semantic rules for them.

import { randomUUID } from 'node:crypto';
import { invalidArgument, notEmulated } from './errors.js';

type Part = { literal: string } | { namespace: string; value: string };

const EXPRESSION = /!\{([^:}]*):([^}]*)\}/g;
/** Java DateTimeFormatter letters the sandbox evaluates. */
const PATTERN_LETTERS = new Set(['y', 'u', 'M', 'd', 'H', 'm', 's', 'S', 'D']);
const DEFAULT_TIME_PREFIX = 'yyyy/MM/dd/HH/';

export function parsePrefix(prefix: string, field: string): Part[] {
  const parts: Part[] = [];
  let last = 0;
  for (const m of prefix.matchAll(EXPRESSION)) {
    if (m.index! > last) parts.push({ literal: prefix.slice(last, m.index) });
    parts.push({ namespace: m[1], value: m[2] });
    last = m.index! + m[0].length;
  }
  if (last < prefix.length) parts.push({ literal: prefix.slice(last) });
  for (const part of parts) {
    if ('literal' in part && part.literal.includes('!{')) {
      throw invalidArgument(`${field} "${prefix}" is invalid: the sequence !{ can only appear in !{namespace:value} expressions.`);
    }
  }
  return parts;
}

const hasExpressions = (parts: Part[]) => parts.some((p) => 'namespace' in p);

/** AWS's semantic rules for Prefix and ErrorOutputPrefix, checked when a destination is created or updated. */
export function validatePrefixes(prefix: string | undefined, errorPrefix: string | undefined): void {
  const main = parsePrefix(prefix ?? '', 'Prefix');
  const error = parsePrefix(errorPrefix ?? '', 'ErrorOutputPrefix');
  for (const [parts, field] of [
    [main, 'Prefix'],
    [error, 'ErrorOutputPrefix'],
  ] as const) {
    for (const part of parts) {
      if (!('namespace' in part)) continue;
      if (part.namespace === 'timestamp') checkTimestampPattern(part.value, field);
      else if (part.namespace === 'firehose') {
        if (part.value === 'error-output-type') {
          if (field === 'Prefix') throw invalidArgument('The expression !{firehose:error-output-type} can only be used in ErrorOutputPrefix.');
        } else if (part.value !== 'random-string') {
          throw invalidArgument(`Unknown expression !{firehose:${part.value}} in ${field}; supported values are random-string and error-output-type.`);
        }
      } else if (part.namespace === 'partitionKeyFromQuery' || part.namespace === 'partitionKeyFromLambda') {
        throw notEmulated(`dynamic partitioning (!{${part.namespace}:...} in ${field})`);
      } else {
        throw invalidArgument(`Unknown namespace "${part.namespace}" in ${field}; supported namespaces are timestamp and firehose.`);
      }
    }
  }
  if (hasExpressions(main) && !errorPrefix) throw invalidArgument("ErrorOutputPrefix can't be null when Prefix contains expressions");
  if (hasExpressions(error) && !error.some((p) => 'namespace' in p && p.namespace === 'firehose' && p.value === 'error-output-type')) {
    throw invalidArgument('ErrorOutputPrefix must include at least one instance of !{firehose:error-output-type} when it contains expressions.');
  }
}

function checkTimestampPattern(pattern: string, field: string): void {
  for (const token of tokenizeDatePattern(pattern)) {
    if (token.letters && !PATTERN_LETTERS.has(token.letters[0])) {
      throw invalidArgument(`The timestamp pattern "${pattern}" in ${field} uses "${token.letters[0]}", which the sandbox does not evaluate (use y, M, d, H, m, s, S, D).`);
    }
  }
}

type DateToken = { letters?: string; literal?: string };

/** Splits a DateTimeFormatter pattern into runs of one letter and literals ('quoted text', '' for a quote). */
function tokenizeDatePattern(pattern: string): DateToken[] {
  const tokens: DateToken[] = [];
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end === i + 1) tokens.push({ literal: "'" });
      else tokens.push({ literal: pattern.slice(i + 1, end < 0 ? pattern.length : end) });
      i = end < 0 ? pattern.length : end + 1;
    } else if (/[A-Za-z]/.test(c)) {
      let j = i;
      while (pattern[j] === c) j++;
      tokens.push({ letters: pattern.slice(i, j) });
      i = j;
    } else {
      tokens.push({ literal: c });
      i++;
    }
  }
  return tokens;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Formats `time` (epoch ms, UTC) with a DateTimeFormatter pattern. */
export function formatTimestamp(pattern: string, time: number): string {
  const d = new Date(time);
  const dayOfYear = Math.floor((time - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
  return tokenizeDatePattern(pattern)
    .map(({ letters, literal }) => {
      if (literal !== undefined) return literal;
      const n = letters!.length;
      switch (letters![0]) {
        case 'y':
        case 'u':
          return n === 2 ? pad(d.getUTCFullYear() % 100, 2) : pad(d.getUTCFullYear(), n);
        case 'M':
          return pad(d.getUTCMonth() + 1, n);
        case 'd':
          return pad(d.getUTCDate(), n);
        case 'H':
          return pad(d.getUTCHours(), n);
        case 'm':
          return pad(d.getUTCMinutes(), n);
        case 's':
          return pad(d.getUTCSeconds(), n);
        case 'S':
          return pad(d.getUTCMilliseconds(), 3).slice(0, n).padEnd(n, '0');
        case 'D':
          return pad(dayOfYear, n);
        default:
          return letters!;
      }
    })
    .join('');
}

function evaluate(parts: Part[], time: number, errorType: string): string {
  return parts
    .map((part) => {
      if ('literal' in part) return part.literal;
      if (part.namespace === 'timestamp') return formatTimestamp(part.value, time);
      if (part.value === 'random-string') return randomUUID().replace(/-/g, '').slice(0, 11);
      return errorType;
    })
    .join('');
}

/** The prefix of a delivered object: a prefix without a timestamp expression gets `yyyy/MM/dd/HH/` appended. */
export function evaluatePrefix(prefix: string | undefined, time: number): string {
  const parts = parsePrefix(prefix ?? '', 'Prefix');
  if (!parts.some((p) => 'namespace' in p && p.namespace === 'timestamp')) parts.push({ namespace: 'timestamp', value: DEFAULT_TIME_PREFIX });
  return evaluate(parts, time, '');
}

/**
 * The prefix of an error object. Without ErrorOutputPrefix, `<Prefix><error-output-type>/yyyy/MM/dd/HH/`; a
 * plain ErrorOutputPrefix gets `<error-output-type>/yyyy/MM/dd/HH/` appended.
 */
export function evaluateErrorPrefix(prefix: string | undefined, errorPrefix: string | undefined, time: number, errorType: string): string {
  if (!errorPrefix) return `${evaluate(parsePrefix(prefix ?? '', 'Prefix'), time, '')}${errorType}/${formatTimestamp(DEFAULT_TIME_PREFIX, time)}`;
  const parts = parsePrefix(errorPrefix, 'ErrorOutputPrefix');
  if (!hasExpressions(parts)) return `${errorPrefix}${errorType}/${formatTimestamp(DEFAULT_TIME_PREFIX, time)}`;
  return evaluate(parts, time, errorType);
}

/** `<stream>-<version>-YYYY-MM-DD-HH-MM-SS-<uuid><ext>`. */
export function objectSuffix(streamName: string, version: number, time: number, extension: string): string {
  return `${streamName}-${version}-${formatTimestamp('yyyy-MM-dd-HH-mm-ss', time)}-${randomUUID()}${extension}`;
}
