// The five labs, in their fixed order: `lab check 2` is always Firehose-to-S3.

import { t } from '../i18n/index.js';

export interface LabEntry {
  number: number;
  slug: string;
  title: string;
  /** Fraction of the lab's points needed to pass, 0..1. */
  passThreshold: number;
}

export const LABS: readonly LabEntry[] = [
  { number: 0, slug: 'device', title: 'Connect a simulated device to IoT Core', passThreshold: 1 },
  { number: 1, slug: 'stream-to-dynamo', title: 'Stream readings through Kinesis and Lambda into DynamoDB', passThreshold: 0.8 },
  { number: 2, slug: 'firehose-to-s3', title: 'Deliver readings through Firehose to an S3 data lake', passThreshold: 0.8 },
  { number: 3, slug: 'api-and-graph', title: 'Serve readings through API Gateway and draw them', passThreshold: 0.8 },
  { number: 4, slug: 'athena-analytics', title: 'Catalogue the data lake with Glue and query it with Athena', passThreshold: 0.8 },
];

export function labId(entry: LabEntry): string {
  return `${String(entry.number).padStart(2, '0')}-${entry.slug}`;
}

export function labLabel(entry: Pick<LabEntry, 'number' | 'slug'>): string {
  return t('labLabel', { number: entry.number, slug: entry.slug });
}
