// Partition pruning: a query block's WHERE clause read as a boolean expression over the table's partition
// columns, evaluated for each partition with three values (true, false, unknown). A partition is skipped
// only when the clause is false for it whatever the other columns hold, so pruning never changes a
// result; it changes which files are read, and so DataScannedInBytes, as in Athena.

import { identifierName, isIdentifier, isOp, isWord, type Token } from './lexer.js';

type Tri = boolean | undefined;
type Test = (values: Map<string, string>) => Tri;

export interface PartitionColumn {
  name: string;
  /** Hive type of the partition key. */
  type: string;
}

const NUMERIC = /^(int|integer|bigint|smallint|tinyint|double|float|real|decimal)/;
const STRING = /^(string|varchar|char)/;

/**
 * A test of partition values (by column name) against `tokens[range]`: false only when the partition
 * cannot satisfy the clause. `alias` is how the query qualifies the table's columns.
 */
export function partitionFilter(tokens: Token[], range: [number, number], alias: string, columns: PartitionColumn[]): (values: Map<string, string>) => boolean {
  const byName = new Map(columns.map((c) => [c.name, c]));
  const [from, to] = range;
  let i = from;
  const at = () => (i < to ? tokens[i] : undefined);

  const or = (): Test => {
    const parts = [and()];
    while (isWord(at(), 'OR')) {
      i++;
      parts.push(and());
    }
    return parts.length === 1 ? parts[0]! : (v) => triOr(parts.map((p) => p(v)));
  };
  const and = (): Test => {
    const parts = [not()];
    while (isWord(at(), 'AND')) {
      i++;
      parts.push(not());
    }
    return parts.length === 1 ? parts[0]! : (v) => triAnd(parts.map((p) => p(v)));
  };
  const not = (): Test => {
    if (isWord(at(), 'NOT')) {
      i++;
      const inner = not();
      return (v) => {
        const r = inner(v);
        return r === undefined ? undefined : !r;
      };
    }
    return primary();
  };
  const primary = (): Test => {
    if (isOp(at(), '(')) {
      const save = i;
      i++;
      const inner = or();
      if (isOp(at(), ')')) {
        i++;
        const next = at();
        if (!next || isWord(next, 'AND', 'OR') || isOp(next, ')')) return inner;
      }
      i = save;
    }
    return predicate(collect());
  };
  /** The tokens of one predicate: up to AND/OR/')' at its own depth (BETWEEN's AND belongs to it). */
  const collect = (): Token[] => {
    const out: Token[] = [];
    let depth = 0;
    let between = false;
    while (i < to) {
      const t = tokens[i]!;
      if (depth === 0 && (isWord(t, 'OR') || (isWord(t, 'AND') && !between) || isOp(t, ')'))) break;
      if (depth === 0 && isWord(t, 'AND')) between = false;
      if (depth === 0 && isWord(t, 'BETWEEN')) between = true;
      if (isOp(t, '(')) depth++;
      if (isOp(t, ')')) depth--;
      out.push(t);
      i++;
    }
    if (out.length === 0 && i < to) i++;
    return out;
  };

  const column = (p: Token[], k: number): { column: PartitionColumn; next: number } | undefined => {
    const t = p[k];
    if (!t || !isIdentifier(t)) return undefined;
    let name = identifierName(t);
    let next = k + 1;
    if (isOp(p[k + 1], '.')) {
      const field = p[k + 2];
      if (!field || !isIdentifier(field) || name !== alias) return undefined;
      name = identifierName(field);
      next = k + 3;
    }
    const c = byName.get(name);
    return c && { column: c, next };
  };
  const literal = (p: Token[], k: number): { value: string | number; next: number } | undefined => {
    const t = p[k];
    if (!t) return undefined;
    if (t.kind === 'string') return { value: t.value, next: k + 1 };
    if (t.kind === 'number') return { value: Number(t.text), next: k + 1 };
    if (isOp(t, '-') && p[k + 1]?.kind === 'number') return { value: -Number(p[k + 1]!.text), next: k + 2 };
    return undefined;
  };
  const compare = (c: PartitionColumn, raw: string, lit: string | number): number | undefined => {
    if (STRING.test(c.type) && typeof lit === 'string') return raw < lit ? -1 : raw > lit ? 1 : 0;
    if (NUMERIC.test(c.type) && typeof lit === 'number') {
      const n = Number(raw);
      if (raw.trim() === '' || Number.isNaN(n)) return undefined;
      return n < lit ? -1 : n > lit ? 1 : 0;
    }
    return undefined;
  };
  const OPS: Record<string, (c: number) => boolean> = {
    '=': (c) => c === 0,
    '<>': (c) => c !== 0,
    '!=': (c) => c !== 0,
    '<': (c) => c < 0,
    '<=': (c) => c <= 0,
    '>': (c) => c > 0,
    '>=': (c) => c >= 0,
  };
  const FLIP: Record<string, string> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

  const predicate = (p: Token[]): Test => {
    const unknown: Test = () => undefined;
    const col = column(p, 0);
    if (col) {
      const { column: c, next } = col;
      const op = p[next];
      if (op && op.kind === 'op' && OPS[op.text]) {
        const lit = literal(p, next + 1);
        if (!lit || lit.next !== p.length) return unknown;
        return (v) => {
          const r = compare(c, v.get(c.name) ?? '', lit.value);
          return r === undefined ? undefined : OPS[op.text]!(r);
        };
      }
      let k = next;
      const negated = isWord(p[k], 'NOT');
      if (negated) k++;
      const neg = (r: Tri): Tri => (r === undefined ? undefined : negated ? !r : r);
      if (isWord(p[k], 'IN') && isOp(p[k + 1], '(')) {
        const values: (string | number)[] = [];
        k += 2;
        for (;;) {
          const lit = literal(p, k);
          if (!lit) return unknown;
          values.push(lit.value);
          k = lit.next;
          if (isOp(p[k], ',')) {
            k++;
            continue;
          }
          break;
        }
        if (!isOp(p[k], ')') || k + 1 !== p.length) return unknown;
        return (v) => {
          const results = values.map((lit) => compare(c, v.get(c.name) ?? '', lit));
          if (results.includes(0)) return neg(true);
          return results.includes(undefined) ? undefined : neg(false);
        };
      }
      if (isWord(p[k], 'BETWEEN')) {
        const low = literal(p, k + 1);
        if (!low || !isWord(p[low.next], 'AND')) return unknown;
        const high = literal(p, low.next + 1);
        if (!high || high.next !== p.length) return unknown;
        return (v) => {
          const a = compare(c, v.get(c.name) ?? '', low.value);
          const b = compare(c, v.get(c.name) ?? '', high.value);
          return a === undefined || b === undefined ? undefined : neg(a >= 0 && b <= 0);
        };
      }
      if (isWord(p[k], 'LIKE') && p[k + 1]?.kind === 'string' && k + 2 === p.length && STRING.test(c.type)) {
        const re = likePattern(p[k + 1]!.value);
        return (v) => neg(re.test(v.get(c.name) ?? ''));
      }
      if (!negated && isWord(p[k], 'IS') && k + 2 <= p.length) {
        // Partition values are never NULL.
        if (isWord(p[k + 1], 'NULL') && k + 2 === p.length) return () => false;
        if (isWord(p[k + 1], 'NOT') && isWord(p[k + 2], 'NULL') && k + 3 === p.length) return () => true;
      }
      return unknown;
    }
    // literal op column
    const lit = literal(p, 0);
    if (lit && p[lit.next]?.kind === 'op' && OPS[p[lit.next]!.text]) {
      const op = p[lit.next]!.text;
      const right = column(p, lit.next + 1);
      if (!right || right.next !== p.length) return unknown;
      const flipped = FLIP[op] ?? op;
      return (v) => {
        const r = compare(right.column, v.get(right.column.name) ?? '', lit.value);
        return r === undefined ? undefined : OPS[flipped]!(r);
      };
    }
    return unknown;
  };

  let test: Test;
  try {
    test = or();
  } catch {
    test = () => undefined;
  }
  return (values) => test(values) !== false;
}

function triAnd(values: Tri[]): Tri {
  if (values.includes(false)) return false;
  return values.includes(undefined) ? undefined : true;
}

function triOr(values: Tri[]): Tri {
  if (values.includes(true)) return true;
  return values.includes(undefined) ? undefined : false;
}

function likePattern(pattern: string): RegExp {
  let re = '';
  for (const c of pattern) re += c === '%' ? '[\\s\\S]*' : c === '_' ? '[\\s\\S]' : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${re}$`);
}
