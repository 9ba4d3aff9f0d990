// The Condition element: every operator block and every key in it must hold (AND); a key's policy
// values are alternatives (OR), and a negated operator holds when none of them matches. Keys are looked
// up without case; values compare with case except in the IgnoreCase operators and Bool.
// A key absent from the request (AWS's rules): the condition is false, except that a negated operator
// (StringNotEquals, ArnNotLike, NotIpAddress, ...) is true, `...IfExists` is true, `ForAllValues:` is
// true and `ForAnyValue:` false; `Null` tests exactly that absence.

import { BlockList, isIP } from 'node:net';
import type { KnownKeys } from './context.js';
import { substitute, substituteText } from './variables.js';
import { matchTokens } from './wildcard.js';

/** Whether one request value matches one policy value, for the operator's positive form. */
type Matcher = (requestValue: string, policyValue: string, keys: KnownKeys) => boolean;

interface Operator {
  matches: Matcher;
  negated: boolean;
}

const stringEquals: Matcher = (r, p, keys) => substituteText(p, keys) === r;
const stringEqualsIgnoreCase: Matcher = (r, p, keys) => substituteText(p, keys)?.toLowerCase() === r.toLowerCase();
const stringLike: Matcher = (r, p, keys) => {
  const tokens = substitute(p, keys, true);
  return tokens !== undefined && matchTokens(tokens, r, 'plain');
};
const arnLike: Matcher = (r, p, keys) => {
  const tokens = substitute(p, keys, true);
  return tokens !== undefined && matchTokens(tokens, r, 'arn');
};

function number(text: string): number | undefined {
  const n = text.trim() === '' ? NaN : Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/** ISO 8601 dates and times, or epoch seconds (as aws:EpochTime is written). */
function date(text: string): number | undefined {
  const epoch = /^-?\d+(\.\d+)?$/.test(text.trim()) ? Number(text) * 1000 : Date.parse(text);
  return Number.isFinite(epoch) ? epoch : undefined;
}

function comparing(parse: (text: string) => number | undefined, holds: (request: number, policy: number) => boolean): Matcher {
  return (r, p) => {
    const request = parse(r);
    const policy = parse(p);
    return request !== undefined && policy !== undefined && holds(request, policy);
  };
}

const bool: Matcher = (r, p) => r.toLowerCase() === p.toLowerCase();

const binaryEquals: Matcher = (r, p) => Buffer.from(r, 'base64').equals(Buffer.from(p, 'base64'));

/** An address in a CIDR block or equal to an address; IPv4 and IPv6. */
const ipAddress: Matcher = (r, p) => {
  const address = r.trim();
  const family = isIP(address);
  if (!family) return false;
  const [network, bits] = p.trim().split('/');
  const networkFamily = isIP(network ?? '');
  if (networkFamily !== family) return false;
  const type = family === 4 ? 'ipv4' : 'ipv6';
  const prefix = bits === undefined ? (family === 4 ? 32 : 128) : Number(bits);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > (family === 4 ? 32 : 128)) return false;
  const block = new BlockList();
  block.addSubnet(network!, prefix, type);
  return block.check(address, type);
};

const positive = (matches: Matcher): Operator => ({ matches, negated: false });
const negative = (matches: Matcher): Operator => ({ matches, negated: true });
const numeric = (holds: (a: number, b: number) => boolean) => positive(comparing(number, holds));
const dated = (holds: (a: number, b: number) => boolean) => positive(comparing(date, holds));

/** The base operators (without `...IfExists` and set prefixes); `Null` is handled apart. */
const OPERATORS: Record<string, Operator> = {
  StringEquals: positive(stringEquals),
  StringNotEquals: negative(stringEquals),
  StringEqualsIgnoreCase: positive(stringEqualsIgnoreCase),
  StringNotEqualsIgnoreCase: negative(stringEqualsIgnoreCase),
  StringLike: positive(stringLike),
  StringNotLike: negative(stringLike),
  ArnEquals: positive(arnLike),
  ArnLike: positive(arnLike),
  ArnNotEquals: negative(arnLike),
  ArnNotLike: negative(arnLike),
  NumericEquals: numeric((a, b) => a === b),
  NumericNotEquals: negative(comparing(number, (a, b) => a === b)),
  NumericLessThan: numeric((a, b) => a < b),
  NumericLessThanEquals: numeric((a, b) => a <= b),
  NumericGreaterThan: numeric((a, b) => a > b),
  NumericGreaterThanEquals: numeric((a, b) => a >= b),
  DateEquals: dated((a, b) => a === b),
  DateNotEquals: negative(comparing(date, (a, b) => a === b)),
  DateLessThan: dated((a, b) => a < b),
  DateLessThanEquals: dated((a, b) => a <= b),
  DateGreaterThan: dated((a, b) => a > b),
  DateGreaterThanEquals: dated((a, b) => a >= b),
  Bool: positive(bool),
  BinaryEquals: positive(binaryEquals),
  IpAddress: positive(ipAddress),
  NotIpAddress: negative(ipAddress),
};

type SetOperator = 'ForAllValues' | 'ForAnyValue' | undefined;

interface ParsedOperator {
  set: SetOperator;
  base: string;
  ifExists: boolean;
}

const OPERATOR_NAME = /^(?:(ForAllValues|ForAnyValue):)?(.+?)(IfExists)?$/;

export function parseOperator(name: string): ParsedOperator | undefined {
  const match = OPERATOR_NAME.exec(name);
  if (!match) return undefined;
  const [, set, base, ifExists] = match;
  if (base !== 'Null' && !OPERATORS[base!]) return undefined;
  if (base === 'Null' && (ifExists || set)) return undefined;
  return { set: set as SetOperator, base: base!, ifExists: ifExists !== undefined };
}

/** Policy values as the strings they compare as; JSON numbers and booleans are written as text. */
function policyValues(raw: unknown): string[] | undefined {
  const list = Array.isArray(raw) ? raw : [raw];
  if (!list.every((v) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')) return undefined;
  return list.map(String);
}

/** One operator on one key with its policy values. */
export function keyHolds(operatorName: string, key: string, rawValues: unknown, keys: KnownKeys): boolean {
  const operator = parseOperator(operatorName);
  const values = policyValues(rawValues);
  if (!operator || !values) return false;
  const requestValues = keys.get(key);
  if (operator.base === 'Null') return values.some((v) => v.toLowerCase() === (requestValues === undefined ? 'true' : 'false'));
  const { matches, negated } = OPERATORS[operator.base]!;
  if (requestValues === undefined) {
    if (operator.ifExists || operator.set === 'ForAllValues') return true;
    if (operator.set === 'ForAnyValue') return false;
    return negated;
  }
  const satisfies = (requestValue: string) => values.some((v) => matches(requestValue, v, keys)) !== negated;
  if (operator.set === 'ForAllValues') return requestValues.every(satisfies);
  if (operator.set === 'ForAnyValue') return requestValues.some(satisfies);
  return negated ? requestValues.every(satisfies) : requestValues.some(satisfies);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether a statement's Condition element holds for the request; no Condition always holds. */
export function conditionHolds(condition: unknown, keys: KnownKeys): boolean {
  if (condition === undefined) return true;
  if (!isObject(condition)) return false;
  return Object.entries(condition).every(([operator, block]) => isObject(block) && Object.entries(block).every(([key, values]) => keyHolds(operator, key, values, keys)));
}
