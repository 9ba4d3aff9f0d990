// `lab sandbox status`: the invoke URL of every deployed stage.

import type { Sandbox } from '../../sandbox.js';
import { invokeUrl } from './invocation/invoke-url.js';
import { stagesTable } from './store.js';

export function invokeUrls(sandbox: Sandbox): Record<string, unknown> {
  const urls = stagesTable(sandbox)
    .values()
    .map((stage) => invokeUrl(sandbox.endpoint, stage.apiId, stage.stageName));
  return urls.length > 0 ? { 'API invoke URLs': urls } : {};
}
