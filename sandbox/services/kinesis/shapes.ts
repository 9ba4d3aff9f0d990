// Input members many Kinesis operations share, with the constraints of AWS's model.

import { int, map, str, type Shape } from '../../protocols/shapes.js';

export const streamName = (o: { required?: boolean } = {}) => str({ min: 1, max: 128, pattern: '[a-zA-Z0-9_.-]+', ...o });
export const streamArn = () => str({ min: 1, max: 2048, pattern: 'arn:aws.*:kinesis:.*:\\d{12}:stream/\\S+' });
export const shardId = (o: { required?: boolean } = {}) => str({ min: 1, max: 128, pattern: '[a-zA-Z0-9_.-]+', ...o });
export const hashKey = (o: { required?: boolean } = {}) => str({ pattern: '0|([1-9]\\d{0,38})', ...o });
export const sequenceNumber = () => str({ pattern: '0|([1-9]\\d{0,128})' });
export const tagMap = (o: { required?: boolean } = {}): Shape => map(str({ min: 1, max: 128 }), str({ min: 0, max: 256 }), { min: 1, max: 200, ...o });

/** StreamName or StreamARN (newer SDKs send the ARN) and the StreamId the model also allows. */
export const streamTarget = () => ({
  StreamName: streamName(),
  StreamARN: streamArn(),
  StreamId: str({ min: 1, max: 24, pattern: '[a-z0-9]{20}-[a-z0-9]{3}' }),
});

export const retentionInput = () => ({ ...streamTarget(), RetentionPeriodHours: int({ required: true }) });

export interface StreamTarget {
  StreamName?: string;
  StreamARN?: string;
}
