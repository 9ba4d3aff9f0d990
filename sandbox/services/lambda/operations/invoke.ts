// Invoke: runs the function (RequestResponse), queues it (Event, 202) or only checks the request
// (DryRun, 204). A failing function is still a 200 with X-Amz-Function-Error and AWS's error payload.

import { defineOperation, RawResponse } from '../../definition.js';
import { blob, str, struct } from '../../../protocols/shapes.js';
import { invokeFunction, type InvocationType } from '../invocation.js';
import { namespacedFunctionName, qualifier } from '../shapes.js';

const input = struct({
  FunctionName: namespacedFunctionName(),
  InvocationType: str({ enum: ['Event', 'RequestResponse', 'DryRun'] }),
  LogType: str({ enum: ['None', 'Tail'] }),
  ClientContext: str(),
  Qualifier: qualifier(),
  Payload: blob(),
});

interface Input {
  FunctionName: string;
  InvocationType?: InvocationType;
  LogType?: 'None' | 'Tail';
  ClientContext?: string;
  Qualifier?: string;
  Payload?: Buffer;
}

export const invoke = defineOperation<Input>({
  name: 'Invoke',
  input,
  // Invoking runs code that may change anything: never read-only, whatever the name says.
  readOnly: false,
  http: {
    method: 'POST',
    path: '/2015-03-31/functions/{FunctionName}/invocations',
    query: { Qualifier: 'Qualifier' },
    headers: { InvocationType: 'X-Amz-Invocation-Type', LogType: 'X-Amz-Log-Type', ClientContext: 'X-Amz-Client-Context' },
    payload: 'Payload',
  },
  async handler(input, ctx) {
    const response = await invokeFunction(ctx.sandbox, ctx, input.FunctionName, input.Payload ?? Buffer.alloc(0), {
      invocationType: input.InvocationType,
      logType: input.LogType,
      clientContext: input.ClientContext,
      qualifier: input.Qualifier,
      requestId: ctx.requestId,
    });
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-amzn-requestid': ctx.requestId, 'x-amz-executed-version': response.executedVersion };
    if (response.functionError) headers['x-amz-function-error'] = response.functionError;
    if (response.logResult !== undefined) headers['x-amz-log-result'] = response.logResult;
    return new RawResponse(response.statusCode, headers, response.payload);
  },
});
