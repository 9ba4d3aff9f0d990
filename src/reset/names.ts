// The names each lab gives its resources under a prefix, and which lab a resource found only by the
// workshop tag belongs to (a neighbour's prefix, or a resource renamed by hand).

import { dataLakeBucket, resourceNames } from '../labs/resource-names.js';
import type { ResourceKind } from './resource.js';

export const WORKSHOP_TAG = { key: 'workshop', value: 'iot-pipeline-labs' } as const;

export interface LabName {
  kind: ResourceKind;
  name: string;
  lab: number;
}

export const lambdaLogGroup = (functionName: string) => `/aws/lambda/${functionName}`;
export const firehoseLogGroup = (deliveryStream: string) => `/aws/kinesisfirehose/${deliveryStream}`;

/** Every name the labs' reference solutions and texts give under `prefix` in `accountId`. */
export function prefixNames(prefix: string, accountId: string): LabName[] {
  const n = resourceNames(prefix);
  const at = (lab: number, kind: ResourceKind, ...names: string[]) => names.map((name) => ({ kind, name, lab }));
  return [
    ...at(0, 'iot-thing', n.thing),
    ...at(0, 'iot-policy', n.devicePolicy),
    ...at(1, 'iot-rule', n.streamRule),
    ...at(1, 'kinesis-stream', n.stream),
    ...at(1, 'dynamodb-table', n.table),
    ...at(1, 'lambda-function', n.ingestFunction),
    ...at(1, 'iam-role', n.ingestRole, n.ruleRole),
    ...at(1, 'logs-log-group', lambdaLogGroup(n.ingestFunction)),
    ...at(2, 'iot-rule', n.firehoseRule),
    ...at(2, 'firehose-delivery-stream', n.deliveryStream),
    ...at(2, 's3-bucket', dataLakeBucket(prefix, accountId)),
    ...at(2, 'iam-role', n.deliveryRole, n.firehoseRuleRole),
    ...at(2, 'logs-log-group', firehoseLogGroup(n.deliveryStream)),
    ...at(3, 'lambda-function', n.apiFunction),
    ...at(3, 'iam-role', n.apiRole),
    ...at(3, 'apigateway-rest-api', n.api),
    ...at(3, 'logs-log-group', lambdaLogGroup(n.apiFunction)),
    ...at(4, 'glue-database', n.glueDatabase),
    ...at(4, 'glue-crawler', n.crawler),
    ...at(4, 'iam-role', n.crawlerRole),
    ...at(4, 'athena-workgroup', n.workgroup),
    ...at(4, 'athena-named-query', n.hourlyStatsQuery),
  ];
}

/** The lab of a resource selected by the tag alone, from its kind and the shape of its name. */
export function labOfTagged(kind: ResourceKind, name: string): number {
  switch (kind) {
    case 'iot-thing':
    case 'iot-policy':
    case 'iot-certificate':
    case 'device-files':
      return 0;
    case 'iot-rule':
      return /firehose/i.test(name) ? 2 : 1;
    case 'lambda-function':
      return /-api$/.test(name) ? 3 : 1;
    case 'iam-role':
      return /-api-role$/.test(name) ? 3 : /firehose/i.test(name) ? 2 : /glue|athena|crawler/i.test(name) ? 4 : 1;
    case 'logs-log-group': {
      if (name.startsWith('/aws/kinesisfirehose/')) return 2;
      const fn = /^\/aws\/lambda\/(.+)$/.exec(name);
      return fn ? labOfTagged('lambda-function', fn[1]!) : 1;
    }
    case 'apigateway-rest-api':
      return 3;
    case 'firehose-delivery-stream':
    case 's3-bucket':
      return 2;
    case 'glue-crawler':
    case 'glue-database':
    case 'athena-workgroup':
    case 'athena-named-query':
      return 4;
    case 'kinesis-stream':
    case 'dynamodb-table':
    case 'lambda-event-source-mapping':
      return 1;
  }
}

/** Looks names up by kind: `named('iam-role', 'iotlab-api-role')` gives its lab, if it is one of the prefix's. */
export function nameIndex(names: LabName[]): (kind: ResourceKind, name: string) => number | undefined {
  const index = new Map(names.map((n) => [`${n.kind}:${n.name}`, n.lab]));
  return (kind, name) => index.get(`${kind}:${name}`);
}
