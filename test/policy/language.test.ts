// The rest of the policy language: wildcards (plain and in resource ARNs), policy variables with their
// defaults and escapes, Action/NotAction, Resource/NotResource, Principal, and the Allow/Deny decision.

import { describe, expect, it } from 'vitest';
import { decide, KnownKeys, readStatements, substitute, substituteText, wildcardMatch, type Request } from '../../policy/index.js';

const statements = (...list: object[]) => readStatements({ Version: '2012-10-17', Statement: list });
const decision = (list: object[], request: Request) => decide(statements(...list), request).decision;

describe('wildcards', () => {
  it('match * as any run and ? as one character, the rest literally', () => {
    expect(wildcardMatch('kinesis:Get*', 'kinesis:GetRecords')).toBe(true);
    expect(wildcardMatch('s3:?etObject', 's3:GetObject')).toBe(true);
    expect(wildcardMatch('s3:?etObject', 's3:etObject')).toBe(false);
    expect(wildcardMatch('a.c', 'abc')).toBe(false);
    expect(wildcardMatch('(a)+[b]', '(a)+[b]')).toBe(true);
  });

  it('keep a resource ARN wildcard inside its segment unless it ends the segment', () => {
    const allow = (resource: string) => ({ Effect: 'Allow', Action: '*', Resource: resource });
    const on = (resource: string) => ({ action: 'iot:Publish', resource });
    // `*` in the middle of a segment stops at a colon...
    expect(decision([allow('arn:aws:iot:us-east-1:1:topic/a*z')], on('arn:aws:iot:us-east-1:1:topic/a/b/z'))).toBe('Allow');
    expect(decision([allow('arn:aws:iot:us-east-1:1:topic/a*z')], on('arn:aws:iot:us-east-1:1:topic/a:b:z'))).toBe('ImplicitDeny');
    expect(decision([allow('arn:aws:iot:us-east-1:1:topic/a?z')], on('arn:aws:iot:us-east-1:1:topic/a:z'))).toBe('ImplicitDeny');
    // ...and one ending a segment runs on across colons.
    expect(decision([allow('arn:aws:iot:us-east-1:1:topic/a*')], on('arn:aws:iot:us-east-1:1:topic/a:b:z'))).toBe('Allow');
    expect(decision([allow('arn:aws:logs:*:1:*')], on('arn:aws:logs:us-east-1:1:log-group:g:log-stream:s'))).toBe('Allow');
    expect(decision([allow('*')], on('arn:aws:logs:us-east-1:1:log-group:g'))).toBe('Allow');
  });
});

describe('policy variables', () => {
  const keys = new KnownKeys({ 'aws:username': 'alice', 'iot:ClientId': 'dev-1', 'aws:TagKeys': ['a', 'b'] });
  const text = (value: string) => substituteText(value, keys);

  it('fill in known keys, without case in the name', () => {
    expect(text('home/${aws:username}/')).toBe('home/alice/');
    expect(text('client/${IOT:clientid}')).toBe('client/dev-1');
  });

  it('use the default when the key is absent, with doubled quotes for a quote', () => {
    expect(text("${aws:PrincipalTag/team, 'none'}")).toBe('none');
    expect(text("${aws:username, 'none'}")).toBe('alice');
    expect(text("${aws:PrincipalTag/team,'it''s'}")).toBe("it's");
  });

  it('leave a value unresolved when the key is absent or multivalued and there is no default', () => {
    expect(text('home/${aws:userid}')).toBeUndefined();
    expect(text('${aws:TagKeys}')).toBeUndefined();
  });

  it('write ${*}, ${?} and ${$} as literal characters, never wildcards', () => {
    expect(substitute('a${*}b*', keys, true)).toEqual([{ text: 'a*b' }, { wildcard: '*' }]);
    expect(text('cost${$}${?}')).toBe('cost$?');
    const literalStar = { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/${*}' };
    expect(decision([literalStar], { action: 's3:GetObject', resource: 'arn:aws:s3:::b/*' })).toBe('Allow');
    expect(decision([literalStar], { action: 's3:GetObject', resource: 'arn:aws:s3:::b/anything' })).toBe('ImplicitDeny');
  });

  it('are substituted once: a value that looks like a variable or wildcard stays literal', () => {
    expect(text("${aws:PrincipalTag/x, '${aws:username}'}")).toBe('${aws:username}');
    const own = { Effect: 'Allow', Action: 'iot:Connect', Resource: 'arn:aws:iot:us-east-1:1:client/${iot:ClientId}' };
    const starry = new KnownKeys({ 'iot:ClientId': '*' });
    expect(decision([own], { action: 'iot:Connect', resource: 'arn:aws:iot:us-east-1:1:client/other', context: starry })).toBe('ImplicitDeny');
  });

  it('make a resource with an unresolved variable match nothing', () => {
    const own = { Effect: 'Allow', Action: 'iot:Connect', Resource: 'arn:aws:iot:us-east-1:1:client/${iot:Connection.Thing.ThingName}' };
    const resource = 'arn:aws:iot:us-east-1:1:client/dev-1';
    expect(decision([own], { action: 'iot:Connect', resource, context: { 'iot:Connection.Thing.ThingName': 'dev-1' } })).toBe('Allow');
    expect(decision([own], { action: 'iot:Connect', resource })).toBe('ImplicitDeny');
  });
});

describe('decide', () => {
  const table = 'arn:aws:dynamodb:us-east-1:1:table/iot';

  it('reads Action without case and Resource with case', () => {
    const list = [{ Effect: 'Allow', Action: 'DynamoDB:putitem', Resource: table }];
    expect(decision(list, { action: 'dynamodb:PutItem', resource: table })).toBe('Allow');
    expect(decision(list, { action: 'dynamodb:PutItem', resource: table.toUpperCase() })).toBe('ImplicitDeny');
  });

  it('reads NotAction and NotResource as everything except', () => {
    const list = [{ Effect: 'Allow', NotAction: 'iam:*', NotResource: 'arn:aws:s3:::secret/*' }];
    expect(decision(list, { action: 'kinesis:PutRecord', resource: '*' })).toBe('Allow');
    expect(decision(list, { action: 'IAM:PassRole', resource: '*' })).toBe('ImplicitDeny');
    expect(decision(list, { action: 's3:GetObject', resource: 'arn:aws:s3:::secret/k' })).toBe('ImplicitDeny');
  });

  it('lets an explicit Deny beat any Allow and names the deciding statement', () => {
    const list = statements({ Sid: 'a', Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: 'dynamodb:Delete*', Resource: '*' });
    expect(decide(list, { action: 'dynamodb:DeleteTable', resource: table })).toEqual({ decision: 'ExplicitDeny', statement: list[1] });
    expect(decide(list, { action: 'dynamodb:PutItem', resource: table })).toEqual({ decision: 'Allow', statement: list[0] });
    expect(decide([], { action: 'dynamodb:PutItem', resource: table })).toEqual({ decision: 'ImplicitDeny' });
  });

  it('applies a conditional statement only when its condition holds', () => {
    const allow = { Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: 'lambda.amazonaws.com' }, Condition: { StringEquals: { 'aws:SourceAccount': '111122223333' } } };
    const deny = { Effect: 'Deny', Action: '*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } };
    const caller = { service: 'lambda.amazonaws.com' };
    const assume = (context: Record<string, string>) => decision([allow], { action: 'sts:AssumeRole', resource: 'arn:aws:iam::111122223333:role/r', caller, context });
    expect(assume({ 'aws:SourceAccount': '111122223333' })).toBe('Allow');
    expect(assume({ 'aws:SourceAccount': '444455556666' })).toBe('ImplicitDeny');
    expect(assume({})).toBe('ImplicitDeny');
    const everything = { Effect: 'Allow', Action: '*', Resource: '*' };
    expect(decision([everything, deny], { action: 's3:GetObject', resource: '*', context: { 'aws:SecureTransport': 'false' } })).toBe('ExplicitDeny');
    expect(decision([everything, deny], { action: 's3:GetObject', resource: '*', context: { 'aws:SecureTransport': 'true' } })).toBe('Allow');
    expect(decision([everything, deny], { action: 's3:GetObject', resource: '*' })).toBe('Allow');
  });

  it('applies a statement with a Principal only to the caller it names', () => {
    const trust = [{ Effect: 'Allow', Principal: { Service: ['iot.amazonaws.com', 'firehose.amazonaws.com'] }, Action: 'sts:AssumeRole' }];
    const assume = (service: string) => decision(trust, { action: 'sts:AssumeRole', resource: 'arn:aws:iam::1:role/r', caller: { service } });
    expect(assume('firehose.amazonaws.com')).toBe('Allow');
    expect(assume('lambda.amazonaws.com')).toBe('ImplicitDeny');
    const account = [{ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 'sts:AssumeRole' }];
    expect(decision(account, { action: 'sts:AssumeRole', resource: 'r', caller: { arn: 'arn:aws:iam::111122223333:user/u' } })).toBe('Allow');
    expect(decision(account, { action: 'sts:AssumeRole', resource: 'r', caller: { service: 'lambda.amazonaws.com' } })).toBe('ImplicitDeny');
  });

  it('leaves out statements without a valid Effect when reading a document', () => {
    expect(readStatements({ Statement: [{ Effect: 'Maybe', Action: '*', Resource: '*' }] })).toEqual([]);
    expect(readStatements({ Statement: { Effect: 'Allow', Action: '*', Resource: '*' } })).toHaveLength(1);
    expect(readStatements(undefined)).toEqual([]);
  });
});
