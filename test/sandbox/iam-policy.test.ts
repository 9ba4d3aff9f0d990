// IAM policy documents without HTTP: the grammar IAM enforces when storing them, and the evaluation
// other services rely on (wildcards, NotAction/NotResource, explicit Deny, conditions, trust by service principal).

import { describe, expect, it } from 'vitest';
import { parsePolicy, statementsOf } from '../../sandbox/services/iam/policy-document.js';
import { evaluate, trustsService, wildcardMatch } from '../../sandbox/services/iam/policy-evaluation.js';

const policy = (...statements: object[]) => statementsOf({ Version: '2012-10-17', Statement: statements }, 'identity');
const TABLE = 'arn:aws:dynamodb:us-east-1:000000000000:table/iot';

describe('wildcardMatch', () => {
  it('treats * as any run and ? as one character, everything else literally', () => {
    expect(wildcardMatch('kinesis:Get*', 'kinesis:GetRecords')).toBe(true);
    expect(wildcardMatch('kinesis:Get*', 'kinesis:PutRecord')).toBe(false);
    expect(wildcardMatch('s3:?etObject', 's3:GetObject')).toBe(true);
    expect(wildcardMatch('s3:?etObject', 's3:GGetObject')).toBe(false);
    expect(wildcardMatch('arn:aws:s3:::bucket.a/*', 'arn:aws:s3:::bucketXa/k')).toBe(false);
    expect(wildcardMatch('arn:aws:s3:::b/(x)+', 'arn:aws:s3:::b/(x)+')).toBe(true);
    expect(wildcardMatch('KINESIS:getrecords', 'kinesis:GetRecords', true)).toBe(true);
    expect(wildcardMatch('KINESIS:getrecords', 'kinesis:GetRecords')).toBe(false);
  });
});

describe('evaluate', () => {
  it('allows what a statement covers, ignoring the case of actions but not of resources', () => {
    const statements = policy({ Effect: 'Allow', Action: 'DynamoDB:putitem', Resource: TABLE });
    expect(evaluate(statements, 'dynamodb:PutItem', TABLE)).toBe('Allow');
    expect(evaluate(statements, 'dynamodb:PutItem', TABLE.toUpperCase())).toBe('ImplicitDeny');
    expect(evaluate(statements, 'dynamodb:GetItem', TABLE)).toBe('ImplicitDeny');
    expect(evaluate([], 'dynamodb:PutItem', TABLE)).toBe('ImplicitDeny');
  });

  it('lets an explicit Deny win over any Allow, in any order', () => {
    const allow = { Effect: 'Allow', Action: '*', Resource: '*' };
    const deny = { Effect: 'Deny', Action: 'dynamodb:Delete*', Resource: 'arn:aws:dynamodb:*:*:table/*' };
    expect(evaluate(policy(allow, deny), 'dynamodb:DeleteTable', TABLE)).toBe('ExplicitDeny');
    expect(evaluate(policy(deny, allow), 'dynamodb:DeleteTable', TABLE)).toBe('ExplicitDeny');
    expect(evaluate(policy(deny, allow), 'dynamodb:PutItem', TABLE)).toBe('Allow');
  });

  it('reads NotAction and NotResource as everything except', () => {
    const statements = policy({ Effect: 'Allow', NotAction: 'iam:*', NotResource: 'arn:aws:s3:::secret/*' });
    expect(evaluate(statements, 'kinesis:PutRecord', '*')).toBe('Allow');
    expect(evaluate(statements, 'IAM:CreateRole', '*')).toBe('ImplicitDeny');
    expect(evaluate(statements, 's3:GetObject', 'arn:aws:s3:::secret/k')).toBe('ImplicitDeny');
    expect(evaluate(statements, 's3:GetObject', 'arn:aws:s3:::public/k')).toBe('Allow');
  });

  it('applies a conditional statement only when its condition holds for the keys the request has', () => {
    const condition = { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } };
    const role = 'arn:aws:iam::000000000000:role/r';
    const allow = policy({ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*', Condition: condition });
    expect(evaluate(allow, 'iam:PassRole', role, { 'aws:RequestedRegion': 'eu-west-1' })).toBe('Allow');
    expect(evaluate(allow, 'iam:PassRole', role, { 'aws:RequestedRegion': 'us-east-1' })).toBe('ImplicitDeny');
    expect(evaluate(allow, 'iam:PassRole', role)).toBe('ImplicitDeny');
    const denyUnlessRegion = policy(
      { Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' },
      { Effect: 'Deny', Action: 'iam:PassRole', Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': 'eu-west-1' } } },
    );
    expect(evaluate(denyUnlessRegion, 'iam:PassRole', role, { 'aws:RequestedRegion': 'us-east-1' })).toBe('ExplicitDeny');
    expect(evaluate(denyUnlessRegion, 'iam:PassRole', role, { 'aws:RequestedRegion': 'eu-west-1' })).toBe('Allow');
    // A negated operator holds for an absent key, so the Deny applies.
    expect(evaluate(denyUnlessRegion, 'iam:PassRole', role)).toBe('ExplicitDeny');
  });

  it('reads a single statement object as AWS publishes some policies', () => {
    const statements = statementsOf({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: ['firehose:PutRecord'], Resource: '*' } }, 'identity');
    expect(evaluate(statements, 'firehose:PutRecord', 'arn:aws:firehose:us-east-1:000000000000:deliverystream/d')).toBe('Allow');
  });
});

describe('trustsService', () => {
  const trust = (...statements: object[]) => statementsOf(JSON.stringify({ Version: '2012-10-17', Statement: statements }), 'trust');

  it('finds the service principal as a string or in a list, for sts:AssumeRole only', () => {
    expect(trustsService(trust({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }), 'lambda.amazonaws.com')).toBe(true);
    const both = trust({ Effect: 'Allow', Principal: { Service: ['iot.amazonaws.com', 'firehose.amazonaws.com'] }, Action: ['sts:AssumeRole'] });
    expect(trustsService(both, 'firehose.amazonaws.com')).toBe(true);
    expect(trustsService(both, 'lambda.amazonaws.com')).toBe(false);
    expect(trustsService(trust({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:TagSession' }), 'lambda.amazonaws.com')).toBe(false);
    expect(trustsService(trust({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::000000000000:root' }, Action: 'sts:AssumeRole' }), 'lambda.amazonaws.com')).toBe(false);
  });

  it('evaluates the trust policy\'s conditions against the AssumeRole request', () => {
    const statements = trust({
      Effect: 'Allow',
      Principal: { Service: 'lambda.amazonaws.com' },
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'aws:SourceAccount': '111122223333' } },
    });
    expect(trustsService(statements, 'lambda.amazonaws.com', { 'aws:SourceAccount': '111122223333' })).toBe(true);
    expect(trustsService(statements, 'lambda.amazonaws.com', { 'aws:SourceAccount': '444455556666' })).toBe(false);
    expect(trustsService(statements, 'lambda.amazonaws.com')).toBe(false);
  });

  it('lets a Deny for the service win', () => {
    const statements = trust(
      { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
      { Effect: 'Deny', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:*' },
    );
    expect(trustsService(statements, 'lambda.amazonaws.com')).toBe(false);
  });
});

describe('parsePolicy', () => {
  const malformed = (text: string, kind: 'identity' | 'trust', message: string) =>
    expect(() => parsePolicy(text, kind)).toThrow(expect.objectContaining({ code: 'MalformedPolicyDocument', message }));

  it('accepts what IAM accepts, Version included or not', () => {
    expect(parsePolicy(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] }), 'identity')).toHaveLength(1);
    expect(parsePolicy(JSON.stringify({ Statement: { Effect: 'Deny', NotAction: 's3:*', NotResource: 'arn:aws:s3:::b' } }), 'identity')).toHaveLength(1);
  });

  it('refuses what IAM refuses, with its messages', () => {
    malformed('{', 'identity', 'Syntax errors in policy.');
    malformed('{', 'trust', 'This policy contains invalid Json');
    malformed('[]', 'identity', 'Syntax errors in policy.');
    malformed(JSON.stringify({ Version: '2012-10-17', Statement: [], Extra: 1 }), 'identity', 'Syntax errors in policy.');
    malformed(JSON.stringify({ Statement: [{ Effect: 'Maybe', Action: 's3:*', Resource: '*' }] }), 'identity', 'Syntax errors in policy.');
    malformed(JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 's3:*', NotAction: 's3:Get*', Resource: '*' }] }), 'identity', 'Syntax errors in policy.');
    malformed(JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 7, Resource: '*' }] }), 'identity', 'Syntax errors in policy.');
    malformed(JSON.stringify({ Statement: [{ Effect: 'Allow', Resource: '*' }] }), 'identity', 'Policy statement must contain actions.');
    malformed(JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: 'bucket' }] }), 'identity', 'Resource bucket must be in ARN format or "*".');
    malformed(JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole', NotResource: '*' }] }), 'trust', 'Has prohibited field NotResource');
  });
});
