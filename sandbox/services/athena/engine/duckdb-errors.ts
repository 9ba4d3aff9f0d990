// DuckDB's errors retold as Athena's (Trino's) for the query the student wrote: an unknown column is
// COLUMN_NOT_FOUND at its line:column in the original text, a type problem TYPE_MISMATCH, a malformed JSON
// line the SerDe's HIVE_CURSOR_ERROR. What has no Athena equivalent stays DuckDB's text under
// GENERIC_INTERNAL_ERROR, so nothing is hidden.

import { ErrorType, QueryFailure } from '../query-errors.js';
import { FUNCTIONS } from '../sql/functions.js';
import { identifierName, isOp, type Token } from '../sql/lexer.js';
import type { ParsedQuery } from '../sql/query.js';

const TRINO_TYPES: Record<string, string> = {
  VARCHAR: 'varchar',
  STRING_LITERAL: 'varchar',
  INTEGER: 'integer',
  INTEGER_LITERAL: 'integer',
  BIGINT: 'bigint',
  HUGEINT: 'bigint',
  SMALLINT: 'smallint',
  TINYINT: 'tinyint',
  DOUBLE: 'double',
  FLOAT: 'real',
  BOOLEAN: 'boolean',
  DATE: 'date',
  TIMESTAMP: 'timestamp(3)',
  'TIMESTAMP WITH TIME ZONE': 'timestamp(3) with time zone',
  INTERVAL: 'interval day to second',
  BLOB: 'varbinary',
  JSON: 'json',
  '"NULL"': 'unknown',
  NULL: 'unknown',
};

const trinoType = (duck: string): string => {
  const t = duck.trim();
  if (/^DECIMAL/.test(t)) return t.toLowerCase();
  if (/\[\]$/.test(t)) return `array(${trinoType(t.slice(0, -2))})`;
  return TRINO_TYPES[t] ?? t.toLowerCase();
};

/** DuckDB's names back to the Trino names the query used. */
const TRINO_NAMES = new Map(Object.entries(FUNCTIONS).flatMap(([trino, rule]) => (rule.to ? [[rule.to, trino] as [string, string]] : [])));

export function translateDuckError(err: unknown, query: ParsedQuery): QueryFailure {
  const full = (err as Error)?.message ?? String(err);
  const message = full.split('\n')[0]!.trim();
  const identifierAt = (name: string): Token | undefined => query.identifiers.find((t) => identifierName(t) === name.toLowerCase());
  const pos = (t: Token | undefined) => (t ? `line ${t.line}:${t.col}: ` : '');

  // Failures raised on purpose inside the query (malformed JSON lines, bad date units) carry Athena's text.
  const raised = /^Invalid Input Error: ((?:HIVE_[A-Z_]+|INVALID_FUNCTION_ARGUMENT): .*)$/s.exec(full.split('\n\nLINE')[0]!.trim());
  if (raised) return raised[1]!.startsWith('HIVE_') ? QueryFailure.data(raised[1]!) : QueryFailure.user(raised[1]!, ErrorType.invalidFunctionArgument);

  let m =
    /^Binder Error: Referenced column "([^"]+)" not found in FROM clause/.exec(message) ??
    /^Binder Error: Column "([^"]+)" referenced that exists in the SELECT clause - but this column cannot be referenced before it is defined/.exec(message);
  if (m) {
    const t = identifierAt(m[1]!);
    return QueryFailure.columnNotFound(t?.line ?? 1, t?.col ?? 1, m[1]!.toLowerCase());
  }
  m = /^Binder Error: (?:Table|Values list) "([^"]+)" does not have a column named "([^"]+)"/.exec(message);
  if (m) {
    const t = query.tokens.find((tok, k) => identifierName(tok) === m![1]!.toLowerCase() && isOp(query.tokens[k + 1], '.') && query.tokens[k + 2] && identifierName(query.tokens[k + 2]!) === m![2]!.toLowerCase());
    return QueryFailure.columnNotFound(t?.line ?? 1, t?.col ?? 1, `${m[1]!.toLowerCase()}.${m[2]!.toLowerCase()}`);
  }
  m = /^Binder Error: Referenced table "([^"]+)" not found/.exec(message);
  if (m) {
    const k = query.tokens.findIndex((tok, k) => identifierName(tok) === m![1]!.toLowerCase() && isOp(query.tokens[k + 1], '.'));
    const t = query.tokens[k];
    const field = t && query.tokens[k + 2] ? `.${identifierName(query.tokens[k + 2]!)}` : '';
    return QueryFailure.columnNotFound(t?.line ?? 1, t?.col ?? 1, `${m[1]!.toLowerCase()}${field}`);
  }
  m = /^Binder Error: column "([^"]+)" must appear in the GROUP BY clause/.exec(message);
  if (m) {
    const t = identifierAt(m[1]!.split('.').pop()!);
    return QueryFailure.user(`EXPRESSION_NOT_AGGREGATE: ${pos(t)}'${m[1]!.toLowerCase()}' must be an aggregate expression or appear in GROUP BY clause`, ErrorType.syntaxError);
  }
  m = /^Binder Error: No function matches the given name and argument types '([^(]+)\((.*)\)'/.exec(message);
  if (m) {
    const duckName = m[1]!.replace(/^main\./, '');
    const name = TRINO_NAMES.get(duckName) ?? duckName;
    const t = query.tokens.find((tok, k) => identifierName(tok) === name && isOp(query.tokens[k + 1], '('));
    const args = m[2]!.split(/,\s*(?![^()]*\))/).filter(Boolean).map(trinoType).join(', ');
    return QueryFailure.user(`FUNCTION_NOT_FOUND: ${pos(t)}Unexpected parameters (${args}) for function ${name}`, ErrorType.functionNotFound);
  }
  m = /^Binder Error: Cannot compare values of type (.+) and type (.+?) -/.exec(message) ?? /^Binder Error: Cannot compare values of type (.+) and type (.+)$/.exec(message);
  if (m) return QueryFailure.user(`TYPE_MISMATCH: Cannot apply operator: ${trinoType(m[1]!)} = ${trinoType(m[2]!)}`, ErrorType.syntaxError);
  m = /^Conversion Error: Could not convert string '(.*)' to ([A-Z0-9_]+)/.exec(message);
  if (m) return QueryFailure.user(`INVALID_CAST_ARGUMENT: Cannot cast '${m[1]}' to ${m[2]!.replace(/INT32/, 'INT').replace(/INT64/, 'BIGINT')}`, ErrorType.invalidArgument);
  m = /^Conversion Error: (.*)$/.exec(message);
  if (m) return QueryFailure.user(`INVALID_CAST_ARGUMENT: ${m[1]}`, ErrorType.invalidArgument);
  m = /^Parser Error: syntax error at or near "(.*)"$/.exec(message);
  if (m) {
    const t = query.tokens.find((tok) => tok.text === m![1] || tok.value === m![1]);
    return QueryFailure.syntax(t?.line ?? 1, t?.col ?? 1, `mismatched input '${m[1]}'`);
  }
  if (/^Parser Error: syntax error at end of input/.test(message)) {
    const eof = query.tokens[query.tokens.length - 1]!;
    return QueryFailure.syntax(eof.line, eof.col, "mismatched input '<EOF>'");
  }
  m = /^Catalog Error: Table with name (\S+) does not exist/.exec(message);
  if (m) {
    const t = identifierAt(m[1]!);
    return QueryFailure.tableNotFound(t?.line ?? 1, t?.col ?? 1, m[1]!.toLowerCase());
  }
  if (/^Binder Error: Ambiguous reference to column name "([^"]+)"/.test(message)) {
    const name = /"([^"]+)"/.exec(message)![1]!;
    const t = identifierAt(name);
    return QueryFailure.user(`AMBIGUOUS_NAME: ${pos(t)}Column '${name.toLowerCase()}' is ambiguous`, ErrorType.syntaxError);
  }
  if (/GZIP|gzip|zlib|incorrect header check/.test(message)) return QueryFailure.data('HIVE_CURSOR_ERROR: incorrect header check');
  if (/Invalid unicode|invalid UTF-?8/i.test(message)) return QueryFailure.data(`HIVE_BAD_DATA: ${message.replace(/^[A-Za-z ]+ Error: /, '')}`);
  if (/^Invalid Input Error: Malformed JSON/.test(message)) return QueryFailure.data(`HIVE_BAD_DATA: ${message.replace(/^Invalid Input Error: /, '')}`);
  if (/Maximum line size/i.test(message)) return QueryFailure.data('HIVE_BAD_DATA: A line is longer than 2 MiB, the longest the sandbox reads');
  if (/^Out of Memory Error/.test(message)) return new QueryFailure(1, 1, 'EXCEEDED_LOCAL_MEMORY_LIMIT: Query exhausted resources at this scale factor', true);
  return QueryFailure.internal(message);
}
