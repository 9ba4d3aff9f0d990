// What `lab reset` plans and deletes: one resource of a known kind, which lab it belongs to and why it
// was selected. The kinds are listed in deletion order: what depends on something comes before it.

import { inEnglish, type ResetText } from './messages.js';

export const RESOURCE_KINDS = [
  'iot-rule',
  'iot-certificate',
  'iot-thing',
  'iot-policy',
  'lambda-event-source-mapping',
  'lambda-function',
  'apigateway-rest-api',
  'firehose-delivery-stream',
  's3-bucket',
  'glue-crawler',
  'glue-database',
  'athena-named-query',
  'athena-workgroup',
  'kinesis-stream',
  'dynamodb-table',
  'logs-log-group',
  'iam-role',
  'device-files',
] as const;

export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** How each kind is shown in the plan: the service and the resource type, as the console names them. */
export const KIND_LABELS: Record<ResourceKind, { service: string; type: string }> = {
  'iot-rule': { service: 'iot', type: 'topic rule' },
  'iot-certificate': { service: 'iot', type: 'certificate' },
  'iot-thing': { service: 'iot', type: 'thing' },
  'iot-policy': { service: 'iot', type: 'policy' },
  'lambda-event-source-mapping': { service: 'lambda', type: 'event source mapping' },
  'lambda-function': { service: 'lambda', type: 'function' },
  'apigateway-rest-api': { service: 'apigateway', type: 'REST API' },
  'firehose-delivery-stream': { service: 'firehose', type: 'delivery stream' },
  's3-bucket': { service: 's3', type: 'bucket' },
  'glue-crawler': { service: 'glue', type: 'crawler' },
  'glue-database': { service: 'glue', type: 'database' },
  'athena-workgroup': { service: 'athena', type: 'workgroup' },
  'athena-named-query': { service: 'athena', type: 'named query' },
  'kinesis-stream': { service: 'kinesis', type: 'stream' },
  'dynamodb-table': { service: 'dynamodb', type: 'table' },
  'logs-log-group': { service: 'logs', type: 'log group' },
  'iam-role': { service: 'iam', type: 'role' },
  'device-files': { service: 'local', type: 'saved device certificate' },
};

/**
 * Why a resource was selected: it carries the workshop tag, it has one of the prefix's names, or it
 * belongs to a selected resource (a certificate attached to the thing, a function's log group).
 */
export type Selection = 'tag' | 'name' | { via: ResetText };

export interface PlannedResource {
  kind: ResourceKind;
  /** What the plan shows: a name, or for unnamed resources (certificates, mappings) a readable id. */
  name: string;
  /** What the delete call needs when it is not the name: certificate id, mapping UUID, API id, file path. */
  id?: string;
  arn?: string;
  lab: number;
  why: Selection[];
}

/** Why a resource was selected, in English: what the JSON report keeps. */
export function describeSelection(why: Selection[]): string {
  return why.map((w) => (typeof w === 'string' ? w : inEnglish(w.via))).join(', ');
}

export function kindOrder(kind: ResourceKind): number {
  return RESOURCE_KINDS.indexOf(kind);
}

/** Plan order: deletion order, then lab, then name, so a plan reads the same every time. */
export function comparePlanned(a: PlannedResource, b: PlannedResource): number {
  return kindOrder(a.kind) - kindOrder(b.kind) || a.lab - b.lab || a.name.localeCompare(b.name) || (a.id ?? '').localeCompare(b.id ?? '');
}

export function resourceKey(r: Pick<PlannedResource, 'kind' | 'name' | 'id'>): string {
  return `${r.kind}:${r.id ?? r.name}`;
}
