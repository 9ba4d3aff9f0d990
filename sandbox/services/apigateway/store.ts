// API Gateway state: REST APIs (with their resource tree, methods, integrations and responses),
// deployments (frozen copies of the tree) and stages. API ids are unique across the sandbox, as in AWS,
// so an unsigned invoke URL finds its API; each record says which account and region own it.

import { randomInt } from 'node:crypto';
import type { Sandbox } from '../../sandbox.js';
import type { Principal } from '../../edge/context.js';

export interface IntegrationResponseRecord {
  statusCode: string;
  selectionPattern?: string;
  responseParameters?: Record<string, string>;
  responseTemplates?: Record<string, string>;
  contentHandling?: string;
}

export interface IntegrationRecord {
  type: string;
  httpMethod?: string;
  uri?: string;
  connectionType?: string;
  connectionId?: string;
  credentials?: string;
  requestParameters?: Record<string, string>;
  requestTemplates?: Record<string, string>;
  passthroughBehavior?: string;
  contentHandling?: string;
  timeoutInMillis: number;
  cacheNamespace: string;
  cacheKeyParameters: string[];
  integrationResponses?: Record<string, IntegrationResponseRecord>;
}

export interface MethodResponseRecord {
  statusCode: string;
  responseParameters?: Record<string, boolean>;
  responseModels?: Record<string, string>;
}

export interface MethodRecord {
  httpMethod: string;
  authorizationType: string;
  authorizerId?: string;
  apiKeyRequired: boolean;
  operationName?: string;
  requestParameters?: Record<string, boolean>;
  requestModels?: Record<string, string>;
  requestValidatorId?: string;
  authorizationScopes?: string[];
  methodResponses?: Record<string, MethodResponseRecord>;
  methodIntegration?: IntegrationRecord;
}

export interface ResourceRecord {
  id: string;
  parentId?: string;
  pathPart?: string;
  path: string;
  methods: Record<string, MethodRecord>;
}

export interface RestApiRecord {
  id: string;
  accountId: string;
  region: string;
  name: string;
  description?: string;
  version?: string;
  binaryMediaTypes?: string[];
  minimumCompressionSize?: number;
  apiKeySource: string;
  endpointConfiguration: { types: string[]; ipAddressType?: string; vpcEndpointIds?: string[] };
  policy?: string;
  tags: Record<string, string>;
  disableExecuteApiEndpoint: boolean;
  rootResourceId: string;
  /** Epoch ms. */
  createdDate: number;
  /** The resource tree by id, in creation order. */
  resources: Record<string, ResourceRecord>;
}

export interface DeploymentRecord {
  id: string;
  apiId: string;
  description?: string;
  createdDate: number;
  /** The API's resources as they were when deployed: what its stages serve. */
  resources: Record<string, ResourceRecord>;
}

export interface StageRecord {
  apiId: string;
  stageName: string;
  deploymentId: string;
  description?: string;
  variables?: Record<string, string>;
  tags: Record<string, string>;
  tracingEnabled: boolean;
  cacheClusterEnabled: boolean;
  cacheClusterSize?: string;
  createdDate: number;
  lastUpdatedDate: number;
}

export const restApisTable = (sandbox: Sandbox) => sandbox.state.table<RestApiRecord>('apigateway.restApis');
/** Keyed `<apiId>/<deploymentId>`. */
export const deploymentsTable = (sandbox: Sandbox) => sandbox.state.table<DeploymentRecord>('apigateway.deployments');
/** Keyed `<apiId>/<stageName>`. */
export const stagesTable = (sandbox: Sandbox) => sandbox.state.table<StageRecord>('apigateway.stages');

export function ownedBy(api: RestApiRecord, owner: Pick<Principal, 'accountId' | 'region'>): boolean {
  return api.accountId === owner.accountId && api.region === owner.region;
}

/** The APIs of one account and region, in creation order. */
export function restApisOf(sandbox: Sandbox, owner: Pick<Principal, 'accountId' | 'region'>): RestApiRecord[] {
  return restApisTable(sandbox).values().filter((api) => ownedBy(api, owner));
}

export function stagesOf(sandbox: Sandbox, apiId: string): StageRecord[] {
  return stagesTable(sandbox).values(`${apiId}/`);
}

export function deploymentsOf(sandbox: Sandbox, apiId: string): DeploymentRecord[] {
  return deploymentsTable(sandbox).values(`${apiId}/`);
}

const ID_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** An identifier as API Gateway makes them: lower-case letters and digits (10 for APIs and root resources, 6 for the rest). */
export function newId(length: number, taken: (id: string) => boolean = () => false): string {
  for (;;) {
    let id = '';
    for (let i = 0; i < length; i++) id += ID_CHARS[randomInt(ID_CHARS.length)];
    if (!taken(id)) return id;
  }
}
