// What the graph tests share: lab 3's API built over the wire with SDK v3 (a Python function behind
// GET /datas/{deviceid}, Lambda proxy, an OPTIONS preflight from a MOCK integration, stage handson),
// readings in the lab's table, Debian's Chromium driven by playwright-core, and a PNG reader to count
// the pixels a chart drew.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import {
  APIGatewayClient,
  CreateDeploymentCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  PutIntegrationCommand,
  PutIntegrationResponseCommand,
  PutMethodCommand,
  PutMethodResponseCommand,
} from '@aws-sdk/client-api-gateway';
import { AddPermissionCommand, CreateFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { CreateRoleCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { BatchWriteItemCommand, CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { Browser } from 'playwright-core';
import type { ClientConfig } from '../sandbox/support.js';
import { labTable } from '../sandbox/lab-table.js';
import { zipFiles } from '../sandbox/lambda-zip.js';
import { trustPolicy } from '../sandbox/trust-policy.js';

export const CHROMIUM = '/usr/bin/chromium';
/** Why the browser tests cannot run here, or undefined when they can. */
export const NO_BROWSER = existsSync(CHROMIUM) ? undefined : `${CHROMIUM} is not installed (apt-get install chromium)`;
if (NO_BROWSER) console.warn(`Skipping the graph page's browser tests: ${NO_BROWSER}.`);

export const ROOT = join(import.meta.dirname, '..', '..');
export const GRAPH_DIR = join(ROOT, 'assets', 'graph');
export const TABLE = 'iotlab-readings';
export const DEVICE = 'iotlab-dev1';
export const STAGE = 'handson';

/** What the page exposes as `window.labGraph`. */
export interface LabGraph {
  state: 'idle' | 'loading' | 'ok' | 'empty' | 'error';
  problem: { kind: string; status?: number } | null;
  points: { timestamp: string; time: number; value: number | null; humidity: number | null }[];
  lastUpdate: string | null;
  polls: number;
}

declare global {
  interface Window {
    labGraph: LabGraph;
  }
}

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface Reading {
  deviceid: string;
  timestamp: string;
  temperature?: number;
  humidity?: number;
}

/** `count` readings of `device`, one every 10 s from `start` (UTC), temperature and humidity in gentle waves. */
export function readings(device: string, start: string, count: number, from = 0): Reading[] {
  const t0 = Date.parse(`${start}Z`);
  return Array.from({ length: count }, (_, k) => {
    const i = from + k;
    return {
      deviceid: device,
      timestamp: new Date(t0 + i * 10_000).toISOString().slice(0, 19),
      temperature: Math.round(23 + 2.5 * Math.sin(i / 4)),
      humidity: Math.round(46 + 6 * Math.cos(i / 5)),
    };
  });
}

export async function createTable(config: ClientConfig): Promise<void> {
  await new DynamoDBClient(config).send(new CreateTableCommand(labTable(TABLE)));
}

export async function writeReadings(config: ClientConfig, items: Reading[]): Promise<void> {
  const dynamo = new DynamoDBClient(config);
  for (let i = 0; i < items.length; i += 25) {
    const batch = items.slice(i, i + 25).map((r) => ({
      PutRequest: {
        Item: {
          deviceid: { S: r.deviceid },
          timestamp: { S: r.timestamp },
          ...(r.temperature === undefined ? {} : { temperature: { N: String(r.temperature) } }),
          ...(r.humidity === undefined ? {} : { humidity: { N: String(r.humidity) } }),
        },
      },
    }));
    await dynamo.send(new BatchWriteItemCommand({ RequestItems: { [TABLE]: batch } }));
  }
}

export interface BuiltApi {
  apiId: string;
  functionName: string;
  /** The invoke URL of stage handson. */
  invokeUrl: string;
}

/**
 * Lab 3's API as a student builds it. `mode` is the fixture function's way to fail: "no-cors" forgets
 * Access-Control-Allow-Origin, "malformed" returns its body as an object; a `table` that does not exist
 * makes it answer 500.
 */
export async function buildApi(config: ClientConfig, name: string, mode: '' | 'no-cors' | 'malformed' = '', table = TABLE): Promise<BuiltApi> {
  const apigw = new APIGatewayClient(config);
  const lambda = new LambdaClient(config);
  const accountId = (await new STSClient(config).send(new GetCallerIdentityCommand({}))).Account!;
  const iam = new IAMClient(config);
  const role = (await iam.send(new CreateRoleCommand({ RoleName: `${name}-role`, AssumeRolePolicyDocument: trustPolicy('lambda.amazonaws.com') }))).Role!.Arn!;
  const mayQuery = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'dynamodb:Query', Resource: `arn:aws:dynamodb:us-east-1:${accountId}:table/${table}` }] };
  await iam.send(new PutRolePolicyCommand({ RoleName: `${name}-role`, PolicyName: 'read-table', PolicyDocument: JSON.stringify(mayQuery) }));
  const code = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'lambda', 'python-graph-api', 'lambda_function.py'));
  const fn = await lambda.send(
    new CreateFunctionCommand({
      FunctionName: name,
      Runtime: 'python3.12',
      Handler: 'lambda_function.lambda_handler',
      Role: role,
      Code: { ZipFile: zipFiles({ 'lambda_function.py': code }) },
      Environment: { Variables: { TABLE_NAME: table, MODE: mode } },
      Timeout: 10,
    }),
  );

  const api = await apigw.send(new CreateRestApiCommand({ name, endpointConfiguration: { types: ['REGIONAL'] } }));
  const restApiId = api.id!;
  const datas = await apigw.send(new CreateResourceCommand({ restApiId, parentId: api.rootResourceId!, pathPart: 'datas' }));
  const resourceId = (await apigw.send(new CreateResourceCommand({ restApiId, parentId: datas.id!, pathPart: '{deviceid}' }))).id!;
  await apigw.send(new PutMethodCommand({ restApiId, resourceId, httpMethod: 'GET', authorizationType: 'NONE' }));
  await apigw.send(
    new PutIntegrationCommand({ restApiId, resourceId, httpMethod: 'GET', type: 'AWS_PROXY', integrationHttpMethod: 'POST', uri: `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${fn.FunctionArn}/invocations` }),
  );
  await apigw.send(new PutMethodCommand({ restApiId, resourceId, httpMethod: 'OPTIONS', authorizationType: 'NONE' }));
  await apigw.send(new PutIntegrationCommand({ restApiId, resourceId, httpMethod: 'OPTIONS', type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } }));
  const cors = {
    'Access-Control-Allow-Headers': "'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token'",
    'Access-Control-Allow-Methods': "'GET,OPTIONS'",
    'Access-Control-Allow-Origin': "'*'",
  };
  await apigw.send(
    new PutMethodResponseCommand({ restApiId, resourceId, httpMethod: 'OPTIONS', statusCode: '200', responseParameters: Object.fromEntries(Object.keys(cors).map((h) => [`method.response.header.${h}`, false])) }),
  );
  await apigw.send(
    new PutIntegrationResponseCommand({
      restApiId,
      resourceId,
      httpMethod: 'OPTIONS',
      statusCode: '200',
      responseParameters: Object.fromEntries(Object.entries(cors).map(([h, v]) => [`method.response.header.${h}`, v])),
    }),
  );
  await lambda.send(
    new AddPermissionCommand({
      FunctionName: name,
      StatementId: 'apigateway-get',
      Action: 'lambda:InvokeFunction',
      Principal: 'apigateway.amazonaws.com',
      SourceArn: `arn:aws:execute-api:us-east-1:${accountId}:${restApiId}/*/GET/datas/{deviceid}`,
    }),
  );
  await apigw.send(new CreateDeploymentCommand({ restApiId, stageName: STAGE }));
  return { apiId: restApiId, functionName: name, invokeUrl: invokeUrlOf(config.endpoint, restApiId, STAGE) };
}

/** The sandbox's invoke URL form (checks/lib/api-pipeline.ts builds the same). */
export function invokeUrlOf(endpoint: string, apiId: string, stage: string): string {
  return `${endpoint}/restapis/${apiId}/${stage}/_user_request_`;
}

/** The page's address with its settings. */
export function pageUrl(base: string, settings: Record<string, string>): string {
  return `${base}?${new URLSearchParams(settings)}`;
}

export interface PixelCounts {
  width: number;
  height: number;
  /** Not near-white. */
  inked: number;
  /** Strongly orange-red: the temperature line. */
  reddish: number;
  /** Strongly blue: the humidity line. */
  bluish: number;
}

/** Decodes an 8-bit, non-interlaced RGB or RGBA PNG (what Chromium's screenshots are) and counts its pixels. */
export function countPixels(png: Buffer): PixelCounts {
  if (png.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const [depth, colorType, , , interlace] = [data[8], data[9], data[10], data[11], data[12]];
      if (depth !== 8 || (colorType !== 2 && colorType !== 6) || interlace !== 0) throw new Error(`unsupported PNG: depth ${depth}, color type ${colorType}, interlace ${interlace}`);
      channels = colorType === 6 ? 4 : 3;
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = pixels.subarray(y * stride, (y + 1) * stride);
    const prev = y > 0 ? pixels.subarray((y - 1) * stride, y * stride) : Buffer.alloc(stride);
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? out[x - channels] : 0;
      const b = prev[x];
      const c = x >= channels ? prev[x - channels] : 0;
      const predictor = filter === 0 ? 0 : filter === 1 ? a : filter === 2 ? b : filter === 3 ? (a + b) >> 1 : paeth(a, b, c);
      out[x] = (line[x] + predictor) & 0xff;
    }
  }
  const counts = { width, height, inked: 0, reddish: 0, bluish: 0 };
  for (let i = 0; i < pixels.length; i += channels) {
    const [r, g, b] = [pixels[i], pixels[i + 1], pixels[i + 2]];
    if (r < 235 || g < 235 || b < 235) counts.inked++;
    if (r > 160 && r - g > 60 && r - b > 100) counts.reddish++;
    if (b > 150 && b - r > 100 && b - g > 30) counts.bluish++;
  }
  return counts;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}
