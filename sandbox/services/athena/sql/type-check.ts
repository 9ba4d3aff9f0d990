// The comparison Trino refuses and DuckDB quietly casts: a string column against a number, or a number
// column against a string (WHERE partition_0 = 2026 on a crawled table, a classic of lab 4). Checked in the
// WHERE clause of a query block that reads one table, for the table's own columns, so a valid query is
// never refused; Trino's TYPE_MISMATCH at the operator is what Athena answers.

import { QueryFailure } from '../query-errors.js';
import { identifierName, isIdentifier, isOp, type Token } from './lexer.js';
import type { TableRef } from './query.js';

const COMPARISONS = new Set(['=', '<>', '!=', '<', '<=', '>', '>=']);
const STRING = /^(string|varchar|char)/;
const NUMERIC: [RegExp, string][] = [
  [/^(int|integer)$/, 'integer'],
  [/^bigint$/, 'bigint'],
  [/^smallint$/, 'smallint'],
  [/^tinyint$/, 'tinyint'],
  [/^double$/, 'double'],
  [/^(float|real)$/, 'real'],
];

/** Trino's name for a Hive column type, when it is one this check compares. */
function trinoType(hive: string): string | undefined {
  if (STRING.test(hive)) return 'varchar';
  return NUMERIC.find(([re]) => re.test(hive))?.[1];
}

function literalType(t: Token): string | undefined {
  if (t.kind === 'string') return `varchar(${[...t.value].length})`;
  if (t.kind === 'number') return /[eE]/.test(t.text) ? 'double' : t.text.includes('.') ? `decimal(${t.text.replace('.', '').replace(/^0+(?=\d)/, '').length},${t.text.split('.')[1]!.length})` : 'integer';
  return undefined;
}

/** Throws TYPE_MISMATCH for a string/number comparison of a table's column with a literal. */
export function checkComparisons(tokens: Token[], refs: { ref: TableRef; columnTypes: Map<string, string> }[]): void {
  const byWhere = new Map<string, { ref: TableRef; columnTypes: Map<string, string> }[]>();
  for (const r of refs) if (r.ref.where) byWhere.set(r.ref.where.join(':'), [...(byWhere.get(r.ref.where.join(':')) ?? []), r]);
  for (const group of byWhere.values()) {
    if (group.length !== 1) continue;
    const { ref, columnTypes } = group[0]!;
    const [from, to] = ref.where!;
    let depth = 0;
    for (let i = from; i < to; i++) {
      const t = tokens[i]!;
      if (isOp(t, '(')) depth++;
      if (isOp(t, ')')) depth--;
      if (depth !== 0 || t.kind !== 'op' || !COMPARISONS.has(t.text)) continue;
      const left = column(tokens, i - 1, ref.alias, columnTypes, from);
      const right = tokens[i + 1];
      const leftLiteral = tokens[i - 1];
      const rightColumn = right && isIdentifier(right) ? columnAt(tokens, i + 1, ref.alias, columnTypes, to) : undefined;
      const pairs: [string | undefined, string | undefined][] = [
        [left, right && i + 2 <= to && !isOp(tokens[i + 2], '.', '(', '[', '||', '+', '-', '*', '/', '%') ? literalType(right) : undefined],
        [leftLiteral && !isOp(tokens[i - 2], '.', '||', '+', '-', '*', '/', '%') ? literalType(leftLiteral) : undefined, rightColumn],
      ];
      for (const [a, b] of pairs) {
        if (!a || !b) continue;
        if (a.startsWith('varchar') !== b.startsWith('varchar')) throw new QueryFailure(2, 1006, `TYPE_MISMATCH: line ${t.line}:${t.col}: Cannot apply operator: ${a} ${t.text === '!=' ? '<>' : t.text} ${b}`);
      }
    }
  }
}

/** The Trino type of the column whose name ends at `end` (`col` or `alias.col`), alone on its side. */
function column(tokens: Token[], end: number, alias: string, types: Map<string, string>, from: number): string | undefined {
  const t = tokens[end];
  if (!t || !isIdentifier(t) || end < from) return undefined;
  let start = end;
  if (isOp(tokens[end - 1], '.')) {
    const q = tokens[end - 2];
    if (!q || !isIdentifier(q) || identifierName(q) !== alias || isOp(tokens[end - 3], '.')) return undefined;
    start = end - 2;
  }
  const before = tokens[start - 1];
  if (start > from && before && (before.kind === 'op' ? !['(', ','].includes(before.text) : !/^(AND|OR|NOT|WHERE)$/i.test(before.text))) return undefined;
  const hive = types.get(identifierName(t));
  return hive ? trinoType(hive) : undefined;
}

function columnAt(tokens: Token[], start: number, alias: string, types: Map<string, string>, to: number): string | undefined {
  let end = start;
  if (isOp(tokens[start + 1], '.')) {
    if (identifierName(tokens[start]!) !== alias || !tokens[start + 2] || !isIdentifier(tokens[start + 2])) return undefined;
    end = start + 2;
  }
  const after = tokens[end + 1];
  if (end + 1 < to && after && !(after.kind === 'word' && /^(AND|OR)$/i.test(after.text)) && !isOp(after, ')')) return undefined;
  const hive = types.get(identifierName(tokens[end]!));
  return hive ? trinoType(hive) : undefined;
}
