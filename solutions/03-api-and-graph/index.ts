// Reference solution of lab 3: the API function (Python or Node.js) reading lab 1's table, its role,
// and the REST API in front of it: GET /datas/{deviceid} through the Lambda proxy integration, a CORS
// preflight, the permission for API Gateway to invoke the function, and the stage `handson`.

import { defineSolution } from '../../src/engine/solution.js';
import { resourceNames } from '../../src/labs/resource-names.js';
import { LAB_STAGE } from '../../checks/lib/api-pipeline.js';
import { tableArnOf } from '../lib/dynamodb-table.js';
import { functionCode, runtimeChoice } from '../lib/function-code.js';
import { ensureRole } from '../lib/iam-role.js';
import { ensureInvokePermission } from '../lib/lambda-permission.js';
import { ensureFunction } from '../lib/lambda-function.js';
import { Ledger } from '../lib/ledger.js';
import { ensureCorsPreflight, ensureLambdaProxyMethod, ensureResourcePath, ensureRestApi, ensureStageDeployed } from '../lib/rest-api.js';
import { ts } from '../lib/messages.js';

export const DEVICE_RESOURCE = '/datas/{deviceid}';

export default defineSolution({
  async deploy(ctx) {
    const runtime = runtimeChoice(ctx.choices);
    const names = resourceNames(ctx.config.prefix);
    const { region, accountId } = ctx.target;
    const ledger = new Ledger(ctx);
    const tableArn = await tableArnOf(ctx, names.table, ts('refusals.lab3NeedsLab1'));

    const roleArn = await ensureRole(ctx, ledger, {
      name: names.apiRole,
      service: 'lambda.amazonaws.com',
      description: 'Lets the API function read the readings table and write its logs.',
      inline: {
        'read-table': { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'dynamodb:Query', Resource: tableArn }] },
        logs: {
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'], Resource: `arn:aws:logs:${region}:${accountId}:log-group:/aws/lambda/${names.apiFunction}:*` },
          ],
        },
      },
    });
    const code = await functionCode('03-api-and-graph', runtime);
    const functionArn = await ensureFunction(ctx, ledger, {
      name: names.apiFunction,
      runtime: code.runtime,
      handler: code.handler,
      roleArn,
      zip: code.zip,
      environment: { TABLE_NAME: names.table },
      timeout: 10,
      description: "Answers a device's newest 30 readings for GET /datas/{deviceid}.",
    });

    const api = await ensureRestApi(ctx, ledger, names.api, 'Device readings for the graph page.');
    const resourceId = await ensureResourcePath(ctx, ledger, api, DEVICE_RESOURCE);
    await ensureLambdaProxyMethod(ctx, ledger, api, resourceId, DEVICE_RESOURCE, 'GET', functionArn);
    await ensureCorsPreflight(ctx, ledger, api, resourceId, DEVICE_RESOURCE);
    await ensureInvokePermission(ctx, ledger, {
      functionName: names.apiFunction,
      statementId: `apigateway-${api.id}-get-datas`,
      principal: 'apigateway.amazonaws.com',
      sourceArn: `arn:aws:execute-api:${region}:${accountId}:${api.id}/*/GET/datas/*`,
    });
    await ensureStageDeployed(ctx, ledger, api, LAB_STAGE, [{ path: DEVICE_RESOURCE, method: 'GET' }]);
    return ledger.result();
  },
});
