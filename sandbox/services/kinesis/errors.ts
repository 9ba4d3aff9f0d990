// Kinesis's errors with AWS's exact wording, built from the resource they are about.

import { ServiceError } from '../../protocols/errors.js';

export interface StreamRef {
  name: string;
  accountId: string;
}

const invalid = (message: string) => new ServiceError('InvalidArgumentException', message, 400);

export const streamNotFound = (s: StreamRef) => new ServiceError('ResourceNotFoundException', `Stream ${s.name} under account ${s.accountId} not found.`, 400);

export const streamExists = (s: StreamRef) => new ServiceError('ResourceInUseException', `Stream ${s.name} under account ${s.accountId} already exists.`, 400);

export const streamNotActive = (s: StreamRef, status: string) =>
  new ServiceError('ResourceInUseException', `Stream ${s.name} under account ${s.accountId} not ACTIVE, instead in state ${status}`, 400);

export const shardNotFound = (s: StreamRef, shardId: string) =>
  new ServiceError('ResourceNotFoundException', `Shard ${shardId} in stream ${s.name} under account ${s.accountId} does not exist`, 400);

export const shardNotFoundForList = (s: StreamRef, shardId: string) =>
  new ServiceError('ResourceNotFoundException', `Could not find shard ${shardId} in stream ${s.name} under account ${s.accountId}.`, 400);

export const shardLimitExceeded = (accountId: string, region: string, current: number, limit: number, requested: number) =>
  new ServiceError(
    'LimitExceededException',
    `This request would exceed the shard limit for the account ${accountId} in ${region}. Current shard count for the account: ${current}. ` +
      `Limit: ${limit}. Number of additional shards that would have resulted from this request: ${requested}. ` +
      'Refer to the AWS Service Limits page (http://docs.aws.amazon.com/general/latest/gr/aws_service_limits.html) for current limits and how to request higher limits.',
    400,
  );

export const rateExceededMessage = (s: StreamRef, shardId: string) => `Rate exceeded for shard ${shardId} in stream ${s.name} under account ${s.accountId}.`;

export const rateExceeded = (s: StreamRef, shardId: string) => new ServiceError('ProvisionedThroughputExceededException', rateExceededMessage(s, shardId), 400);

export const invalidShardIterator = () => invalid('Invalid ShardIterator.');

export const expiredIterator = (issuedAt: number, now: number) =>
  new ServiceError(
    'ExpiredIteratorException',
    `Iterator expired. The iterator was created at time ${javaDate(issuedAt)} while right now it is ${javaDate(now)} which is further in the future than the tolerated delay of 300000 milliseconds.`,
    400,
  );

export const invalidHashKey = (value: string) => invalid(`Invalid ExplicitHashKey. ExplicitHashKey must be in the range: [0, 2^128-1]. Specified value was ${value}`);

export const invalidOrderingSequence = (s: StreamRef, seq: string) =>
  invalid(`ExclusiveMinimumSequenceNumber ${seq} used in PutRecord on stream ${s.name} under account ${s.accountId} is invalid.`);

export const invalidStartingSequence = (s: StreamRef, shardId: string, seq: string) =>
  invalid(`StartingSequenceNumber ${seq} used in GetShardIterator on shard ${shardId} in stream ${s.name} under account ${s.accountId} is invalid.`);

/** What Kinesis answers for a legacy (version 0) sequence number on a current shard: a bare 500. */
export const legacySequenceFailure = () => new ServiceError('InternalFailure', '', 500);
export const sequenceOfOtherStream = (s: StreamRef, shardId: string, seq: string) =>
  invalid(`StartingSequenceNumber ${seq} used in GetShardIterator on shard ${shardId} in stream ${s.name} under account ${s.accountId} is invalid because it did not come from this stream.`);
export const sequenceOfOtherShard = (encoded: string, shardId: string) =>
  invalid(`Invalid StartingSequenceNumber. It encodes ${encoded}, while it was used in a call to a shard with ${shardId}`);

const ITERATOR_RULE =
  'Must either specify (1) AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER and StartingSequenceNumber or (2) TRIM_HORIZON or LATEST and no StartingSequenceNumber.';

export const iteratorNeedsSequence = (type: string) => invalid(`${ITERATOR_RULE} Request specified ${type} and no StartingSequenceNumber.`);
export const iteratorTakesNoSequence = (type: string) => invalid(`${ITERATOR_RULE} Request specified ${type} and also a StartingSequenceNumber.`);
export const iteratorNeedsTimestamp = () =>
  invalid('Must specify timestampInMillis parameter for iterator of type AT_TIMESTAMP. Current request has no timestamp parameter.');
export const timestampInFuture = (ts: number, now: number) =>
  invalid(`The timestampInMillis parameter cannot be greater than the currentTimestampInMillis. timestampInMillis: ${ts}, currentTimestampInMillis: ${now}`);

export const retentionTooShort = (hours: number) =>
  invalid(`Minimum allowed retention period is 24 hours. Requested retention period (${hours} hours) is too short.`);
export const retentionTooLong = (hours: number) =>
  invalid(`Maximum allowed retention period is 8760 hours. Requested retention period (${hours} hours) is too long.`);
export const retentionNotIncrease = (s: StreamRef, hours: number, current: number) =>
  invalid(`Requested retention period (${hours} hours) for stream ${s.name} can not be shorter than existing retention period (${current} hours). Use DecreaseRetentionPeriod API.`);
export const retentionNotDecrease = (s: StreamRef, hours: number, current: number) =>
  invalid(`Requested retention period (${hours} hours) for stream ${s.name} can not be longer than existing retention period (${current} hours). Use IncreaseRetentionPeriod API.`);

export const tooManyTags = (s: StreamRef) =>
  invalid(`Failed to add tags to stream ${s.name} under account ${s.accountId} because a given stream cannot have more than 50 tags associated with it.`);
export const illegalTagCharacters = (s: StreamRef, action: 'add' | 'remove') =>
  invalid(
    `Failed to ${action} tags ${action === 'add' ? 'to' : 'from'} stream ${s.name} under account ${s.accountId} because some tags contained illegal characters. ` +
      "The allowed characters are Unicode letters, white-spaces, '_',',','/','=','+','-','@'.",
  );
export const invalidTagCharacters = () => invalid('Some tags contain invalid characters. Valid characters: Unicode letters, digits, white space, _ . / = + - % @.');

export const recordTooLarge = (index: number | undefined, limitBytes: number) =>
  new ServiceError(
    'ValidationException',
    `1 validation error detected: Value at '${index === undefined ? '' : `records.${index + 1}.member.`}data' failed to satisfy constraint: Member must have length less than or equal to ${limitBytes} including the partition key`,
    400,
  );
export const requestTooLarge = () => invalid('Records size exceeds 10 MiB limit');

export const nameOrArnRequired = () => invalid('Either StreamName or StreamARN should be provided.');
export const arnMismatch = () => invalid('StreamARN and StreamName do not refer to the same stream.');

export const shardCountScaleUp = (current: number, target: number) =>
  new ServiceError('LimitExceededException', `UpdateShardCount cannot scale up over double your current open shard count. Current open shard count: ${current} Target shard count: ${target}`, 400);
export const shardCountScaleDown = (current: number, target: number) =>
  new ServiceError('LimitExceededException', `UpdateShardCount cannot scale down below half your current open shard count. Current open shard count: ${current} Target shard count: ${target}`, 400);

export const listShardsTokenAndName = () => invalid('NextToken and StreamName cannot be provided together.');
export const listShardsNeedsNameOrToken = () => invalid('Either NextToken or StreamName should be provided.');
export const invalidNextToken = () => invalid('Invalid NextToken.');
export const expiredNextToken = () => new ServiceError('ExpiredNextTokenException', 'The timestamp is expired.', 400);
export const onDemandShardCount = () => invalid('ShardCount is not supported for the ON_DEMAND capacity mode.');
export const onDemandUpdateShardCount = (s: StreamRef) =>
  invalid(`UpdateShardCount is not supported for stream ${s.name} under account ${s.accountId} with ON_DEMAND capacity mode.`);

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** java.util.Date#toString in UTC, which is how Kinesis prints times in ExpiredIteratorException. */
function javaDate(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

export const shardAlreadyClosed = (s: StreamRef, shardId: string) =>
  invalid(`Shard ${shardId} in stream ${s.name} under account ${s.accountId} has already been merged or split, and thus is not eligible for merging or splitting.`);
export const splitKeyOutOfRange = (s: StreamRef, shard: { shardId: string; hashStart: string; hashEnd: string }, key: string) =>
  invalid(
    `NewStartingHashKey ${key} used in SplitShard() on shard ${shard.shardId} in stream ${s.name} under account ${s.accountId} ` +
      `is not both greater than one plus the shard's StartingHashKey ${shard.hashStart} and less than the shard's EndingHashKey ${shard.hashEnd}.`,
  );
export const shardsNotAdjacent = (s: StreamRef, shardId: string, adjacentShardId: string) =>
  invalid(`Shards ${shardId} and ${adjacentShardId} in stream ${s.name} under account ${s.accountId} are not an adjacent pair of shards eligible for merging`);
/** SplitShard and MergeShards on an ON_DEMAND stream, worded as UpdateShardCount's refusal. */
export const onDemandResharding = (operation: 'SplitShard' | 'MergeShards', s: StreamRef) =>
  invalid(`${operation} is not supported for stream ${s.name} under account ${s.accountId} with ON_DEMAND capacity mode.`);
