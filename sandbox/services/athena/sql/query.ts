// A Trino query read closely enough to run it on DuckDB: its tables (to resolve through the Data Catalog
// and replace with views over the objects), its function calls (renamed, given macros, or refused by name),
// its CAST types, the names of its result columns as Trino gives them (_col0 for an unnamed expression),
// and each query block's WHERE clause (to prune partitions). Everything else passes through unchanged:
// DuckDB parses and runs the query.

import { QueryFailure } from '../query-errors.js';
import { FUNCTIONS, KNOWN_UNSUPPORTED, translateDateFormat, translateReplacement, type FunctionRule } from './functions.js';
import { identifierName, isIdentifier, isOp, isWord, type Token } from './lexer.js';

export interface TableRef {
  /** The view name the table is replaced by. */
  view: string;
  /** Name parts as written, lower case: [table], [db, table] or [catalog, db, table]. */
  parts: string[];
  at: Token;
  /** The name the query's columns qualify it by: its alias, else the table's name. */
  alias: string;
  /** The WHERE clause of the query block it is read in (token range), for partition pruning. */
  where?: [number, number];
}

/** Pseudo-columns Athena exposes on every table when a query names them. */
export const PSEUDO_COLUMNS = ['$path', '$file_size', '$file_modified_time'] as const;
export type PseudoColumn = (typeof PSEUDO_COLUMNS)[number];

export interface ParsedQuery {
  tokens: Token[];
  tables: TableRef[];
  pseudoColumns: Set<PseudoColumn>;
  /** Identifiers used in expressions, for pointing at a column DuckDB could not resolve. */
  identifiers: Token[];
  /** A refusal found while reading (unknown function...), reported after the tables are resolved, as Trino analyses FROM first. */
  deferred?: QueryFailure;
  /** The DuckDB text of the query. */
  render(): string;
}

interface Edit {
  replace?: string;
  before?: string;
  after?: string;
  remove?: boolean;
}

interface Frame {
  kind: 'root' | 'paren' | 'call';
  /** Function name (lower case) of a call frame. */
  fn?: string;
  fnToken?: Token;
  rule?: FunctionRule;
  /** Token indices where each argument starts (call frames). */
  argStarts: number[];
  isQuery: boolean;
  clause: string;
  expectTable: boolean;
  where?: [number, number];
  castAs?: number;
  open: number;
}

/** Words after which '(' opens a group or subquery, not a function's arguments. */
const NOT_CALLS = new Set([
  'IN', 'EXISTS', 'VALUES', 'AS', 'ON', 'USING', 'OVER', 'FILTER', 'FROM', 'JOIN', 'AND', 'OR', 'NOT', 'SELECT', 'WHERE', 'WHEN', 'THEN',
  'ELSE', 'CASE', 'BY', 'ALL', 'ANY', 'SOME', 'LATERAL', 'IS', 'LIKE', 'BETWEEN', 'DISTINCT', 'SETS', 'CUBE', 'ROLLUP', 'WITH', 'RECURSIVE',
  'HAVING', 'LIMIT', 'UNION', 'EXCEPT', 'INTERSECT', 'ORDER', 'PARTITION', 'ROWS', 'RANGE', 'TABLE', 'INTERVAL', 'ESCAPE', 'WITHIN',
  'GROUP', 'RETURN', 'TABLESAMPLE', 'BERNOULLI', 'SYSTEM', 'ARRAY',
]);

/** Words that end a FROM list's table and cannot be an alias. */
const CLAUSE_WORDS = new Set([
  'WHERE', 'JOIN', 'LEFT', 'RIGHT', 'FULL', 'INNER', 'CROSS', 'NATURAL', 'OUTER', 'ON', 'USING', 'GROUP', 'ORDER', 'HAVING', 'LIMIT',
  'OFFSET', 'UNION', 'EXCEPT', 'INTERSECT', 'WINDOW', 'FETCH', 'TABLESAMPLE', 'FOR', 'LATERAL', 'AS',
]);

/** Words that end a WHERE clause within its query block. */
const AFTER_WHERE = new Set(['GROUP', 'HAVING', 'ORDER', 'LIMIT', 'OFFSET', 'UNION', 'EXCEPT', 'INTERSECT', 'WINDOW', 'FETCH']);

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export function parseQuery(tokens: Token[], sql: string): ParsedQuery {
  const edits = new Map<number, Edit>();
  const edit = (i: number, e: Edit) => edits.set(i, { ...edits.get(i), ...e });
  const tables: TableRef[] = [];
  const identifiers: Token[] = [];
  const pseudoColumns = new Set<PseudoColumn>();
  const chains: { start: number; parts: string[]; indices: number[] }[] = [];
  let deferred: QueryFailure | undefined;
  const defer = (f: QueryFailure) => (deferred ??= f);
  const cteNames = collectCteNames(tokens);
  const cteDefs = new Set(cteNames.map((c) => c.index));
  const cteSet = new Set(cteNames.map((c) => c.name));

  const refFrames = new Map<TableRef, Frame>();
  const root: Frame = { kind: 'root', argStarts: [], isQuery: false, clause: '', expectTable: false, open: -1 };
  const stack: Frame[] = [root];
  const top = () => stack[stack.length - 1]!;
  // The outermost query's first select list, to name its columns as Trino does.
  let rootSelect: { items: [number, number][]; start: number } | undefined;
  let rootSelectDone = false;

  const closeWhere = (frame: Frame, at: number) => {
    if (frame.where && frame.where[1] < 0) frame.where[1] = at;
  };
  const closeRootSelect = (at: number) => {
    if (rootSelect && !rootSelectDone) {
      rootSelect.items.push([rootSelect.start, at]);
      rootSelectDone = true;
    }
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const frame = top();
    if (t.kind === 'eof') {
      closeWhere(frame, i);
      if (frame === root) closeRootSelect(i);
      break;
    }
    if (isOp(t, '::')) throw QueryFailure.syntax(t.line, t.col, `mismatched input '::'`);

    // A table position: after FROM, JOIN, or a comma in a FROM list.
    if (frame.expectTable) {
      frame.expectTable = false;
      if (isWord(t, 'LATERAL')) {
        frame.expectTable = true;
        continue;
      }
      if (isIdentifier(t) && !isOp(tokens[i + 1], '(')) {
        i = readTableRef(i, frame);
        continue;
      }
      // DuckDB would read a file named by a string here; Trino has no such syntax.
      if (t.kind === 'string') throw QueryFailure.syntax(t.line, t.col, `mismatched input '${t.text}'. Expecting: '(', 'LATERAL', 'UNNEST', <identifier>`);
      if (isIdentifier(t) && isOp(tokens[i + 1], '(') && identifierName(t) !== 'unnest') {
        defer(QueryFailure.notSupported(`Table function '${identifierName(t)}'`, t));
      }
    }

    if (isOp(t, '(')) {
      const prev = tokens[i - 1];
      const call = prev && isIdentifier(prev) && !cteDefs.has(i - 1) && !(prev.kind === 'word' && NOT_CALLS.has(prev.text.toUpperCase())) && !isOp(tokens[i - 2], '.');
      if (call) {
        const fn = identifierName(prev);
        const rule = FUNCTIONS[fn];
        const f: Frame = { kind: 'call', fn, fnToken: prev, rule, argStarts: [], isQuery: false, clause: '', expectTable: false, open: i };
        if (fn === 'cast' || fn === 'try_cast') f.fn = 'cast';
        else if (rule) {
          if (rule.to) edit(i - 1, { replace: rule.to });
        } else if (KNOWN_UNSUPPORTED.has(fn)) defer(QueryFailure.notSupported(`Function '${fn}'`, prev));
        else defer(QueryFailure.functionNotFound(prev.line, prev.col, fn));
        if (!isOp(tokens[i + 1], ')')) f.argStarts.push(i + 1);
        stack.push(f);
      } else stack.push({ kind: 'paren', argStarts: [], isQuery: false, clause: '', expectTable: false, open: i });
      continue;
    }
    if (isOp(t, ')')) {
      if (stack.length === 1) throw QueryFailure.syntax(t.line, t.col, `mismatched input ')'`);
      closeWhere(frame, i);
      stack.pop();
      if (frame.kind === 'call') finishCall(frame, i);
      continue;
    }

    if (isOp(t, ',')) {
      if (frame.kind === 'call') frame.argStarts.push(i + 1);
      if (frame.clause === 'from' || frame.clause === 'on') frame.expectTable = true;
      if (frame === root && rootSelect && !rootSelectDone && frame.clause === 'select') {
        rootSelect.items.push([rootSelect.start, i]);
        rootSelect.start = i + 1;
      }
      continue;
    }

    if (t.kind === 'word') {
      const w = t.text.toUpperCase();
      if (frame.kind === 'call' && frame.fn === 'cast' && w === 'AS' && frame.castAs === undefined) {
        frame.castAs = i;
        continue;
      }
      if (w === 'SELECT' && frame.kind !== 'call') {
        frame.isQuery = true;
        frame.clause = 'select';
        if (frame === root && !rootSelect) {
          let start = i + 1;
          if (isWord(tokens[start], 'DISTINCT', 'ALL')) start++;
          rootSelect = { items: [], start };
        }
        continue;
      }
      if (w === 'VALUES' && frame.kind !== 'call') {
        frame.isQuery = true;
        frame.clause = 'values';
        continue;
      }
      if (frame.isQuery && frame.kind !== 'call') {
        if (w === 'FROM') {
          if (frame === root) closeRootSelect(i);
          frame.clause = 'from';
          frame.expectTable = true;
          continue;
        }
        if (w === 'JOIN') {
          frame.clause = 'from';
          frame.expectTable = true;
          continue;
        }
        if (w === 'ON' || w === 'USING') {
          if (frame.clause === 'from') frame.clause = 'on';
          continue;
        }
        if (w === 'WHERE') {
          frame.clause = 'where';
          frame.where = [i + 1, -1];
          continue;
        }
        if (AFTER_WHERE.has(w)) {
          closeWhere(frame, i);
          if (frame === root) closeRootSelect(i);
          frame.clause = w.toLowerCase();
          continue;
        }
      }
    }

    // An identifier in an expression (a column, possibly qualified), unless it names a function.
    if (isIdentifier(t) && !isOp(tokens[i + 1], '(') && !cteDefs.has(i)) {
      if (t.kind === 'quoted' && (PSEUDO_COLUMNS as readonly string[]).includes(t.value)) pseudoColumns.add(t.value as PseudoColumn);
      if (isOp(tokens[i - 1], '.')) continue;
      identifiers.push(t);
      const indices = [i];
      while (isOp(tokens[indices[indices.length - 1]! + 1], '.') && isIdentifier(tokens[indices[indices.length - 1]! + 2])) {
        indices.push(indices[indices.length - 1]! + 2);
      }
      if (indices.length >= 3) chains.push({ start: i, parts: indices.map((k) => identifierName(tokens[k]!)), indices });
    }
  }
  if (stack.length > 1) {
    const eof = tokens[tokens.length - 1]!;
    throw QueryFailure.syntax(eof.line, eof.col, "mismatched input '<EOF>'. Expecting: ')'");
  }

  function readTableRef(i: number, frame: Frame): number {
    const at = tokens[i]!;
    const indices = [i];
    while (isOp(tokens[indices[indices.length - 1]! + 1], '.') && isIdentifier(tokens[indices[indices.length - 1]! + 2])) {
      indices.push(indices[indices.length - 1]! + 2);
    }
    const parts = indices.map((k) => identifierName(tokens[k]!));
    let end = indices[indices.length - 1]!;
    if (parts.length > 3) throw QueryFailure.syntax(at.line, at.col, `Too many dots in table name: ${parts.join('.')}`);
    if (parts.length === 1 && cteSet.has(parts[0]!)) return end;
    let alias: string | undefined;
    let next = tokens[end + 1];
    if (isWord(next, 'AS')) {
      end++;
      next = tokens[end + 1];
    }
    if (next && isIdentifier(next) && !(next.kind === 'word' && CLAUSE_WORDS.has(next.text.toUpperCase()))) {
      alias = identifierName(next);
      end++;
    }
    const ref: TableRef = { view: `__athena_t${tables.length + 1}`, parts, at, alias: alias ?? parts[parts.length - 1]! };
    tables.push(ref);
    refFrames.set(ref, frame);
    edit(indices[0]!, { replace: alias ? ref.view : `${ref.view} AS ${quote(ref.alias)}` });
    for (let k = indices[0]! + 1; k <= indices[indices.length - 1]!; k++) edit(k, { remove: true });
    return end;
  }

  function finishCall(frame: Frame, close: number): void {
    const args = frame.argStarts.length;
    if (frame.fn === 'cast') {
      if (frame.castAs === undefined) {
        const t = tokens[close]!;
        throw QueryFailure.syntax(t.line, t.col, "mismatched input ')'. Expecting: 'AS'");
      }
      const typeTokens = tokens.slice(frame.castAs + 1, close);
      edit(frame.castAs + 1, { replace: translateType(typeTokens) });
      for (let k = frame.castAs + 2; k < close; k++) edit(k, { remove: true });
      return;
    }
    const rule = frame.rule;
    if (!rule || !frame.fnToken) return;
    if (rule.arity && !rule.arity.includes(args)) defer(QueryFailure.notSupported(`Function '${frame.fn}' with ${args} argument${args === 1 ? '' : 's'}`, frame.fnToken));
    if (rule.append?.[args]) edit(close, { before: rule.append[args] });
    if (rule.replacementArg && args >= rule.replacementArg) {
      const start = frame.argStarts[rule.replacementArg - 1]!;
      const end = rule.replacementArg < args ? frame.argStarts[rule.replacementArg]! - 1 : close;
      const literal = tokens[start]!;
      if (end - start === 1 && literal.kind === 'string') edit(start, { replace: `'${translateReplacement(literal.value).replace(/'/g, "''")}'` });
    }
    if (rule.dateFormatArg && args >= rule.dateFormatArg) {
      const start = frame.argStarts[rule.dateFormatArg - 1]!;
      const end = rule.dateFormatArg < args ? frame.argStarts[rule.dateFormatArg]! - 1 : close;
      const literal = tokens[start]!;
      if (end - start !== 1 || literal.kind !== 'string') {
        defer(QueryFailure.notSupported(`Function '${frame.fn}' with a format that is not a string literal`, literal));
        return;
      }
      const translated = translateDateFormat(literal.value);
      if (!translated.ok) defer(QueryFailure.notSupported(`The ${frame.fn} format specifier '${translated.specifier}'`, literal));
      else edit(start, { replace: `'${translated.format.replace(/'/g, "''")}'` });
    }
  }

  for (const [ref, frame] of refFrames) if (frame.where) ref.where = frame.where;

  // db.table.column (and catalog.db.table.column) name the table's alias in DuckDB.
  for (const chain of chains) {
    for (const ref of tables) {
      const full = ref.parts;
      for (const prefixLength of [3, 2]) {
        if (chain.parts.length <= prefixLength || full.length < prefixLength) continue;
        const prefix = chain.parts.slice(0, prefixLength);
        const tail = full.slice(full.length - prefixLength);
        const matches = prefix.every((p, k) => p === tail[k]) || (prefixLength === 3 && prefix[0] === 'awsdatacatalog' && prefix[1] === full[full.length - 2] && prefix[2] === full[full.length - 1]);
        if (!matches) continue;
        edit(chain.indices[0]!, { replace: quote(ref.alias) });
        for (let k = chain.indices[0]! + 1; k < chain.indices[prefixLength]! - 1; k++) edit(k, { remove: true });
        break;
      }
    }
  }

  // Trino names a result column by its alias, by the column it reads, or _colN (lower case throughout).
  if (rootSelect) {
    rootSelect.items.forEach(([start, end], n) => {
      if (end <= start) return;
      const item = tokens.slice(start, end);
      const last = item[item.length - 1]!;
      const lastIndex = end - 1;
      if (isOp(last, '*')) return;
      const explicit = item.length >= 3 && isWord(item[item.length - 2], 'AS') && isIdentifier(last);
      const prev = item[item.length - 2];
      const implicit =
        !explicit &&
        item.length >= 2 &&
        isIdentifier(last) &&
        !(last.kind === 'word' && RESERVED_END.has(last.text.toUpperCase())) &&
        !!prev &&
        (isOp(prev, ')', ']') || prev.kind === 'string' || prev.kind === 'number' || (isIdentifier(prev) && !(prev.kind === 'word' && RESERVED_END.has(prev.text.toUpperCase()))));
      if (explicit || implicit) {
        edit(lastIndex, { replace: quote(identifierName(last)) });
        return;
      }
      const isColumn = item.every((tok, k) => (k % 2 === 0 ? isIdentifier(tok) : isOp(tok, '.')));
      if (isColumn && item.length % 2 === 1) {
        edit(lastIndex, { after: ` AS ${quote(identifierName(last))}` });
        return;
      }
      edit(lastIndex, { after: ` AS "_col${n}"` });
    });
  }

  return {
    tokens,
    tables,
    pseudoColumns,
    identifiers,
    deferred,
    render() {
      let out = '';
      let prevEnd = 0;
      for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i]!;
        if (t.kind === 'eof') break;
        out += sql.slice(prevEnd, t.start);
        const e = edits.get(i);
        if (e?.before) out += e.before;
        if (!e?.remove) out += e?.replace ?? t.text;
        if (e?.after) out += e.after;
        prevEnd = t.end;
      }
      return out + sql.slice(prevEnd);
    },
  };
}

/** Words that end an expression, so an identifier after them is not an alias. */
const RESERVED_END = new Set([
  'AND', 'OR', 'NOT', 'NULL', 'TRUE', 'FALSE', 'CASE', 'WHEN', 'THEN', 'ELSE', 'END', 'IS', 'IN', 'LIKE', 'BETWEEN', 'DISTINCT', 'AS',
  'ESCAPE', 'INTERVAL', 'DATE', 'TIMESTAMP', 'TIME', 'ZONE', 'AT', 'ASC', 'DESC', 'NULLS', 'FIRST', 'LAST', 'SELECT', 'ALL',
  'YEAR', 'MONTH', 'DAY', 'HOUR', 'MINUTE', 'SECOND',
]);

/** Names given by WITH: `WITH a AS (...), b (x, y) AS (...)`. */
function collectCteNames(tokens: Token[]): { name: string; index: number }[] {
  const out: { name: string; index: number }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!isWord(tokens[i], 'WITH')) continue;
    let k = i + 1;
    if (isWord(tokens[k], 'RECURSIVE')) k++;
    for (;;) {
      const name = tokens[k];
      if (!name || !isIdentifier(name)) break;
      out.push({ name: identifierName(name), index: k });
      k++;
      if (isOp(tokens[k], '(')) k = skipParens(tokens, k) + 1;
      if (!isWord(tokens[k], 'AS')) break;
      k++;
      if (!isOp(tokens[k], '(')) break;
      k = skipParens(tokens, k) + 1;
      if (!isOp(tokens[k], ',')) break;
      k++;
    }
  }
  return out;
}

/** The index of the ')' matching the '(' at `open`. */
function skipParens(tokens: Token[], open: number): number {
  let depth = 0;
  for (let k = open; k < tokens.length; k++) {
    if (isOp(tokens[k], '(')) depth++;
    else if (isOp(tokens[k], ')') && --depth === 0) return k;
  }
  return tokens.length - 1;
}

const SIMPLE_TYPES: Record<string, string> = {
  varchar: 'VARCHAR',
  char: 'VARCHAR',
  string: 'VARCHAR',
  integer: 'INTEGER',
  int: 'INTEGER',
  bigint: 'BIGINT',
  smallint: 'SMALLINT',
  tinyint: 'TINYINT',
  double: 'DOUBLE',
  real: 'FLOAT',
  boolean: 'BOOLEAN',
  date: 'DATE',
  time: 'TIME',
  json: 'JSON',
  varbinary: 'BLOB',
  uuid: 'UUID',
  decimal: 'DECIMAL',
  timestamp: 'TIMESTAMP',
};

/** A Trino type in a CAST as DuckDB writes it: array(varchar) is VARCHAR[], row(a int) a STRUCT. */
export function translateType(typeTokens: Token[]): string {
  let i = 0;
  const fail = (t: Token | undefined): never => {
    const at = t ?? typeTokens[typeTokens.length - 1]!;
    throw new QueryFailure(2, 1006, `TYPE_NOT_FOUND: line ${at.line}:${at.col}: Unknown type: ${typeTokens.map((x) => x.text).join(' ').toLowerCase()}`);
  };
  const type = (): string => {
    const t = typeTokens[i];
    if (!t || !isIdentifier(t)) return fail(t);
    const name = identifierName(t);
    i++;
    if (name === 'array') {
      if (!isOp(typeTokens[i], '(')) return fail(typeTokens[i]);
      i++;
      const element = type();
      if (!isOp(typeTokens[i], ')')) return fail(typeTokens[i]);
      i++;
      return `${element}[]`;
    }
    if (name === 'map') {
      if (!isOp(typeTokens[i], '(')) return fail(typeTokens[i]);
      i++;
      const key = type();
      if (!isOp(typeTokens[i], ',')) return fail(typeTokens[i]);
      i++;
      const value = type();
      if (!isOp(typeTokens[i], ')')) return fail(typeTokens[i]);
      i++;
      return `MAP(${key}, ${value})`;
    }
    if (name === 'row') {
      if (!isOp(typeTokens[i], '(')) return fail(typeTokens[i]);
      i++;
      const fields: string[] = [];
      for (;;) {
        const field = typeTokens[i];
        if (!field || !isIdentifier(field)) return fail(field);
        i++;
        fields.push(`${quote(identifierName(field))} ${type()}`);
        if (isOp(typeTokens[i], ',')) {
          i++;
          continue;
        }
        break;
      }
      if (!isOp(typeTokens[i], ')')) return fail(typeTokens[i]);
      i++;
      return `STRUCT(${fields.join(', ')})`;
    }
    if (name === 'double' && isWord(typeTokens[i], 'PRECISION')) i++;
    const base = SIMPLE_TYPES[name];
    if (!base) return fail(t);
    let params = '';
    if (isOp(typeTokens[i], '(')) {
      const close = typeTokens.findIndex((x, k) => k > i && isOp(x, ')'));
      if (close < 0) return fail(typeTokens[i]);
      params = typeTokens
        .slice(i + 1, close)
        .map((x) => x.text)
        .join('');
      i = close + 1;
    }
    if (base === 'TIMESTAMP' || base === 'TIME') {
      if (isWord(typeTokens[i], 'WITH') && isWord(typeTokens[i + 1], 'TIME') && isWord(typeTokens[i + 2], 'ZONE')) {
        i += 3;
        return base === 'TIMESTAMP' ? 'TIMESTAMPTZ' : 'TIMETZ';
      }
      if (isWord(typeTokens[i], 'WITHOUT') && isWord(typeTokens[i + 1], 'TIME') && isWord(typeTokens[i + 2], 'ZONE')) i += 3;
      return base;
    }
    return base === 'DECIMAL' && params ? `DECIMAL(${params})` : base;
  };
  const result = type();
  if (i !== typeTokens.length) fail(typeTokens[i]);
  return result;
}
