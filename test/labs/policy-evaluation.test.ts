// The checks' own policy evaluator and topic matching: what decides "role may do X" and "rule sees topic".

import { describe, expect, it } from 'vitest';
import { evaluate, parsePolicyDocument, trustsService, wildcardMatch } from '../../checks/lib/policy.js';
import { sqlTopicFilter, topicMatches } from '../../checks/lib/topics.js';

const stream = 'arn:aws:kinesis:us-east-1:000000000000:stream/iotlab-stream';

describe('policy evaluation', () => {
  it('decodes URL-encoded documents as IAM returns them, and plain JSON as IoT does', () => {
    const doc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kinesis:PutRecord', Resource: stream }] };
    expect(parsePolicyDocument(encodeURIComponent(JSON.stringify(doc)))).toEqual(doc);
    expect(parsePolicyDocument(JSON.stringify(doc))).toEqual(doc);
  });

  it('allows by wildcard action (case-insensitive) and resource, and lets an explicit deny win', () => {
    const allow = { name: 'a', document: { Statement: [{ Effect: 'Allow', Action: 'Kinesis:Put*', Resource: 'arn:aws:kinesis:*:*:stream/iotlab-*' }] } };
    expect(evaluate([allow], 'kinesis:PutRecord', stream)).toEqual({ decision: 'allowed', by: 'a' });
    expect(evaluate([allow], 'kinesis:GetRecords', stream).decision).toBe('implicitly-denied');
    const deny = { name: 'd', document: { Statement: { Effect: 'Deny', Action: '*', Resource: '*' } } };
    expect(evaluate([allow, deny], 'kinesis:PutRecord', stream)).toEqual({ decision: 'denied', by: 'd' });
  });

  it('understands NotAction and NotResource', () => {
    const p = { name: 'n', document: { Statement: [{ Effect: 'Allow', NotAction: 'iam:*', NotResource: 'arn:aws:kinesis:*:*:stream/secret' }] } };
    expect(evaluate([p], 'kinesis:PutRecord', stream).decision).toBe('allowed');
    expect(evaluate([p], 'iam:CreateRole', stream).decision).toBe('implicitly-denied');
    expect(evaluate([p], 'kinesis:PutRecord', 'arn:aws:kinesis:us-east-1:1:stream/secret').decision).toBe('implicitly-denied');
  });

  it('substitutes IoT policy variables', () => {
    const p = { name: 'iot', document: { Statement: [{ Effect: 'Allow', Action: 'iot:Connect', Resource: 'arn:aws:iot:us-east-1:1:client/${iot:Connection.Thing.ThingName}' }] } };
    expect(evaluate([p], 'iot:Connect', 'arn:aws:iot:us-east-1:1:client/dev1', { 'iot:Connection.Thing.ThingName': 'dev1' }).decision).toBe('allowed');
    expect(evaluate([p], 'iot:Connect', 'arn:aws:iot:us-east-1:1:client/other', { 'iot:Connection.Thing.ThingName': 'dev1' }).decision).toBe('implicitly-denied');
  });

  it('reads service principals from trust policies', () => {
    const trust = { Statement: [{ Effect: 'Allow', Principal: { Service: ['lambda.amazonaws.com'] }, Action: 'sts:AssumeRole' }] };
    expect(trustsService(trust, 'lambda.amazonaws.com')).toBe(true);
    expect(trustsService(trust, 'iot.amazonaws.com')).toBe(false);
  });

  it('matches ? as one character and escapes regex characters', () => {
    expect(wildcardMatch('a?c', 'abc')).toBe(true);
    expect(wildcardMatch('a.c', 'abc')).toBe(false);
  });
});

describe('topics', () => {
  it('matches MQTT filters with + and #', () => {
    expect(topicMatches('iotlab/telemetry/#', 'iotlab/telemetry/dev1')).toBe(true);
    expect(topicMatches('iotlab/#', 'iotlab')).toBe(true);
    expect(topicMatches('iotlab/+/dev1', 'iotlab/telemetry/dev1')).toBe(true);
    expect(topicMatches('iotlab/+', 'iotlab/telemetry/dev1')).toBe(false);
    expect(topicMatches('other/telemetry/#', 'iotlab/telemetry/dev1')).toBe(false);
  });

  it('finds the topic filter in IoT SQL', () => {
    expect(sqlTopicFilter("SELECT * FROM 'iotlab/telemetry/#' WHERE TEMPERATURE > 30")).toBe('iotlab/telemetry/#');
    expect(sqlTopicFilter('SELECT * FROM "a/b"')).toBe('a/b');
    expect(sqlTopicFilter('SELECT 1')).toBeUndefined();
  });
});
