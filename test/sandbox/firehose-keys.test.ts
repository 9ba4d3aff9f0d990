// Firehose object keys and custom-prefix expressions, as pure functions (no HTTP): AWS's semantic rules and
// the DateTimeFormatter subset the sandbox evaluates.

import { describe, expect, it } from 'vitest';
import { evaluateErrorPrefix, evaluatePrefix, formatTimestamp, objectSuffix, validatePrefixes } from '../../sandbox/services/firehose/prefix.js';

const T = Date.UTC(2018, 7, 27, 10, 30, 5, 123); // 2018-08-27T10:30:05.123Z

describe('Firehose prefixes', () => {
  it('appends yyyy/MM/dd/HH/ to a prefix without a timestamp expression, and to none', () => {
    expect(evaluatePrefix(undefined, T)).toBe('2018/08/27/10/');
    expect(evaluatePrefix('', T)).toBe('2018/08/27/10/');
    expect(evaluatePrefix('raw/', T)).toBe('raw/2018/08/27/10/');
    expect(evaluatePrefix('r=!{firehose:random-string}/', T)).toMatch(/^r=[0-9a-f]{11}\/2018\/08\/27\/10\/$/);
  });

  it('evaluates timestamp expressions instead of the default, quoted literals kept', () => {
    expect(evaluatePrefix('year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/hour=!{timestamp:HH}/', T)).toBe('year=2018/month=08/day=27/hour=10/');
    expect(evaluatePrefix("dt=!{timestamp:yyyy'-'MM'-'dd}/", T)).toBe('dt=2018-08-27/');
    expect(formatTimestamp("yy-M-d H:mm:ss.SSS 'at' DDD", T)).toBe('18-8-27 10:30:05.123 at 239');
  });

  it('builds error prefixes as AWS documents them', () => {
    expect(evaluateErrorPrefix('myFirehosePrefix/', undefined, T, 'processing-failed')).toBe('myFirehosePrefix/processing-failed/2018/08/27/10/');
    expect(evaluateErrorPrefix(undefined, 'myFirehoseFailures/!{firehose:error-output-type}/', T, 'processing-failed')).toBe('myFirehoseFailures/processing-failed/');
    expect(evaluateErrorPrefix(undefined, 'errors/', T, 'delivery-failed')).toBe('errors/delivery-failed/2018/08/27/10/');
  });

  it('names objects <stream>-<version>-YYYY-MM-DD-HH-MM-SS-<uuid><ext>', () => {
    expect(objectSuffix('ds', 3, T, '.gz')).toMatch(/^ds-3-2018-08-27-10-30-05-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.gz$/);
  });

  it('enforces the semantic rules', () => {
    expect(() => validatePrefixes('!{timestamp:yyyy}/', undefined)).toThrow("ErrorOutputPrefix can't be null when Prefix contains expressions");
    expect(() => validatePrefixes('a/', 'err/!{timestamp:yyyy}/')).toThrow(/must include at least one instance of !\{firehose:error-output-type\}/);
    expect(() => validatePrefixes('!{firehose:error-output-type}/', 'e/!{firehose:error-output-type}')).toThrow(/can only be used in ErrorOutputPrefix/);
    expect(() => validatePrefixes('a/!{oops', undefined)).toThrow(/can only appear in !\{namespace:value\}/);
    expect(() => validatePrefixes('!{timestamp:yyyy-QQ}/', 'e/!{firehose:error-output-type}')).toThrow(/does not evaluate/);
    expect(() => validatePrefixes('p/!{partitionKeyFromQuery:id}/', 'e/!{firehose:error-output-type}')).toThrow(/dynamic partitioning/);
    expect(() => validatePrefixes('plain/', undefined)).not.toThrow();
    expect(() => validatePrefixes('!{timestamp:yyyy}/', '!{firehose:error-output-type}/')).not.toThrow();
  });
});
