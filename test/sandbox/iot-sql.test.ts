// The IoT rules SQL parser and evaluator on their own: what parses, what AWS refuses, and how
// Undefined, WHERE, nested fields, functions, templates and non-JSON payloads behave.

import { describe, expect, it } from 'vitest';
import { parseSql, SqlParseError } from '../../sandbox/iot/rules/sql-parser.js';
import { parseMessage, passesWhere, selectOutput } from '../../sandbox/iot/rules/sql-evaluator.js';
import { substitute } from '../../sandbox/iot/rules/templates.js';
import { topicMatches } from '../../sandbox/iot/rules/topic-filter.js';

const message = (payload: string | Buffer, topic = 'iotlab/telemetry/dev1') =>
  parseMessage({ topic, payload: Buffer.isBuffer(payload) ? payload : Buffer.from(payload), clientId: 'client-1', timestamp: 1_700_000_000_000 });

const run = (sql: string, payload: string | Buffer, topic?: string) => {
  const statement = parseSql(sql);
  const m = message(payload, topic);
  if (!passesWhere(statement, m)) return 'filtered';
  const out = selectOutput(statement, m);
  return out === undefined ? undefined : out.toString('utf8');
};

describe('IoT SQL parser', () => {
  it('parses SELECT lists, FROM filters and WHERE expressions', () => {
    const s = parseSql("SELECT *, a.b AS c, topic(2) as t FROM 'x/+/y/#' WHERE (a.b >= 2 AND NOT c = 'z') OR d <> 1");
    expect(s.topicFilter).toBe('x/+/y/#');
    expect(s.select.map((i) => (i.kind === 'all' ? '*' : i.name))).toEqual(['*', 'c', 't']);
    expect(s.where?.kind).toBe('binary');
    expect(parseSql("select temperature from 'a'").select).toHaveLength(1);
  });

  it.each([
    ['SELEC * FROM a', /mismatched input 'SELEC'/],
    ['SELECT * FROM a', /topic filter in single quotes/],
    ["SELECT * FROM 'a/#/b'", /Invalid topic filter/],
    ["SELECT * FROM 'a/b+'", /Invalid topic filter/],
    ["SELECT nosuch() FROM 'a'", /Unknown function/],
    ["SELECT topic(1, 2) FROM 'a'", /Invalid number of arguments/],
    ["SELECT * FROM 'a' WHERE", /expecting an expression/],
    ["SELECT * FROM 'a' WHERE x = 'unterminated", /unterminated string/],
    ["SELECT * FROM 'a' extra", /expecting <EOF>/],
    ["SELECT a FROM 'a' WHERE b ~ 1", /token recognition error/],
  ])('refuses %s', (sql, message) => {
    expect(() => parseSql(sql)).toThrow(SqlParseError);
    expect(() => parseSql(sql)).toThrow(message);
  });
});

describe('IoT SQL evaluation', () => {
  const reading = JSON.stringify({ DEVICE_NAME: 'dev1', TEMPERATURE: 23, HUMIDITY: 41, meta: { site: 'A', tags: ['x', 'y'] } });

  it('selects everything, fields, nested fields, aliases and functions', () => {
    expect(run("SELECT * FROM 'iotlab/telemetry/+'", reading)).toBe(reading);
    expect(JSON.parse(run("SELECT DEVICE_NAME, TEMPERATURE AS t, meta.site, meta.tags[1] AS tag FROM 'iotlab/#'", reading)!)).toEqual({ DEVICE_NAME: 'dev1', t: 23, site: 'A', tag: 'y' });
    const fns = JSON.parse(run("SELECT topic() AS a, topic(3) AS b, topic(9) AS missing, clientid() AS c, timestamp() AS ts, newuuid() AS id FROM 'iotlab/#'", reading)!);
    expect(fns).toMatchObject({ a: 'iotlab/telemetry/dev1', b: 'dev1', c: 'client-1', ts: 1_700_000_000_000 });
    expect(fns).not.toHaveProperty('missing');
    expect(fns.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(run("SELECT *, TEMPERATURE * 2 + 1 AS double, upper(DEVICE_NAME) AS u FROM 'iotlab/#'", reading)!)).toMatchObject({ DEVICE_NAME: 'dev1', double: 47, u: 'DEV1' });
  });

  it('filters with WHERE: comparisons, AND/OR/NOT, and Undefined never passes', () => {
    const sql = (where: string) => `SELECT * FROM 'iotlab/#' WHERE ${where}`;
    expect(run(sql('TEMPERATURE > 20'), reading)).toBe(reading);
    expect(run(sql('TEMPERATURE > 30'), reading)).toBe('filtered');
    expect(run(sql("TEMPERATURE >= 23 AND DEVICE_NAME = 'dev1'"), reading)).toBe(reading);
    expect(run(sql("TEMPERATURE > 99 OR meta.site = 'A'"), reading)).toBe(reading);
    expect(run(sql("NOT DEVICE_NAME = 'dev1'"), reading)).toBe('filtered');
    expect(run(sql('nosuchfield < 5'), reading)).toBe('filtered');
    expect(run(sql("NOT nosuchfield = 'x'"), reading)).toBe('filtered');
    expect(run(sql("TEMPERATURE = '23'"), reading)).toBe('filtered');
    expect(run(sql("topic(2) = 'telemetry'"), 'not json')).toBe('not json');
  });

  it('passes non-JSON payloads through SELECT * as raw bytes and gives nothing for field selects', () => {
    const binary = Buffer.from([0, 255, 1, 2]);
    const out = selectOutput(parseSql("SELECT * FROM 'a'"), message(binary, 'a'));
    expect(out).toEqual(binary);
    expect(run("SELECT a FROM 'a'", 'plain text', 'a')).toBeUndefined();
  });

  it('fills substitution templates from the incoming message', () => {
    const m = message(reading);
    expect(substitute('${topic(3)}', m)).toBe('dev1');
    expect(substitute('${DEVICE_NAME}/${meta.site}/${missing}', m)).toBe('dev1/A/');
    expect(substitute('raw/${topic()}.json', m)).toBe('raw/iotlab/telemetry/dev1.json');
    expect(substitute('${newuuid()}', m)).toMatch(/^[0-9a-f-]{36}$/);
    expect(substitute('${not valid sql (}', m)).toBe('');
  });

  it('matches MQTT topic filters', () => {
    expect(topicMatches('iotlab/telemetry/+', 'iotlab/telemetry/dev1')).toBe(true);
    expect(topicMatches('iotlab/telemetry/+', 'iotlab/telemetry/dev1/x')).toBe(false);
    expect(topicMatches('iotlab/#', 'iotlab')).toBe(true);
    expect(topicMatches('iotlab/#', 'iotlab/a/b/c')).toBe(true);
    expect(topicMatches('#', '$aws/things/x')).toBe(false);
    expect(topicMatches('a/b', 'a/c')).toBe(false);
  });
});
