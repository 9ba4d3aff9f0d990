// What a service declares about itself: how clients reach it (signing name, protocols, target prefix)
// and the explicit list of operations it supports, each with its input shape and handler.

import type { RequestContext } from '../edge/context.js';
import type { EdgeRequest, EdgeResponse } from '../edge/http-types.js';
import type { StructureShape } from '../protocols/shapes.js';

export type ProtocolName = 'awsJson1_0' | 'awsJson1_1' | 'restJson1' | 'restXml' | 'awsQuery' | 'rpcv2Cbor';

/** Where an operation's input and output sit in a REST request and response. */
export interface HttpBinding {
  method: string;
  /** Path template: `/2015-03-31/functions/{FunctionName}`; `{Key+}` takes the rest of the path. */
  path: string;
  /** Query parameters that must be present to select this operation (S3's `?tagging`, `list-type=2`). */
  requiredQuery?: string[];
  /** Headers that must be present to select this operation (S3's CopyObject: `x-amz-copy-source`). */
  requiredHeaders?: string[];
  /** Input member -> query parameter name, when they differ from the member name. */
  query?: Record<string, string>;
  /** Input member -> request header name. */
  headers?: Record<string, string>;
  /** Input member that receives the raw request body instead of a parsed document. */
  payload?: string;
  /** HTTP status on success (default 200). */
  status?: number;
  /** Output member -> response header name. */
  responseHeaders?: Record<string, string>;
  /** Output member written as the raw response body. */
  responsePayload?: string;
}

export interface Operation<I = any, O = any> {
  name: string;
  input?: StructureShape;
  http?: HttpBinding;
  /** Operations that only read; derived from the name when absent (Get/List/Describe/...). */
  readOnly?: boolean;
  handler(input: I, ctx: RequestContext): O | Promise<O>;
}

export interface ServiceDefinition {
  /** Our folder name and the name `lab sandbox status` shows. */
  name: string;
  /** The SigV4 credential-scope service name clients sign with. */
  signingName: string;
  /** Protocols clients may use, the model's preferred first. */
  protocols: ProtocolName[];
  /** awsJson X-Amz-Target prefix (`Kinesis_20131202`). */
  targetPrefix?: string;
  /** Reads a target-routed request in any content type but its own JSON one as CBOR, as Kinesis does. */
  cborByDefault?: boolean;
  /** The Smithy service shape name in RPC v2 CBOR paths (`/service/<name>/operation/<op>`). */
  smithyName?: string;
  /** Namespace for awsQuery XML and the prefix of RPC v2 CBOR error types. */
  xmlNamespace?: string;
  errorNamespace?: string;
  /** Error code of a constraint failure (ValidationException unless the service says otherwise). */
  validationCode?: string;
  /** Member naming in validation messages. */
  memberNaming?: 'lowerCamel' | 'asIs';
  /** Paths that name this service when no credential scope does (an unsigned call, an API Gateway invoke URL). */
  pathPrefixes?: string[];
  /** The prefix of its IAM actions, when it is not the signing name (CloudWatch's `cloudwatch`, IoT data's `iot`). */
  iamPrefix?: string;
  /**
   * The IAM permissions an operation needs (action and resource ARN each), for authorising role sessions;
   * undefined for an operation it does not map, which then needs `<prefix>:<Operation>` on `*`.
   */
  permissions?(operation: string, input: any, ctx: RequestContext): Permission[] | undefined;
  /** Takes unsigned requests no other rule routes (S3: a path is a bucket and a key). */
  answersUnnamedPaths?: boolean;
  /** Rewrites a request before routing (S3 virtual-hosted-style addressing). */
  rewrite?(req: EdgeRequest): EdgeRequest;
  /** Takes over a whole request (a service that is a server of its own, such as dynalite). */
  serve?(req: EdgeRequest, ctx: RequestContext): Promise<EdgeResponse>;
  /** Requests that are the service's own traffic rather than API calls (API Gateway's invoke URLs). */
  dataPlane?: DataPlane;
  operations: Operation[];
}

/**
 * Traffic a service answers itself, outside its operations: the router gives it to the service whatever
 * the request's signature says, and the dispatcher neither verifies SigV4 nor decodes an operation.
 */
export interface DataPlane {
  matches(req: EdgeRequest): boolean;
  serve(req: EdgeRequest, ctx: RequestContext): Promise<EdgeResponse>;
  /** The operation name the request log records these requests under. */
  operation: string;
  /** Web pages may call it (API Gateway's invoke URLs, CORS as configured); any other traffic from a browser is refused. */
  servesBrowsers?: boolean;
}

/** One IAM permission a call needs: `dynamodb:PutItem` on `arn:aws:dynamodb:us-east-1:123456789012:table/t`. */
export interface Permission {
  action: string;
  resource: string;
}

export function defineService(def: ServiceDefinition): ServiceDefinition {
  return def;
}

export function defineOperation<I = any, O = any>(op: Operation<I, O>): Operation<I, O> {
  return op;
}

const READ_PREFIXES = /^(Get|List|Describe|Head|Query|Scan|BatchGet|Select|Filter|Lookup|Search|Test)/;

export function isReadOnly(op: Pick<Operation, 'name' | 'readOnly'>): boolean {
  return op.readOnly ?? READ_PREFIXES.test(op.name);
}

/** A handler's escape hatch: a response sent exactly as given (S3 objects, Lambda Invoke payloads). */
export class RawResponse implements EdgeResponse {
  constructor(
    public status: number,
    public headers: Record<string, string>,
    public body: EdgeResponse['body'],
  ) {}
}
