// Which IoT resources can carry tags: those an ARN of this account and region names and that exist.

import type { RequestContext } from '../../edge/context.js';
import { resourceNotFound } from './errors.js';
import { certificates, policies, things, topicRules } from './store.js';

const IOT_ARN = /^arn:aws:iot:([\w-]+):(\d{12}):(thing|cert|policy|rule)\/(.+)$/;

export function requireTaggable(ctx: RequestContext, resourceArn: string): void {
  const m = IOT_ARN.exec(resourceArn);
  const found =
    m &&
    m[1] === ctx.region &&
    m[2] === ctx.accountId &&
    {
      thing: () => things(ctx.sandbox, ctx).get(m[4]),
      cert: () => certificates(ctx.sandbox, ctx).get(m[4]),
      policy: () => policies(ctx.sandbox, ctx).get(m[4]),
      rule: () => topicRules(ctx.sandbox, ctx).get(m[4]),
    }[m[3] as 'thing']();
  if (!found) throw resourceNotFound(resourceArn);
}
