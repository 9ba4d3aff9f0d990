// Kinesis answers operations without output members (CreateStream, DeleteStream, tagging, retention)
// with an empty body, not `{}`; clients of either content type accept it.

import type { RequestContext } from '../../edge/context.js';
import { awsJsonResponseIds, isCbor } from '../../protocols/aws-json.js';
import { RawResponse } from '../definition.js';

export function emptyResult(ctx: RequestContext): RawResponse {
  const contentType = isCbor(ctx.http) ? 'application/x-amz-cbor-1.1' : 'application/x-amz-json-1.1';
  return new RawResponse(200, { 'content-type': contentType, ...awsJsonResponseIds(ctx.requestId) }, '');
}
