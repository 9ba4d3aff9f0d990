// ListTagsForResource: a workgroup's tags by its ARN (arn:aws:athena:<region>:<account>:workgroup/<name>).

import type { RequestContext } from '../../../edge/context.js';
import { defineOperation } from '../../definition.js';
import { int, str, struct } from '../../../protocols/shapes.js';
import { invalidArn, resourceNotFound } from '../errors.js';
import { page } from '../paging.js';
import { token } from '../shapes.js';
import type { WorkGroupRecord } from '../store.js';
import { findWorkGroup } from '../workgroups.js';

const input = struct({ ResourceARN: str({ required: true, min: 1, max: 1011 }), NextToken: token, MaxResults: int({ min: 75 }) });

/** The workgroup an ARN names in the caller's account and region. */
export function taggedWorkGroup(ctx: RequestContext, resourceArn: string): WorkGroupRecord {
  const m = /^arn:aws[a-z-]*:athena:([^:]+):(\d{12}):workgroup\/(.+)$/.exec(resourceArn);
  if (!m) {
    if (/^arn:aws[a-z-]*:athena:[^:]*:\d{12}:datacatalog\//.test(resourceArn)) throw resourceNotFound(resourceArn);
    throw invalidArn(resourceArn);
  }
  const [, region, account, name] = m;
  const wg = region === ctx.region && account === ctx.accountId ? findWorkGroup(ctx.sandbox, ctx, name!) : undefined;
  if (!wg) throw resourceNotFound(resourceArn);
  return wg;
}

export const listTagsForResource = defineOperation<{ ResourceARN: string; NextToken?: string; MaxResults?: number }>({
  name: 'ListTagsForResource',
  input,
  handler(input, ctx) {
    const wg = taggedWorkGroup(ctx, input.ResourceARN);
    const { items, next } = page(wg.tags, input.NextToken, input.MaxResults ?? 75, `tags/${wg.name}`);
    return { Tags: items, NextToken: next };
  },
});
