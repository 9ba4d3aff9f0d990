// The checks' evaluator (checks/lib/policy.ts) over the policy library, in process: conditional Allow and
// Deny judged with what a check knows about the request, and unknown keys treated as absent.

import { describe, expect, it } from 'vitest';
import { evaluate, trustsService, type NamedPolicy } from '../../checks/lib/policy.js';

const stream = 'arn:aws:kinesis:us-east-1:111122223333:stream/iotlab-stream';
const named = (name: string, ...Statement: object[]) => ({ name, document: { Version: '2012-10-17', Statement } }) as NamedPolicy;

describe("the checks' policy evaluator", () => {
  it('trusts a service under an aws:SourceAccount condition only for the account the caller names', () => {
    const trust = {
      Statement: [{ Effect: 'Allow', Principal: { Service: 'iot.amazonaws.com' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:SourceAccount': '111122223333' } } }],
    };
    expect(trustsService(trust, 'iot.amazonaws.com', { 'aws:SourceAccount': '111122223333' })).toBe(true);
    expect(trustsService(trust, 'iot.amazonaws.com', { 'aws:SourceAccount': '444455556666' })).toBe(false);
    // Without the account, the key is absent and StringEquals fails, as in AWS.
    expect(trustsService(trust, 'iot.amazonaws.com')).toBe(false);
    expect(trustsService(trust, 'lambda.amazonaws.com', { 'aws:SourceAccount': '111122223333' })).toBe(false);
  });

  it('lets an unconditional Deny in a trust policy win over its Allow', () => {
    const trust = {
      Statement: [
        { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
        { Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRole' },
      ],
    };
    expect(trustsService(trust, 'lambda.amazonaws.com')).toBe(false);
  });

  it('applies a Deny on aws:SecureTransport only when the key is known: a check cannot know the transport', () => {
    const policies = [
      named('writer', { Effect: 'Allow', Action: 'kinesis:PutRecord', Resource: stream }),
      named('tls-only', { Effect: 'Deny', Action: '*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    ];
    expect(evaluate(policies, 'kinesis:PutRecord', stream)).toEqual({ decision: 'allowed', by: 'writer' });
    expect(evaluate(policies, 'kinesis:PutRecord', stream, { 'aws:SecureTransport': 'false' })).toEqual({ decision: 'denied', by: 'tls-only' });
    expect(evaluate(policies, 'kinesis:PutRecord', stream, { 'aws:SecureTransport': 'true' })).toEqual({ decision: 'allowed', by: 'writer' });
  });

  it("knows the request's region from the resource ARN and the time of the check", () => {
    const inRegion = named('regional', { Effect: 'Allow', Action: 'kinesis:*', Resource: '*', Condition: { StringEquals: { 'aws:RequestedRegion': 'us-east-1' } } });
    expect(evaluate([inRegion], 'kinesis:PutRecord', stream).decision).toBe('allowed');
    expect(evaluate([inRegion], 'kinesis:PutRecord', stream.replace('us-east-1', 'eu-west-1')).decision).toBe('implicitly-denied');
    const expired = named('expired', { Effect: 'Allow', Action: 'kinesis:*', Resource: '*', Condition: { DateLessThan: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' } } });
    expect(evaluate([expired], 'kinesis:PutRecord', stream).decision).toBe('implicitly-denied');
  });

  it("treats a negated operator on a key it cannot know as holding, as AWS does for an absent key", () => {
    const outsideVpc = named('vpc-only', { Effect: 'Deny', Action: '*', Resource: '*', Condition: { StringNotEquals: { 'aws:SourceVpc': 'vpc-1' } } });
    const allow = named('writer', { Effect: 'Allow', Action: '*', Resource: '*' });
    expect(evaluate([allow, outsideVpc], 'kinesis:PutRecord', stream)).toEqual({ decision: 'denied', by: 'vpc-only' });
  });

  it('reads IoT policy variables as condition keys too', () => {
    const device = named('device', { Effect: 'Allow', Action: 'iot:Connect', Resource: '*', Condition: { StringLike: { 'iot:ClientId': 'iotlab-*' } } });
    const client = 'arn:aws:iot:us-east-1:111122223333:client/iotlab-dev1';
    expect(evaluate([device], 'iot:Connect', client, { 'iot:ClientId': 'iotlab-dev1' }).decision).toBe('allowed');
    expect(evaluate([device], 'iot:Connect', client, { 'iot:ClientId': 'other' }).decision).toBe('implicitly-denied');
  });
});
