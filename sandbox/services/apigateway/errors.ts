// API Gateway's errors, in AWS's words. On the wire: `x-amzn-ErrorType` names the error and the body
// carries `message`, which is all the SDKs read.

import { ServiceError } from '../../protocols/errors.js';
import type { Principal } from '../../edge/context.js';

const notFound = (message: string) => new ServiceError('NotFoundException', message, 404);
const badRequest = (message: string) => new ServiceError('BadRequestException', message, 400);
const conflict = (message: string) => new ServiceError('ConflictException', message, 409);

export const apiNotFound = (owner: Pick<Principal, 'accountId'>, apiId: string) => notFound(`Invalid API identifier specified ${owner.accountId}:${apiId}`);
export const resourceNotFound = () => notFound('Invalid Resource identifier specified');
export const methodNotFound = () => notFound('Invalid Method identifier specified');
export const integrationNotFound = () => notFound('Invalid Integration identifier specified');
export const responseNotFound = () => notFound('Invalid Response status code specified');
export const stageNotFound = () => notFound('Invalid Stage identifier specified');
export const deploymentNotFound = () => notFound('Invalid Deployment identifier specified');
export const taggableNotFound = (arn: string) => notFound(`Invalid resource identifier specified ${arn}`);

export const duplicateResource = (pathPart: string) => conflict(`Another resource with the same parent already has this name: ${pathPart}`);
export const methodExists = () => conflict('Method already exists for this resource');
export const stageExists = () => conflict('Stage already exists');
export const deploymentInUse = () => badRequest('Active stages pointing to this deployment must be moved or deleted');

export const invalidPathPart = () =>
  badRequest("Resource's path part only allow a-zA-Z0-9._- and curly braces at the beginning and the end and an optional plus sign before the closing brace.");
export const variableSibling = (sibling: string) => badRequest(`A sibling (${sibling}) of this resource already has a variable path part -- only one is allowed`);
export const childOfGreedy = (pathPart: string) => badRequest(`Cannot create a child of a resource with a greedy path variable: ${pathPart}`);
export const rootNotDeletable = () => badRequest('Cannot delete root resource');
export const invalidHttpMethod = () => badRequest('Invalid HttpMethod specified. Valid options are GET,PUT,POST,DELETE,PATCH,OPTIONS,HEAD,ANY');
export const invalidAuthorizationType = () => badRequest('Invalid authorization type specified. Valid options are NONE,AWS_IAM,CUSTOM,COGNITO_USER_POOLS');
export const missingIntegrationHttpMethod = () => badRequest('Enumeration value for HttpMethod must be non-empty');
export const proxyNeedsLambda = () => badRequest("Integrations of type 'AWS_PROXY' currently only supports Lambda function and Firehose stream invocations.");
export const invalidAwsUri = () => badRequest('Invalid ARN specified in the request');
export const invalidHttpUri = () => badRequest('Invalid HTTP endpoint specified for URI');
export const invalidStatusCode = () => badRequest('Invalid status code specified. Valid options are 100-599');
export const invalidStageName = () => badRequest('Stage name only allows a-zA-Z0-9_');
export const noMethods = () => badRequest("The REST API doesn't contain any methods");
export const noIntegration = () => badRequest('No integration defined for method');
export const invalidArn = () => badRequest('Invalid ARN specified in the request');
export const invalidPosition = () => badRequest('Invalid position parameter');
export const noMethodResponse = () => badRequest('Invalid mapping expression specified: Validation Result: warnings : [], errors : [No method response exists for method.]');
export const undeclaredResponseParameter = (expression: string) =>
  badRequest(`Invalid mapping expression specified: Validation Result: warnings : [], errors : [Invalid mapping expression parameter specified: ${expression}]`);
