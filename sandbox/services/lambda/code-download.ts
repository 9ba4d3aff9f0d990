// GetFunction's Code.Location: in AWS a presigned S3 URL; here an unsigned sandbox URL that serves the
// function's current zip (registered when GetFunction hands it out).

import type { Sandbox } from '../../sandbox.js';
import { readCode } from './code.js';
import { functions, type FunctionRecord } from './store.js';

export function codeDownloadUrl(sandbox: Sandbox, fn: FunctionRecord): string {
  const [, , , region, accountId] = fn.FunctionArn.split(':');
  const path = `/_sandbox/lambda/code/${accountId}/${region}/${fn.FunctionName}.zip`;
  if (!sandbox.adminRoutes.has(path)) {
    sandbox.adminRoutes.set(path, () => {
      const current = functions(sandbox, { accountId, region }).get(fn.FunctionName);
      if (!current) return { status: 404, headers: { 'content-type': 'text/plain' }, body: 'NoSuchKey' };
      return { status: 200, headers: { 'content-type': 'application/zip' }, body: readCode(sandbox, current) };
    });
  }
  return `${sandbox.endpoint}${path}`;
}
