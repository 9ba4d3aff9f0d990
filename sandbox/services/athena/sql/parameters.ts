// ExecutionParameters: the values of a parameterized query's `?` marks, applied in order as Athena applies
// them (each a SQL literal as written: 'dev1', 10, DATE '2026-11-28').

import { QueryFailure } from '../query-errors.js';
import { isOp, tokenize } from './lexer.js';

export function bindParameters(sql: string, parameters: string[]): string {
  const marks = tokenize(sql).filter((t) => isOp(t, '?'));
  if (marks.length !== parameters.length) {
    throw QueryFailure.user(`INVALID_PARAMETER_USAGE: Incorrect number of parameters: expected ${marks.length} but found ${parameters.length}`, 1100);
  }
  let out = '';
  let from = 0;
  marks.forEach((mark, i) => {
    out += sql.slice(from, mark.start) + parameters[i];
    from = mark.end;
  });
  return out + sql.slice(from);
}
