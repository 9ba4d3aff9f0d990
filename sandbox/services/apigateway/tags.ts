// Taggable resources by ARN: REST APIs (`arn:aws:apigateway:<region>::/restapis/<id>`) and their stages
// (`.../restapis/<id>/stages/<name>`).

import type { RequestContext } from '../../edge/context.js';
import { invalidArn, taggableNotFound } from './errors.js';
import { findApi, findStage } from './lookup.js';
import { restApisTable, stagesTable } from './store.js';

const TAGGABLE = /^arn:aws[a-z-]*:apigateway:([a-z0-9-]+)::\/restapis\/([^/]+)(?:\/stages\/([^/]+))?$/;

export interface Taggable {
  tags: Record<string, string>;
  save(tags: Record<string, string>): void;
}

export function taggable(ctx: Pick<RequestContext, 'sandbox' | 'accountId' | 'region'>, arn: string): Taggable {
  const m = TAGGABLE.exec(arn);
  if (!m) throw invalidArn();
  if (m[1] !== ctx.region) throw taggableNotFound(arn);
  const [, , apiId, stageName] = m;
  if (stageName !== undefined) {
    const stage = findStage(ctx, apiId, stageName);
    return { tags: stage.tags, save: (tags) => stagesTable(ctx.sandbox).set(`${apiId}/${stageName}`, { ...stage, tags }) };
  }
  const api = findApi(ctx, apiId);
  return { tags: api.tags, save: (tags) => restApisTable(ctx.sandbox).set(apiId, { ...api, tags }) };
}
