// Tokens of Athena's two SQL dialects (Trino for queries, Hive for DDL) with their line:column, so every
// error can point where Athena points ("line 1:8"). Comments and whitespace are not tokens: a translation
// keeps the text between tokens as it was.

import { QueryFailure } from '../query-errors.js';

export type TokenKind =
  /** An unquoted word: keyword or identifier. */
  | 'word'
  /** "quoted identifier" (Trino) */
  | 'quoted'
  /** `backquoted identifier` (Hive DDL) */
  | 'backquoted'
  /** 'string literal' */
  | 'string'
  | 'number'
  /** Operators and punctuation. */
  | 'op'
  | 'eof';

export interface Token {
  kind: TokenKind;
  /** The token as written. */
  text: string;
  /** Identifiers and strings unquoted; words as written. */
  value: string;
  /** Offsets into the statement. */
  start: number;
  end: number;
  /** 1-based, as Athena's messages count. */
  line: number;
  col: number;
}

const OPERATORS = ['<>', '<=', '>=', '!=', '||', '->', '=>', '::'];
const SINGLE = new Set([...'=<>+-*/%(),.;[]:?{}|&^~']);

/** `hive`: DDL strings, where a backslash escapes the next character ('\'' is a quote); Trino's strings have no escapes. */
export function tokenize(sql: string, { hive = false } = {}): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const at = (start: number) => ({ line, col: start - lineStart + 1 });
  const advanceLines = (from: number, to: number) => {
    for (let k = from; k < to; k++) {
      if (sql.charCodeAt(k) === 10) {
        line++;
        lineStart = k + 1;
      }
    }
  };
  while (i < sql.length) {
    const c = sql[i]!;
    if (c === '\n' || c === ' ' || c === '\t' || c === '\r' || c === '\f') {
      advanceLines(i, i + 1);
      i++;
      continue;
    }
    if (c === '-' && sql[i + 1] === '-') {
      while (i < sql.length && sql[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && sql[i + 1] === '*') {
      const close = sql.indexOf('*/', i + 2);
      const end = close < 0 ? sql.length : close + 2;
      advanceLines(i, end);
      i = end;
      continue;
    }
    const start = i;
    const pos = at(start);
    if (c === "'" || c === '"' || c === '`') {
      let value = '';
      let j = i + 1;
      let closed = false;
      while (j < sql.length) {
        const d = sql[j]!;
        if (d === c) {
          if (sql[j + 1] === c) {
            value += c;
            j += 2;
            continue;
          }
          closed = true;
          j++;
          break;
        }
        // Hive's DDL strings take backslash escapes ('\t', '\''); Trino's do not.
        if (hive && d === '\\' && c === "'" && j + 1 < sql.length) {
          value += d + sql[j + 1];
          j += 2;
          continue;
        }
        value += d;
        j++;
      }
      if (!closed) throw QueryFailure.syntax(pos.line, pos.col, `mismatched input '${sql.slice(start, start + 1)}'`);
      advanceLines(start, j);
      tokens.push({ kind: c === "'" ? 'string' : c === '"' ? 'quoted' : 'backquoted', text: sql.slice(start, j), value, start, end: j, ...pos });
      i = j;
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(sql[i + 1] ?? ''))) {
      const m = /^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/.exec(sql.slice(i))!;
      let j = i + m[0].length;
      // Identifiers may start with digits in Trino (a table named 2026_data): a number glued to letters is a word.
      if (/[A-Za-z_]/.test(sql[j] ?? '') && !/[eE.]/.test(m[0])) {
        while (j < sql.length && /[A-Za-z0-9_@$]/.test(sql[j]!)) j++;
        tokens.push({ kind: 'word', text: sql.slice(i, j), value: sql.slice(i, j), start, end: j, ...pos });
      } else tokens.push({ kind: 'number', text: m[0], value: m[0], start, end: j, ...pos });
      i = j;
      continue;
    }
    if (/[A-Za-z_]/.test(c) || c.charCodeAt(0) > 127) {
      let j = i + 1;
      while (j < sql.length && (/[A-Za-z0-9_@$]/.test(sql[j]!) || sql.charCodeAt(j) > 127)) j++;
      const text = sql.slice(i, j);
      tokens.push({ kind: 'word', text, value: text, start, end: j, ...pos });
      i = j;
      continue;
    }
    const two = sql.slice(i, i + 2);
    const op = OPERATORS.includes(two) ? two : SINGLE.has(c) ? c : undefined;
    if (!op) throw QueryFailure.syntax(pos.line, pos.col, `mismatched input '${c}'`);
    tokens.push({ kind: 'op', text: op, value: op, start, end: i + op.length, ...pos });
    i += op.length;
  }
  tokens.push({ kind: 'eof', text: '<EOF>', value: '', start: sql.length, end: sql.length, ...at(sql.length) });
  return tokens;
}

/** A word token equal to one of `words`, case-insensitively. */
export function isWord(token: Token | undefined, ...words: string[]): boolean {
  if (!token || token.kind !== 'word') return false;
  const upper = token.text.toUpperCase();
  return words.includes(upper);
}

/** An identifier (plain, quoted or backquoted) and its name in lower case, as the catalog stores names. */
export function isIdentifier(token: Token | undefined): boolean {
  return !!token && (token.kind === 'word' || token.kind === 'quoted' || token.kind === 'backquoted');
}

export function identifierName(token: Token): string {
  return (token.kind === 'word' ? token.text : token.value).toLowerCase();
}

export function isOp(token: Token | undefined, ...ops: string[]): boolean {
  return !!token && token.kind === 'op' && ops.includes(token.text);
}
