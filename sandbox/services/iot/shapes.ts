// Input shapes and small helpers shared by several IoT operations (limits from the AWS model).

import { int, list, str, struct } from '../../protocols/shapes.js';
import type { RequestContext } from '../../edge/context.js';
import { arn } from '../../edge/context.js';

export const thingName = (required = true) => str({ required, min: 1, max: 128, pattern: '[a-zA-Z0-9:_-]+' });
export const certificateId = () => str({ required: true, min: 64, max: 64, pattern: '(0x)?[a-fA-F0-9]+' });
export const policyName = () => str({ required: true, min: 1, max: 128, pattern: '[\\w+=,.@-]+' });
export const policyVersionId = () => str({ required: true, pattern: '[0-9]+' });
export const ruleName = () => str({ required: true, min: 1, max: 128, pattern: '^[a-zA-Z0-9_]+$' });
export const pageSize = () => int({ min: 1, max: 250 });
export const marker = () => str({ max: 1024 });
export const tagList = (required = false) => list(struct({ Key: str({ required: true, min: 1, max: 128 }), Value: str({ max: 256 }) }), { required });

export const iotArn = (ctx: Pick<RequestContext, 'accountId' | 'region'>, resource: string) => arn('iot', ctx, resource);

export const CERTIFICATE_STATUSES = ['ACTIVE', 'INACTIVE', 'REVOKED', 'PENDING_TRANSFER', 'REGISTER_INACTIVE', 'PENDING_ACTIVATION'] as const;

/** One page of `items` from an opaque marker (the offset, base64), as IoT's marker/pageSize lists page. */
export function page<T>(items: T[], markerIn: string | undefined, size: number | undefined): { items: T[]; next?: string } {
  const start = markerIn ? Number(Buffer.from(markerIn, 'base64').toString('utf8')) || 0 : 0;
  const limit = size ?? 250;
  const slice = items.slice(start, start + limit);
  const next = start + limit < items.length ? Buffer.from(String(start + limit)).toString('base64') : undefined;
  return { items: slice, next };
}

export const tagsToMap = (tags: { Key: string; Value?: string }[] | undefined) => Object.fromEntries((tags ?? []).map((t) => [t.Key, t.Value ?? '']));
