// GetTables' Expression: "a regular expression pattern" matched against the whole (lower-case) table name,
// read the way the Hive metastore Glue imitates reads it: case-insensitively, `|` between alternatives, and a
// `*` that follows no `.` standing for any run of characters (`sales*` finds sales_2026), so both glob-like
// and regular-expression patterns work. A pattern that is no valid expression is InvalidInputException.

import { invalidInput } from './errors.js';

export function tableNameMatcher(expression: string | undefined): (name: string) => boolean {
  if (expression === undefined || expression === '') return () => true;
  const alternatives = expression.split('|').map((part) => part.trim().replace(/(^|[^.\\\])])\*/g, '$1.*'));
  let regex: RegExp;
  try {
    regex = new RegExp(`^(?:${alternatives.join('|')})$`, 'i');
  } catch {
    throw invalidInput(`Invalid regular expression: ${expression}`);
  }
  return (name) => regex.test(name);
}
