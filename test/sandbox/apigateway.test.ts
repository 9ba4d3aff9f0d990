// API Gateway's control plane over the wire with @aws-sdk/client-api-gateway at default settings:
// every operation, paging, tags, and AWS's errors.

import { beforeAll, describe, expect, it } from 'vitest';
import {
  APIGatewayClient,
  CreateDeploymentCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  CreateStageCommand,
  DeleteMethodCommand,
  DeleteResourceCommand,
  DeleteRestApiCommand,
  DeleteStageCommand,
  GetDeploymentsCommand,
  GetIntegrationCommand,
  GetIntegrationResponseCommand,
  GetMethodCommand,
  GetMethodResponseCommand,
  GetResourceCommand,
  GetResourcesCommand,
  GetRestApiCommand,
  GetRestApisCommand,
  GetStageCommand,
  GetStagesCommand,
  GetTagsCommand,
  PutIntegrationCommand,
  PutIntegrationResponseCommand,
  PutMethodCommand,
  PutMethodResponseCommand,
  TagResourceCommand,
  UntagResourceCommand,
} from '@aws-sdk/client-api-gateway';
import { useSandbox } from './support.js';

const LAMBDA_URI = 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:api/invocations';

describe('API Gateway control plane', () => {
  const sb = useSandbox();
  let apigw: APIGatewayClient;
  let apiId: string;
  let rootId: string;

  beforeAll(async () => {
    apigw = new APIGatewayClient(sb.config());
    const api = await apigw.send(new CreateRestApiCommand({ name: 'iot-api', description: 'readings', tags: { workshop: 'iot-pipeline-labs' } }));
    apiId = api.id!;
    rootId = api.rootResourceId!;
  });

  it('creates, gets and lists REST APIs with AWS-shaped ids and defaults', async () => {
    expect(apiId).toMatch(/^[a-z0-9]{10}$/);
    expect(rootId).toMatch(/^[a-z0-9]{10}$/);
    const api = await apigw.send(new GetRestApiCommand({ restApiId: apiId }));
    expect(api).toMatchObject({ id: apiId, name: 'iot-api', description: 'readings', apiKeySource: 'HEADER', endpointConfiguration: { types: ['EDGE'] }, disableExecuteApiEndpoint: false, tags: { workshop: 'iot-pipeline-labs' } });
    expect(api.createdDate).toBeInstanceOf(Date);
    expect(Math.abs(api.createdDate!.getTime() - Date.now())).toBeLessThan(60_000);
    const regional = await apigw.send(new CreateRestApiCommand({ name: 'regional', endpointConfiguration: { types: ['REGIONAL'] } }));
    expect(regional.endpointConfiguration?.types).toEqual(['REGIONAL']);
    const listed = await apigw.send(new GetRestApisCommand({}));
    expect(listed.items?.map((a) => a.name)).toEqual(['iot-api', 'regional']);
    // Another region sees none of them.
    const elsewhere = new APIGatewayClient(sb.config({ region: 'eu-west-1' }));
    expect((await elsewhere.send(new GetRestApisCommand({}))).items ?? []).toEqual([]);
    await expect(elsewhere.send(new GetRestApiCommand({ restApiId: apiId }))).rejects.toMatchObject({ name: 'NotFoundException', message: `Invalid API identifier specified 000000000000:${apiId}`, $metadata: { httpStatusCode: 404 } });
    await apigw.send(new DeleteRestApiCommand({ restApiId: regional.id! }));
    await expect(apigw.send(new GetRestApiCommand({ restApiId: regional.id! }))).rejects.toMatchObject({ name: 'NotFoundException' });
  });

  it('pages GetRestApis with position and limit', async () => {
    const client = new APIGatewayClient(sb.config({ region: 'us-west-2' }));
    for (let i = 0; i < 5; i++) await client.send(new CreateRestApiCommand({ name: `paged-${i}` }));
    const first = await client.send(new GetRestApisCommand({ limit: 2 }));
    expect(first.items?.map((a) => a.name)).toEqual(['paged-0', 'paged-1']);
    expect(first.position).toBeTruthy();
    const second = await client.send(new GetRestApisCommand({ limit: 2, position: first.position }));
    expect(second.items?.map((a) => a.name)).toEqual(['paged-2', 'paged-3']);
    const last = await client.send(new GetRestApisCommand({ limit: 2, position: second.position }));
    expect(last.items?.map((a) => a.name)).toEqual(['paged-4']);
    expect(last.position).toBeUndefined();
  });

  it('builds a resource tree with literal, {param} and {proxy+} path parts', async () => {
    const datas = await apigw.send(new CreateResourceCommand({ restApiId: apiId, parentId: rootId, pathPart: 'datas' }));
    expect(datas).toMatchObject({ parentId: rootId, pathPart: 'datas', path: '/datas' });
    expect(datas.id).toMatch(/^[a-z0-9]{6}$/);
    const device = await apigw.send(new CreateResourceCommand({ restApiId: apiId, parentId: datas.id!, pathPart: '{deviceid}' }));
    expect(device.path).toBe('/datas/{deviceid}');
    await expect(apigw.send(new CreateResourceCommand({ restApiId: apiId, parentId: rootId, pathPart: 'datas' }))).rejects.toMatchObject({
      name: 'ConflictException',
      message: 'Another resource with the same parent already has this name: datas',
      $metadata: { httpStatusCode: 409 },
    });
    await expect(apigw.send(new CreateResourceCommand({ restApiId: apiId, parentId: datas.id!, pathPart: '{other}' }))).rejects.toMatchObject({
      name: 'BadRequestException',
      message: 'A sibling ({deviceid}) of this resource already has a variable path part -- only one is allowed',
    });
    await expect(apigw.send(new CreateResourceCommand({ restApiId: apiId, parentId: rootId, pathPart: 'bad path' }))).rejects.toMatchObject({ name: 'BadRequestException', $metadata: { httpStatusCode: 400 } });
    await expect(apigw.send(new CreateResourceCommand({ restApiId: apiId, parentId: 'nope12', pathPart: 'x' }))).rejects.toMatchObject({ name: 'NotFoundException', message: 'Invalid Resource identifier specified' });
    const proxy = await apigw.send(new CreateResourceCommand({ restApiId: apiId, parentId: rootId, pathPart: '{proxy+}' }));
    await expect(apigw.send(new CreateResourceCommand({ restApiId: apiId, parentId: proxy.id!, pathPart: 'x' }))).rejects.toMatchObject({ name: 'BadRequestException' });

    const all = await apigw.send(new GetResourcesCommand({ restApiId: apiId }));
    expect(all.items?.map((r) => r.path).sort()).toEqual(['/', '/datas', '/datas/{deviceid}', '/{proxy+}']);
    expect((await apigw.send(new GetResourceCommand({ restApiId: apiId, resourceId: device.id! }))).pathPart).toBe('{deviceid}');

    // Deleting a resource deletes what is under it.
    const tmp = await apigw.send(new CreateResourceCommand({ restApiId: apiId, parentId: rootId, pathPart: 'tmp' }));
    const child = await apigw.send(new CreateResourceCommand({ restApiId: apiId, parentId: tmp.id!, pathPart: 'child' }));
    await apigw.send(new DeleteResourceCommand({ restApiId: apiId, resourceId: tmp.id! }));
    await expect(apigw.send(new GetResourceCommand({ restApiId: apiId, resourceId: child.id! }))).rejects.toMatchObject({ name: 'NotFoundException' });
    await apigw.send(new DeleteResourceCommand({ restApiId: apiId, resourceId: proxy.id! }));
    await expect(apigw.send(new GetResourcesCommand({ restApiId: 'missing123' }))).rejects.toMatchObject({ name: 'NotFoundException', message: 'Invalid API identifier specified 000000000000:missing123' });
  });

  it('puts methods, integrations and responses, and reads them back (embed=methods)', async () => {
    const resources = await apigw.send(new GetResourcesCommand({ restApiId: apiId }));
    const device = resources.items!.find((r) => r.path === '/datas/{deviceid}')!;
    const method = await apigw.send(new PutMethodCommand({ restApiId: apiId, resourceId: device.id!, httpMethod: 'GET', authorizationType: 'NONE', requestParameters: { 'method.request.path.deviceid': true } }));
    expect(method).toMatchObject({ httpMethod: 'GET', authorizationType: 'NONE', apiKeyRequired: false, requestParameters: { 'method.request.path.deviceid': true } });
    await expect(apigw.send(new PutMethodCommand({ restApiId: apiId, resourceId: device.id!, httpMethod: 'GET', authorizationType: 'NONE' }))).rejects.toMatchObject({ name: 'ConflictException', message: 'Method already exists for this resource' });
    await expect(apigw.send(new PutMethodCommand({ restApiId: apiId, resourceId: device.id!, httpMethod: 'FETCH', authorizationType: 'NONE' }))).rejects.toMatchObject({ name: 'BadRequestException' });
    await expect(apigw.send(new GetMethodCommand({ restApiId: apiId, resourceId: device.id!, httpMethod: 'POST' }))).rejects.toMatchObject({ name: 'NotFoundException', message: 'Invalid Method identifier specified' });
    await expect(apigw.send(new GetIntegrationCommand({ restApiId: apiId, resourceId: device.id!, httpMethod: 'GET' }))).rejects.toMatchObject({ name: 'NotFoundException' });

    await expect(apigw.send(new PutIntegrationCommand({ restApiId: apiId, resourceId: device.id!, httpMethod: 'GET', type: 'AWS_PROXY', uri: LAMBDA_URI }))).rejects.toMatchObject({
      name: 'BadRequestException',
      message: 'Enumeration value for HttpMethod must be non-empty',
    });
    await expect(apigw.send(new PutIntegrationCommand({ restApiId: apiId, resourceId: device.id!, httpMethod: 'GET', type: 'AWS_PROXY', integrationHttpMethod: 'POST', uri: 'https://example.com' }))).rejects.toMatchObject({ name: 'BadRequestException' });
    const integration = await apigw.send(new PutIntegrationCommand({ restApiId: apiId, resourceId: device.id!, httpMethod: 'GET', type: 'AWS_PROXY', integrationHttpMethod: 'POST', uri: LAMBDA_URI }));
    expect(integration).toMatchObject({ type: 'AWS_PROXY', httpMethod: 'POST', uri: LAMBDA_URI, passthroughBehavior: 'WHEN_NO_MATCH', timeoutInMillis: 29000, cacheNamespace: device.id });
    expect(await apigw.send(new GetIntegrationCommand({ restApiId: apiId, resourceId: device.id!, httpMethod: 'GET' }))).toMatchObject({ type: 'AWS_PROXY', httpMethod: 'POST' });

    await apigw.send(new PutMethodCommand({ restApiId: apiId, resourceId: device.id!, httpMethod: 'OPTIONS', authorizationType: 'NONE' }));
    await apigw.send(new PutIntegrationCommand({ restApiId: apiId, resourceId: device.id!, httpMethod: 'OPTIONS', type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } }));
    const cors = { 'method.response.header.Access-Control-Allow-Origin': "'*'" };
    await expect(apigw.send(new PutIntegrationResponseCommand({ restApiId: apiId, resourceId: device.id!, httpMethod: 'OPTIONS', statusCode: '200', responseParameters: cors }))).rejects.toMatchObject({
      name: 'BadRequestException',
      message: 'Invalid mapping expression specified: Validation Result: warnings : [], errors : [No method response exists for method.]',
    });
    const methodResponse = await apigw.send(new PutMethodResponseCommand({ restApiId: apiId, resourceId: device.id!, httpMethod: 'OPTIONS', statusCode: '200', responseParameters: { 'method.response.header.Access-Control-Allow-Origin': false }, responseModels: { 'application/json': 'Empty' } }));
    expect(methodResponse).toMatchObject({ statusCode: '200', responseModels: { 'application/json': 'Empty' } });
    const integrationResponse = await apigw.send(new PutIntegrationResponseCommand({ restApiId: apiId, resourceId: device.id!, httpMethod: 'OPTIONS', statusCode: '200', responseParameters: cors, responseTemplates: { 'application/json': '' } }));
    expect(integrationResponse).toMatchObject({ statusCode: '200', responseParameters: cors });
    expect(await apigw.send(new GetIntegrationResponseCommand({ restApiId: apiId, resourceId: device.id!, httpMethod: 'OPTIONS', statusCode: '200' }))).toMatchObject({ responseParameters: cors });
    expect(await apigw.send(new GetMethodResponseCommand({ restApiId: apiId, resourceId: device.id!, httpMethod: 'OPTIONS', statusCode: '200' }))).toMatchObject({ responseParameters: { 'method.response.header.Access-Control-Allow-Origin': false } });
    await expect(apigw.send(new GetMethodResponseCommand({ restApiId: apiId, resourceId: device.id!, httpMethod: 'OPTIONS', statusCode: '404' }))).rejects.toMatchObject({ name: 'NotFoundException', message: 'Invalid Response status code specified' });

    const full = await apigw.send(new GetMethodCommand({ restApiId: apiId, resourceId: device.id!, httpMethod: 'OPTIONS' }));
    expect(full.methodIntegration?.integrationResponses?.['200']?.responseParameters).toEqual(cors);
    expect(full.methodResponses?.['200']?.statusCode).toBe('200');

    const embedded = await apigw.send(new GetResourcesCommand({ restApiId: apiId, embed: ['methods'] }));
    const withMethods = embedded.items!.find((r) => r.id === device.id)!;
    expect(withMethods.resourceMethods?.GET?.methodIntegration?.type).toBe('AWS_PROXY');
    const plain = await apigw.send(new GetResourcesCommand({ restApiId: apiId }));
    expect(plain.items!.find((r) => r.id === device.id)!.resourceMethods).toEqual({ GET: {}, OPTIONS: {} });

    await apigw.send(new PutMethodCommand({ restApiId: apiId, resourceId: device.id!, httpMethod: 'DELETE', authorizationType: 'NONE' }));
    await apigw.send(new DeleteMethodCommand({ restApiId: apiId, resourceId: device.id!, httpMethod: 'DELETE' }));
    await expect(apigw.send(new GetMethodCommand({ restApiId: apiId, resourceId: device.id!, httpMethod: 'DELETE' }))).rejects.toMatchObject({ name: 'NotFoundException' });
  });

  it('deploys to stages and manages them', async () => {
    const empty = await apigw.send(new CreateRestApiCommand({ name: 'empty' }));
    await expect(apigw.send(new CreateDeploymentCommand({ restApiId: empty.id!, stageName: 'prod' }))).rejects.toMatchObject({ name: 'BadRequestException', message: "The REST API doesn't contain any methods" });
    await apigw.send(new PutMethodCommand({ restApiId: empty.id!, resourceId: empty.rootResourceId!, httpMethod: 'GET', authorizationType: 'NONE' }));
    await expect(apigw.send(new CreateDeploymentCommand({ restApiId: empty.id!, stageName: 'prod' }))).rejects.toMatchObject({ name: 'BadRequestException', message: 'No integration defined for method' });

    const deployment = await apigw.send(new CreateDeploymentCommand({ restApiId: apiId, stageName: 'prod', description: 'first' }));
    expect(deployment.id).toMatch(/^[a-z0-9]{6}$/);
    expect(deployment.createdDate).toBeInstanceOf(Date);
    const stage = await apigw.send(new GetStageCommand({ restApiId: apiId, stageName: 'prod' }));
    expect(stage).toMatchObject({ stageName: 'prod', deploymentId: deployment.id, cacheClusterEnabled: false, tracingEnabled: false });
    await expect(apigw.send(new CreateDeploymentCommand({ restApiId: apiId, stageName: 'bad-name' }))).rejects.toMatchObject({ name: 'BadRequestException', message: 'Stage name only allows a-zA-Z0-9_' });

    const second = await apigw.send(new CreateDeploymentCommand({ restApiId: apiId }));
    const dev = await apigw.send(new CreateStageCommand({ restApiId: apiId, stageName: 'dev', deploymentId: second.id!, variables: { fn: 'api' }, tags: { team: 'a' } }));
    expect(dev).toMatchObject({ stageName: 'dev', deploymentId: second.id, variables: { fn: 'api' }, tags: { team: 'a' } });
    await expect(apigw.send(new CreateStageCommand({ restApiId: apiId, stageName: 'dev', deploymentId: second.id! }))).rejects.toMatchObject({ name: 'ConflictException', message: 'Stage already exists' });
    await expect(apigw.send(new CreateStageCommand({ restApiId: apiId, stageName: 'qa', deploymentId: 'nope00' }))).rejects.toMatchObject({ name: 'NotFoundException', message: 'Invalid Deployment identifier specified' });

    const deployments = await apigw.send(new GetDeploymentsCommand({ restApiId: apiId }));
    expect(deployments.items?.map((d) => d.id)).toEqual([deployment.id, second.id]);
    expect(deployments.items?.[0].description).toBe('first');
    expect((await apigw.send(new GetStagesCommand({ restApiId: apiId }))).item?.map((s) => s.stageName)).toEqual(['prod', 'dev']);
    expect((await apigw.send(new GetStagesCommand({ restApiId: apiId, deploymentId: second.id }))).item?.map((s) => s.stageName)).toEqual(['dev']);
    await apigw.send(new DeleteStageCommand({ restApiId: apiId, stageName: 'dev' }));
    await expect(apigw.send(new GetStageCommand({ restApiId: apiId, stageName: 'dev' }))).rejects.toMatchObject({ name: 'NotFoundException', message: 'Invalid Stage identifier specified' });
  });

  it('tags APIs and stages by ARN', async () => {
    const apiArn = `arn:aws:apigateway:us-east-1::/restapis/${apiId}`;
    await apigw.send(new TagResourceCommand({ resourceArn: apiArn, tags: { owner: 'student', stage: 'lab3' } }));
    expect((await apigw.send(new GetTagsCommand({ resourceArn: apiArn }))).tags).toEqual({ workshop: 'iot-pipeline-labs', owner: 'student', stage: 'lab3' });
    await apigw.send(new UntagResourceCommand({ resourceArn: apiArn, tagKeys: ['stage', 'workshop'] }));
    expect((await apigw.send(new GetTagsCommand({ resourceArn: apiArn }))).tags).toEqual({ owner: 'student' });
    expect((await apigw.send(new GetRestApiCommand({ restApiId: apiId }))).tags).toEqual({ owner: 'student' });

    const stageArn = `${apiArn}/stages/prod`;
    await apigw.send(new TagResourceCommand({ resourceArn: stageArn, tags: { env: 'prod' } }));
    expect((await apigw.send(new GetStageCommand({ restApiId: apiId, stageName: 'prod' }))).tags).toEqual({ env: 'prod' });
    await expect(apigw.send(new GetTagsCommand({ resourceArn: `${apiArn}/stages/none` }))).rejects.toMatchObject({ name: 'NotFoundException' });
    await expect(apigw.send(new GetTagsCommand({ resourceArn: 'not-an-arn' }))).rejects.toMatchObject({ name: 'BadRequestException' });
  });

  it('deletes an API with its stages', async () => {
    const api = await apigw.send(new CreateRestApiCommand({ name: 'doomed' }));
    await apigw.send(new PutMethodCommand({ restApiId: api.id!, resourceId: api.rootResourceId!, httpMethod: 'GET', authorizationType: 'NONE' }));
    await apigw.send(new PutIntegrationCommand({ restApiId: api.id!, resourceId: api.rootResourceId!, httpMethod: 'GET', type: 'MOCK' }));
    await apigw.send(new CreateDeploymentCommand({ restApiId: api.id!, stageName: 'prod' }));
    await apigw.send(new DeleteRestApiCommand({ restApiId: api.id! }));
    await expect(apigw.send(new GetStagesCommand({ restApiId: api.id! }))).rejects.toMatchObject({ name: 'NotFoundException' });
    const status = (await (await fetch(`${sb.endpoint}/_sandbox/status`)).json()) as Record<string, unknown>;
    expect(JSON.stringify(status['API invoke URLs'] ?? [])).not.toContain(api.id!);
  });
});

describe('API Gateway with signature verification on', () => {
  const sb = useSandbox({ verifySignatures: true });

  it('serves unsigned invoke URLs itself while control-plane calls stay signed', async () => {
    const apigw = new APIGatewayClient(sb.config());
    const api = await apigw.send(new CreateRestApiCommand({ name: 'signed' }));
    await apigw.send(new PutMethodCommand({ restApiId: api.id!, resourceId: api.rootResourceId!, httpMethod: 'GET', authorizationType: 'NONE' }));
    await apigw.send(new PutIntegrationCommand({ restApiId: api.id!, resourceId: api.rootResourceId!, httpMethod: 'GET', type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } }));
    await apigw.send(new PutMethodResponseCommand({ restApiId: api.id!, resourceId: api.rootResourceId!, httpMethod: 'GET', statusCode: '200' }));
    await apigw.send(new PutIntegrationResponseCommand({ restApiId: api.id!, resourceId: api.rootResourceId!, httpMethod: 'GET', statusCode: '200', responseTemplates: { 'application/json': '{"ok": true}' } }));
    await apigw.send(new CreateDeploymentCommand({ restApiId: api.id!, stageName: 'prod' }));
    const res = await fetch(`${sb.endpoint}/restapis/${api.id}/prod/_user_request_/`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    const unsignedControl = await fetch(`${sb.endpoint}/restapis/${api.id}`);
    expect(unsignedControl.status).toBe(403);
    expect(await unsignedControl.text()).toContain('Missing Authentication Token');
  });
});
