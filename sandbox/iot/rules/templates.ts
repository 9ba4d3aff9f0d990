// Substitution templates in rule action parameters: each `${expression}` is evaluated against the
// incoming message with the rule SQL's own evaluator (`${topic(3)}`, `${newuuid()}`, `${DEVICE_NAME}`).

import { parseExpression, SqlParseError, type Expr } from './sql-parser.js';
import { evaluate, type ParsedMessage } from './sql-evaluator.js';

const TEMPLATE = /\$\{([^}]*)\}/g;
const parsed = new Map<string, Expr | null>();

function expressionOf(text: string): Expr | null {
  let expr = parsed.get(text);
  if (expr === undefined) {
    try {
      expr = parseExpression(text);
    } catch (err) {
      if (!(err instanceof SqlParseError)) throw err;
      expr = null;
    }
    if (parsed.size > 10_000) parsed.clear();
    parsed.set(text, expr);
  }
  return expr;
}

function asText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function substitute(template: string, message: ParsedMessage): string {
  return template.replace(TEMPLATE, (_, text: string) => {
    const expr = expressionOf(text.trim());
    return expr ? asText(evaluate(expr, message)) : '';
  });
}

/** The first template in `value` that does not parse, for validation when a rule is stored. */
export function invalidTemplate(value: string): string | undefined {
  for (const m of value.matchAll(TEMPLATE)) if (!expressionOf(m[1].trim())) return m[0];
  return undefined;
}
