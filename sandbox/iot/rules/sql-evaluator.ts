// Evaluates parsed rule SQL against one message, with AWS's Undefined: a missing field, a type
// mismatch or a non-boolean condition is Undefined, a WHERE that is not exactly true drops the
// message, and Undefined members are left out of the output. Non-JSON payloads pass through
// `SELECT *` as raw bytes; any other SELECT of them gives nothing.

import { randomUUID } from 'node:crypto';
import type { Expr, SqlStatement } from './sql-parser.js';

export interface MessageContext {
  topic: string;
  payload: Buffer;
  clientId: string;
  /** Epoch ms when the broker received the message. */
  timestamp: number;
  /** The certificate id (MQTT over TLS) or access key (HTTP) that published. */
  principal?: string;
}

/** The message payload parsed once: `json` is undefined when the payload is not JSON. */
export interface ParsedMessage extends MessageContext {
  json: unknown;
  isJson: boolean;
}

export function parseMessage(message: MessageContext): ParsedMessage {
  try {
    return { ...message, json: JSON.parse(message.payload.toString('utf8')) as unknown, isJson: true };
  } catch {
    return { ...message, json: undefined, isJson: false };
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function member(object: unknown, name: string): unknown {
  return isObject(object) && Object.hasOwn(object, name) ? object[name] : undefined;
}

function same(a: unknown, b: unknown): boolean {
  if (typeof a !== typeof b) return false;
  if (typeof a === 'object' && a !== null && b !== null) return JSON.stringify(a) === JSON.stringify(b);
  return a === b;
}

function compare(op: string, a: unknown, b: unknown): boolean | undefined {
  if (a === undefined || b === undefined) return undefined;
  if (op === '=') return same(a, b);
  if (op === '<>') return !same(a, b);
  const bothNumbers = typeof a === 'number' && typeof b === 'number';
  const bothStrings = typeof a === 'string' && typeof b === 'string';
  if (!bothNumbers && !bothStrings) return undefined;
  const x = a as number | string;
  const y = b as number | string;
  switch (op) {
    case '<':
      return x < y;
    case '<=':
      return x <= y;
    case '>':
      return x > y;
    default:
      return x >= y;
  }
}

function arithmetic(op: string, a: unknown, b: unknown): unknown {
  if (op === '+' && typeof a === 'string' && typeof b === 'string') return a + b;
  if (typeof a !== 'number' || typeof b !== 'number') return undefined;
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return b === 0 ? undefined : a / b;
    default:
      return b === 0 ? undefined : a % b;
  }
}

function call(name: string, args: unknown[], message: ParsedMessage): unknown {
  switch (name) {
    case 'topic': {
      if (args.length === 0) return message.topic;
      const n = args[0];
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) return undefined;
      return message.topic.split('/')[n - 1];
    }
    case 'clientid':
      return message.clientId;
    case 'timestamp':
      return message.timestamp;
    case 'newuuid':
      return randomUUID();
    case 'principal':
      return message.principal;
    case 'lower':
      return typeof args[0] === 'string' ? args[0].toLowerCase() : undefined;
    case 'upper':
      return typeof args[0] === 'string' ? args[0].toUpperCase() : undefined;
    case 'concat':
      return args.some((a) => a === undefined) ? undefined : args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join('');
    default:
      return undefined;
  }
}

export function evaluate(expr: Expr, message: ParsedMessage): unknown {
  switch (expr.kind) {
    case 'literal':
      return expr.value;
    case 'field':
      return member(message.json, expr.name);
    case 'member':
      return member(evaluate(expr.object, message), expr.name);
    case 'index': {
      const object = evaluate(expr.object, message);
      const index = evaluate(expr.index, message);
      return Array.isArray(object) && typeof index === 'number' ? object[index] : undefined;
    }
    case 'call':
      return call(
        expr.name,
        expr.args.map((a) => evaluate(a, message)),
        message,
      );
    case 'unary': {
      const v = evaluate(expr.operand, message);
      if (expr.op === 'NOT') return typeof v === 'boolean' ? !v : undefined;
      return typeof v === 'number' ? -v : undefined;
    }
    case 'binary': {
      const left = evaluate(expr.left, message);
      if (expr.op === 'AND' || expr.op === 'OR') {
        const right = evaluate(expr.right, message);
        if (typeof left !== 'boolean' || typeof right !== 'boolean') return undefined;
        return expr.op === 'AND' ? left && right : left || right;
      }
      const right = evaluate(expr.right, message);
      if (['=', '<>', '<', '<=', '>', '>='].includes(expr.op)) return compare(expr.op, left, right);
      return arithmetic(expr.op, left, right);
    }
  }
}

/** Whether the message passes the WHERE clause (none passes everything). */
export function passesWhere(statement: SqlStatement, message: ParsedMessage): boolean {
  return statement.where === undefined || evaluate(statement.where, message) === true;
}

/**
 * What the rule hands its actions: the selected document as JSON bytes, the raw payload for
 * `SELECT *` of a non-JSON payload, or undefined when a field SELECT meets a non-JSON payload.
 */
export function selectOutput(statement: SqlStatement, message: ParsedMessage): Buffer | undefined {
  const onlyAll = statement.select.every((item) => item.kind === 'all');
  if (!message.isJson) return onlyAll ? message.payload : undefined;
  if (onlyAll) return Buffer.from(JSON.stringify(message.json));
  const out: Record<string, unknown> = {};
  for (const item of statement.select) {
    if (item.kind === 'all') {
      if (isObject(message.json)) Object.assign(out, message.json);
      continue;
    }
    const value = evaluate(item.expr, message);
    if (value !== undefined) out[item.name] = value;
  }
  return Buffer.from(JSON.stringify(out));
}
