// GetPartitions' Expression: the SQL WHERE subset Glue reads with JSQLParser. Comparisons of a partition
// key with a literal (=, <>, !=, <, <=, >, >=), [NOT] IN, [NOT] BETWEEN, [NOT] LIKE, IS [NOT] NULL, combined
// with AND, OR, NOT and parentheses. A key compares as its declared type: numeric types as numbers
// (a value that is no number is Glue's InvalidStateException), everything else as text. A column that is
// not a partition key, or text that does not parse, is Glue's "Invalid partition expression!".

import type { GlueColumn } from './api.js';
import { invalidPartitionExpression, notAnInteger } from './errors.js';

/** Tests one partition's values (in partition-key order). */
export type PartitionPredicate = (values: string[]) => boolean;

type Token =
  | { kind: 'ident'; text: string }
  | { kind: 'string'; text: string }
  | { kind: 'number'; text: string }
  | { kind: 'op'; text: string }
  | { kind: 'punct'; text: '(' | ')' | ',' }
  | { kind: 'end' };

const KEYWORDS = new Set(['AND', 'OR', 'NOT', 'IN', 'BETWEEN', 'LIKE', 'IS', 'NULL']);
const NUMERIC_TYPES = new Set(['int', 'integer', 'bigint', 'long', 'smallint', 'tinyint', 'decimal', 'double', 'float']);
const INTEGER_TYPES = new Set(['int', 'integer', 'bigint', 'long', 'smallint', 'tinyint']);

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw invalidPartitionExpression();
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i++];
      }
      tokens.push({ kind: 'string', text: value });
      continue;
    }
    if (c === '`' || c === '"') {
      const end = text.indexOf(c, i + 1);
      if (end < 0) throw invalidPartitionExpression();
      tokens.push({ kind: 'ident', text: text.slice(i + 1, end) });
      i = end + 1;
      continue;
    }
    const number = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (number && (c !== '-' || tokens.length === 0 || tokens[tokens.length - 1].kind === 'op' || tokens[tokens.length - 1].kind === 'punct')) {
      tokens.push({ kind: 'number', text: number[0] });
      i += number[0].length;
      continue;
    }
    const op = /^(<>|!=|<=|>=|=|<|>)/.exec(text.slice(i));
    if (op) {
      tokens.push({ kind: 'op', text: op[0] });
      i += op[0].length;
      continue;
    }
    if (c === '(' || c === ')' || c === ',') {
      tokens.push({ kind: 'punct', text: c });
      i++;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_$]*/.exec(text.slice(i));
    if (word) {
      tokens.push({ kind: 'ident', text: word[0] });
      i += word[0].length;
      continue;
    }
    throw invalidPartitionExpression();
  }
  tokens.push({ kind: 'end' });
  return tokens;
}

type Operand = { kind: 'column'; index: number; type: string } | { kind: 'literal'; text: string; numeric: boolean };

class Parser {
  private pos = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly keys: GlueColumn[],
  ) {}

  parse(): PartitionPredicate {
    const predicate = this.or();
    if (this.peek().kind !== 'end') throw invalidPartitionExpression();
    return predicate;
  }

  private peek(): Token {
    return this.tokens[this.pos];
  }
  private next(): Token {
    return this.tokens[this.pos++];
  }
  private keyword(word: string): boolean {
    const t = this.peek();
    if (t.kind === 'ident' && t.text.toUpperCase() === word) {
      this.pos++;
      return true;
    }
    return false;
  }
  private expectPunct(p: '(' | ')' | ','): void {
    const t = this.next();
    if (t.kind !== 'punct' || t.text !== p) throw invalidPartitionExpression();
  }

  private or(): PartitionPredicate {
    let left = this.and();
    while (this.keyword('OR')) {
      const l = left;
      const r = this.and();
      left = (v) => l(v) || r(v);
    }
    return left;
  }

  private and(): PartitionPredicate {
    let left = this.not();
    while (this.keyword('AND')) {
      const l = left;
      const r = this.not();
      left = (v) => l(v) && r(v);
    }
    return left;
  }

  private not(): PartitionPredicate {
    if (this.keyword('NOT')) {
      const inner = this.not();
      return (v) => !inner(v);
    }
    return this.predicate();
  }

  private predicate(): PartitionPredicate {
    const t = this.peek();
    if (t.kind === 'punct' && t.text === '(') {
      this.next();
      const inner = this.or();
      this.expectPunct(')');
      return inner;
    }
    const left = this.operand();
    const op = this.peek();
    if (op.kind === 'op') {
      this.next();
      const right = this.operand();
      return this.compare(left, op.text, right);
    }
    if (this.keyword('IS')) {
      const negated = this.keyword('NOT');
      if (!this.keyword('NULL')) throw invalidPartitionExpression();
      // Partition values are never null: Glue stores them as text.
      return () => negated;
    }
    const negated = this.keyword('NOT');
    if (this.keyword('IN')) {
      this.expectPunct('(');
      const items: Operand[] = [this.operand()];
      while (this.peek().kind === 'punct' && (this.peek() as { text: string }).text === ',') {
        this.next();
        items.push(this.operand());
      }
      this.expectPunct(')');
      const tests = items.map((item) => this.compare(left, '=', item));
      return (v) => tests.some((test) => test(v)) !== negated;
    }
    if (this.keyword('BETWEEN')) {
      const low = this.operand();
      if (!this.keyword('AND')) throw invalidPartitionExpression();
      const high = this.operand();
      const above = this.compare(left, '>=', low);
      const below = this.compare(left, '<=', high);
      return (v) => (above(v) && below(v)) !== negated;
    }
    if (this.keyword('LIKE')) {
      const pattern = this.operand();
      if (pattern.kind !== 'literal') throw invalidPartitionExpression();
      const regex = likeRegex(pattern.text);
      const text = this.textOf(left);
      return (v) => regex.test(text(v)) !== negated;
    }
    throw invalidPartitionExpression();
  }

  private operand(): Operand {
    const t = this.next();
    if (t.kind === 'string') return { kind: 'literal', text: t.text, numeric: false };
    if (t.kind === 'number') return { kind: 'literal', text: t.text, numeric: true };
    if (t.kind === 'ident' && !KEYWORDS.has(t.text.toUpperCase())) {
      const index = this.keys.findIndex((k) => k.Name.toLowerCase() === t.text.toLowerCase());
      if (index < 0) throw invalidPartitionExpression();
      return { kind: 'column', index, type: (this.keys[index].Type ?? 'string').toLowerCase() };
    }
    throw invalidPartitionExpression();
  }

  private textOf(operand: Operand): (values: string[]) => string {
    return operand.kind === 'column' ? (v) => v[operand.index] ?? '' : () => operand.text;
  }

  private compare(left: Operand, op: string, right: Operand): PartitionPredicate {
    const column = left.kind === 'column' ? left : right.kind === 'column' ? right : undefined;
    const numeric = column !== undefined && NUMERIC_TYPES.has(column.type.replace(/\(.*$/, ''));
    const integer = column !== undefined && INTEGER_TYPES.has(column.type);
    const read = (operand: Operand): ((values: string[]) => string | number) => {
      if (!numeric) return this.textOf(operand);
      if (operand.kind === 'literal') {
        const n = Number(operand.text);
        if (Number.isNaN(n)) throw invalidPartitionExpression();
        return () => n;
      }
      return (v) => {
        const text = v[operand.index] ?? '';
        if (integer ? !/^-?\d+$/.test(text.trim()) : Number.isNaN(Number(text)) || text.trim() === '') throw notAnInteger(text);
        return Number(text);
      };
    };
    const a = read(left);
    const b = read(right);
    const test = COMPARISONS[op];
    return (v) => test(a(v), b(v));
  }
}

const COMPARISONS: Record<string, (a: string | number, b: string | number) => boolean> = {
  '=': (a, b) => a === b,
  '<>': (a, b) => a !== b,
  '!=': (a, b) => a !== b,
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
};

function likeRegex(pattern: string): RegExp {
  let source = '';
  for (const c of pattern) source += c === '%' ? '.*' : c === '_' ? '.' : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${source}$`, 's');
}

/** The predicate an Expression stands for over a table's partition keys; throws Glue's error when it cannot. */
export function partitionFilter(expression: string, partitionKeys: GlueColumn[]): PartitionPredicate {
  if (expression.trim() === '') return () => true;
  return new Parser(tokenize(expression), partitionKeys).parse();
}
