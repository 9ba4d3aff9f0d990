// The Condition element on its own: each operator, IfExists, the set operators, absent keys.

import { describe, expect, it } from 'vitest';
import { conditionHolds, KnownKeys, type RequestContext } from '../../policy/index.js';

const holds = (condition: object, context: RequestContext = {}) => conditionHolds(condition, new KnownKeys(context));

describe('string operators', () => {
  it('StringEquals is exact and case-sensitive; several values are alternatives', () => {
    expect(holds({ StringEquals: { 'aws:SourceAccount': '111122223333' } }, { 'aws:SourceAccount': '111122223333' })).toBe(true);
    expect(holds({ StringEquals: { 'aws:SourceAccount': ['1', '111122223333'] } }, { 'aws:SourceAccount': '111122223333' })).toBe(true);
    expect(holds({ StringEquals: { 'aws:PrincipalTag/team': 'Blue' } }, { 'aws:PrincipalTag/team': 'blue' })).toBe(false);
    expect(holds({ StringEquals: { 'aws:username': 'a*' } }, { 'aws:username': 'abc' })).toBe(false);
    expect(holds({ StringEquals: { 'aws:username': 'a*' } }, { 'aws:username': 'a*' })).toBe(true);
  });

  it('StringNotEquals holds when none of the values matches', () => {
    const condition = { StringNotEquals: { 'aws:RequestedRegion': ['us-east-1', 'eu-west-1'] } };
    expect(holds(condition, { 'aws:RequestedRegion': 'ap-south-1' })).toBe(true);
    expect(holds(condition, { 'aws:RequestedRegion': 'eu-west-1' })).toBe(false);
  });

  it('the IgnoreCase operators ignore case', () => {
    expect(holds({ StringEqualsIgnoreCase: { 'aws:username': 'ALICE' } }, { 'aws:username': 'alice' })).toBe(true);
    expect(holds({ StringNotEqualsIgnoreCase: { 'aws:username': 'ALICE' } }, { 'aws:username': 'alice' })).toBe(false);
    expect(holds({ StringNotEqualsIgnoreCase: { 'aws:username': 'ALICE' } }, { 'aws:username': 'bob' })).toBe(true);
  });

  it('StringLike and StringNotLike take * and ? across any character', () => {
    expect(holds({ StringLike: { 's3:prefix': 'home/*' } }, { 's3:prefix': 'home/a:b/c' })).toBe(true);
    expect(holds({ StringLike: { 's3:prefix': 'home/?' } }, { 's3:prefix': 'home/ab' })).toBe(false);
    expect(holds({ StringNotLike: { 's3:prefix': 'home/*' } }, { 's3:prefix': 'work/x' })).toBe(true);
    expect(holds({ StringNotLike: { 's3:prefix': 'home/*' } }, { 's3:prefix': 'home/x' })).toBe(false);
  });

  it('compares condition keys without case, values with case', () => {
    expect(holds({ StringEquals: { 'AWS:SOURCEACCOUNT': '1' } }, { 'aws:SourceAccount': '1' })).toBe(true);
  });
});

describe('ARN operators', () => {
  const role = 'arn:aws:iam::123456789012:role/service/AdminRole';

  it('ArnLike and ArnEquals match part by part; no wildcard spans a colon', () => {
    expect(holds({ ArnLike: { 'aws:SourceArn': 'arn:aws:iam::*:role/*' } }, { 'aws:SourceArn': role })).toBe(true);
    expect(holds({ ArnEquals: { 'aws:SourceArn': 'arn:aws:iam::*:role/*' } }, { 'aws:SourceArn': role })).toBe(true);
    expect(holds({ ArnLike: { 'aws:SourceArn': 'arn:aws:iam::*:user/*' } }, { 'aws:SourceArn': role })).toBe(false);
    expect(holds({ ArnLike: { 'aws:SourceArn': 'arn:*:123456789012:role/*' } }, { 'aws:SourceArn': role })).toBe(false);
    expect(holds({ ArnLike: { 'aws:SourceArn': '*' } }, { 'aws:SourceArn': role })).toBe(false);
    expect(holds({ ArnLike: { 'aws:SourceArn': 'arn:aws:iam::123456789012:role/service/Admin????' } }, { 'aws:SourceArn': role })).toBe(true);
    expect(holds({ ArnLike: { 'aws:SourceArn': 'ARN:aws:iam::*:role/*' } }, { 'aws:SourceArn': role })).toBe(false);
  });

  it('lets the resource part hold colons', () => {
    const logStream = 'arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/f:log-stream:x';
    expect(holds({ ArnLike: { 'aws:SourceArn': 'arn:aws:logs:us-east-1:123456789012:log-group:*' } }, { 'aws:SourceArn': logStream })).toBe(true);
  });

  it('ArnNotLike and ArnNotEquals hold when no pattern matches', () => {
    expect(holds({ ArnNotLike: { 'aws:SourceArn': 'arn:aws:iam::*:role/*' } }, { 'aws:SourceArn': role })).toBe(false);
    expect(holds({ ArnNotEquals: { 'aws:SourceArn': 'arn:aws:iam::*:user/*' } }, { 'aws:SourceArn': role })).toBe(true);
  });
});

describe('numeric, date, Bool, binary and address operators', () => {
  it('Numeric* compare numbers, not text', () => {
    const n = { 's3:max-keys': '10' };
    expect(holds({ NumericEquals: { 's3:max-keys': '10.0' } }, n)).toBe(true);
    expect(holds({ NumericNotEquals: { 's3:max-keys': 10 } }, n)).toBe(false);
    expect(holds({ NumericLessThan: { 's3:max-keys': '9' } }, n)).toBe(false);
    expect(holds({ NumericLessThan: { 's3:max-keys': '100' } }, n)).toBe(true);
    expect(holds({ NumericLessThanEquals: { 's3:max-keys': '10' } }, n)).toBe(true);
    expect(holds({ NumericGreaterThan: { 's3:max-keys': '9' } }, n)).toBe(true);
    expect(holds({ NumericGreaterThanEquals: { 's3:max-keys': '11' } }, n)).toBe(false);
    expect(holds({ NumericEquals: { 's3:max-keys': 'ten' } }, n)).toBe(false);
  });

  it('Date* read ISO 8601 and epoch seconds alike', () => {
    const now = { 'aws:CurrentTime': '2026-12-03T10:00:00Z', 'aws:EpochTime': String(Date.parse('2026-12-03T10:00:00Z') / 1000) };
    expect(holds({ DateLessThan: { 'aws:CurrentTime': '2027-01-01T00:00:00Z' } }, now)).toBe(true);
    expect(holds({ DateGreaterThan: { 'aws:CurrentTime': '2027-01-01' } }, now)).toBe(false);
    expect(holds({ DateEquals: { 'aws:EpochTime': '2026-12-03T10:00:00Z' } }, now)).toBe(true);
    expect(holds({ DateNotEquals: { 'aws:EpochTime': '2026-12-03T10:00:00Z' } }, now)).toBe(false);
    expect(holds({ DateLessThanEquals: { 'aws:CurrentTime': '2026-12-03T10:00:00Z' } }, now)).toBe(true);
    expect(holds({ DateGreaterThanEquals: { 'aws:CurrentTime': 1_800_000_000 } }, now)).toBe(false);
  });

  it('Bool compares true and false, as text or JSON booleans', () => {
    expect(holds({ Bool: { 'aws:SecureTransport': 'false' } }, { 'aws:SecureTransport': 'false' })).toBe(true);
    expect(holds({ Bool: { 'aws:SecureTransport': false } }, { 'aws:SecureTransport': 'true' })).toBe(false);
    expect(holds({ Bool: { 'aws:SecureTransport': 'TRUE' } }, { 'aws:SecureTransport': 'true' })).toBe(true);
  });

  it('BinaryEquals compares the bytes of base64 values', () => {
    const bytes = Buffer.from([1, 2, 3]).toString('base64');
    expect(holds({ BinaryEquals: { 'x:key': bytes } }, { 'x:key': bytes })).toBe(true);
    expect(holds({ BinaryEquals: { 'x:key': Buffer.from([1, 2]).toString('base64') } }, { 'x:key': bytes })).toBe(false);
  });

  it('IpAddress and NotIpAddress take CIDR blocks and single addresses, IPv4 and IPv6', () => {
    expect(holds({ IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }, { 'aws:SourceIp': '203.0.113.9' })).toBe(true);
    expect(holds({ IpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '203.0.113.9'] } }, { 'aws:SourceIp': '203.0.113.9' })).toBe(true);
    expect(holds({ IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }, { 'aws:SourceIp': '198.51.100.1' })).toBe(false);
    expect(holds({ IpAddress: { 'aws:SourceIp': '2001:db8::/32' } }, { 'aws:SourceIp': '2001:db8::1' })).toBe(true);
    expect(holds({ NotIpAddress: { 'aws:SourceIp': '127.0.0.0/8' } }, { 'aws:SourceIp': '127.0.0.1' })).toBe(false);
    expect(holds({ NotIpAddress: { 'aws:SourceIp': '127.0.0.0/8' } }, { 'aws:SourceIp': '192.0.2.1' })).toBe(true);
  });
});

describe('absent keys', () => {
  it('make a positive operator false and a negated one true', () => {
    expect(holds({ StringEquals: { 'aws:SourceAccount': '1' } })).toBe(false);
    expect(holds({ StringLike: { 'aws:SourceAccount': '*' } })).toBe(false);
    expect(holds({ ArnLike: { 'aws:SourceArn': 'arn:aws:*:*:*:*' } })).toBe(false);
    expect(holds({ Bool: { 'aws:SecureTransport': 'false' } })).toBe(false);
    expect(holds({ NumericLessThan: { 's3:max-keys': '5' } })).toBe(false);
    expect(holds({ IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } })).toBe(false);
    expect(holds({ StringNotEquals: { 'aws:SourceAccount': '1' } })).toBe(true);
    expect(holds({ ArnNotLike: { 'aws:SourceArn': 'arn:aws:*:*:*:*' } })).toBe(true);
    expect(holds({ NotIpAddress: { 'aws:SourceIp': '0.0.0.0/0' } })).toBe(true);
  });

  it('make ...IfExists true, and leave it the base operator when present', () => {
    expect(holds({ StringEqualsIfExists: { 'aws:SourceAccount': '1' } })).toBe(true);
    expect(holds({ BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } })).toBe(true);
    expect(holds({ StringEqualsIfExists: { 'aws:SourceAccount': '1' } }, { 'aws:SourceAccount': '2' })).toBe(false);
    expect(holds({ StringNotEqualsIfExists: { 'aws:SourceAccount': '1' } }, { 'aws:SourceAccount': '1' })).toBe(false);
  });

  it('are what Null tests', () => {
    expect(holds({ Null: { 'aws:TokenIssueTime': 'true' } })).toBe(true);
    expect(holds({ Null: { 'aws:TokenIssueTime': 'true' } }, { 'aws:TokenIssueTime': '2026-12-03T10:00:00Z' })).toBe(false);
    expect(holds({ Null: { 'aws:TokenIssueTime': false } }, { 'aws:TokenIssueTime': '2026-12-03T10:00:00Z' })).toBe(true);
    expect(holds({ Null: { 'aws:TokenIssueTime': 'false' } })).toBe(false);
  });
});

describe('set operators', () => {
  const tags = { 'aws:TagKeys': ['env', 'team'] };

  it('ForAllValues: every request value matches one of the policy values; true for an absent key', () => {
    expect(holds({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['env', 'team', 'cost'] } }, tags)).toBe(true);
    expect(holds({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['env'] } }, tags)).toBe(false);
    expect(holds({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['env'] } })).toBe(true);
    expect(holds({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['env'] } }, { 'aws:TagKeys': [] })).toBe(true);
    expect(holds({ 'ForAllValues:StringNotEquals': { 'aws:TagKeys': ['secret'] } }, tags)).toBe(true);
    expect(holds({ 'ForAllValues:StringNotEquals': { 'aws:TagKeys': ['team'] } }, tags)).toBe(false);
  });

  it('ForAnyValue: at least one request value matches; false for an absent key', () => {
    expect(holds({ 'ForAnyValue:StringEquals': { 'aws:TagKeys': 'team' } }, tags)).toBe(true);
    expect(holds({ 'ForAnyValue:StringLike': { 'aws:TagKeys': 'c*' } }, tags)).toBe(false);
    expect(holds({ 'ForAnyValue:StringEquals': { 'aws:TagKeys': 'team' } })).toBe(false);
    expect(holds({ 'ForAnyValue:StringNotEquals': { 'aws:TagKeys': 'team' } }, tags)).toBe(true);
    expect(holds({ 'ForAnyValue:StringNotEquals': { 'aws:TagKeys': ['team', 'env'] } }, tags)).toBe(false);
    expect(holds({ 'ForAnyValue:StringEqualsIfExists': { 'aws:TagKeys': 'team' } })).toBe(true);
  });
});

describe('combining', () => {
  it('ANDs the keys of a block and the blocks of a Condition', () => {
    const context = { 'aws:SourceAccount': '1', 'aws:SecureTransport': 'true' };
    expect(holds({ StringEquals: { 'aws:SourceAccount': '1' }, Bool: { 'aws:SecureTransport': 'true' } }, context)).toBe(true);
    expect(holds({ StringEquals: { 'aws:SourceAccount': '1' }, Bool: { 'aws:SecureTransport': 'false' } }, context)).toBe(false);
    expect(holds({ StringEquals: { 'aws:SourceAccount': '1', 'aws:SecureTransport': 'false' } }, context)).toBe(false);
  });

  it('holds for no Condition and fails an operator it does not know', () => {
    expect(conditionHolds(undefined, new KnownKeys())).toBe(true);
    expect(holds({ StringSortOf: { 'aws:SourceAccount': '1' } }, { 'aws:SourceAccount': '1' })).toBe(false);
    expect(holds({ NullIfExists: { 'aws:SourceAccount': 'true' } })).toBe(false);
  });

  it('fills policy variables into condition values', () => {
    const context = { 'aws:username': 'alice', 's3:prefix': 'home/alice/notes' };
    expect(holds({ StringLike: { 's3:prefix': 'home/${aws:username}/*' } }, context)).toBe(true);
    expect(holds({ StringLike: { 's3:prefix': 'home/${aws:username}/*' } }, { ...context, 'aws:username': 'bob' })).toBe(false);
    // An unresolved variable matches nothing: a positive operator fails, a negated one holds.
    expect(holds({ StringLike: { 's3:prefix': 'home/${aws:userid}/*' } }, context)).toBe(false);
    expect(holds({ StringNotLike: { 's3:prefix': 'home/${aws:userid}/*' } }, context)).toBe(true);
  });
});
