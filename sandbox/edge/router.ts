// Which service and which protocol a request is for, in the order DESIGN.md fixes: the SigV4 scope's
// service, then X-Amz-Target, then the RPC v2 CBOR path, then path rules, then the query Action.

import type { EdgeRequest } from './http-types.js';
import type { SigV4Auth } from './sigv4.js';
import type { ProtocolName, ServiceDefinition } from '../services/definition.js';
import type { Codec } from '../protocols/codec.js';
import { awsJsonCodec, awsJsonForm, mediaType, type AwsJsonForm } from '../protocols/aws-json.js';
import { awsQueryCodec, queryParams } from '../protocols/aws-query.js';
import { RPC_V2_PATH, rpcv2CborCodec } from '../protocols/rpcv2-cbor.js';
import { restJsonCodec } from '../protocols/rest-json.js';
import { restXmlCodec } from '../protocols/rest-xml.js';

export interface Route {
  service: ServiceDefinition;
  codec: Codec;
  /** The request is the service's data-plane traffic, not an operation. */
  dataPlane?: boolean;
}

const FORMS: AwsJsonForm[] = ['json', 'cbor', 'rpc', 'refused'];
/** One awsJson codec per version and form, keyed `1.1/json`. */
const awsJsonCodecs = new Map<string, Codec>(
  (['1.0', '1.1'] as const).flatMap((version) => FORMS.map((form) => [`${version}/${form}`, awsJsonCodec(version, form)] as const)),
);
const awsJson = (version: '1.0' | '1.1', form: AwsJsonForm = 'json') => awsJsonCodecs.get(`${version}/${form}`)!;

/**
 * The codec for a request no service claims that still speaks awsJson (a POST with an X-Amz-Target or
 * an awsJson content type), so it is answered in the form its client reads; undefined for any other.
 */
export function unclaimedJsonCodec(req: EdgeRequest): Codec | undefined {
  if (req.method !== 'POST') return undefined;
  const type = mediaType(req);
  if (type === 'application/x-amz-cbor-1.1') return awsJson('1.1', 'cbor');
  if (type === 'application/x-amz-json-1.0') return awsJson('1.0');
  if (type === 'application/x-amz-json-1.1' || req.headers['x-amz-target'] !== undefined) return awsJson('1.1');
  return undefined;
}

export class Router {
  private readonly bySigningName = new Map<string, ServiceDefinition[]>();
  private readonly byTargetPrefix = new Map<string, ServiceDefinition>();
  private readonly bySmithyName = new Map<string, ServiceDefinition>();

  constructor(private readonly services: ServiceDefinition[]) {
    for (const s of services) {
      const list = this.bySigningName.get(s.signingName) ?? [];
      list.push(s);
      this.bySigningName.set(s.signingName, list);
      if (s.targetPrefix) this.byTargetPrefix.set(s.targetPrefix, s);
      if (s.smithyName) this.bySmithyName.set(s.smithyName, s);
    }
  }

  resolve(req: EdgeRequest, auth: SigV4Auth | undefined): Route | undefined {
    // Data-plane paths (API Gateway invoke URLs) belong to their service whether or not they are signed.
    const dataPlane = this.services.find((s) => s.dataPlane?.matches(req));
    if (dataPlane) return { service: dataPlane, codec: this.codecFor(req, dataPlane), dataPlane: true };
    const service = this.findService(req, auth);
    if (!service) return undefined;
    return { service, codec: this.codecFor(req, service) };
  }

  private findService(req: EdgeRequest, auth: SigV4Auth | undefined): ServiceDefinition | undefined {
    const target = req.headers['x-amz-target'];
    const targetPrefix = target?.slice(0, target.lastIndexOf('.'));
    if (auth) {
      const candidates = this.bySigningName.get(auth.service) ?? [];
      if (candidates.length === 1) return candidates[0];
      // Several services share a signing name (IoT's control and data planes): narrow by target or path.
      const narrowed = candidates.find((s) => s.targetPrefix === targetPrefix) ?? candidates.find((s) => s.pathPrefixes?.some((p) => req.rawPath.startsWith(p)));
      if (narrowed) return narrowed;
      if (candidates.length > 0) return candidates[0];
    }
    if (targetPrefix && this.byTargetPrefix.has(targetPrefix)) return this.byTargetPrefix.get(targetPrefix);
    const rpc = RPC_V2_PATH.exec(req.rawPath);
    if (rpc && this.bySmithyName.has(rpc[1])) return this.bySmithyName.get(rpc[1]);
    const byPath = this.services.find((s) => s.pathPrefixes?.some((p) => req.rawPath.startsWith(p)));
    if (byPath) return byPath;
    const action = queryParams(req).get('Action');
    if (action) return this.services.find((s) => s.protocols.includes('awsQuery') && s.operations.some((op) => op.name === action));
    // An unsigned request nothing else names is a path on S3's endpoint, as `curl <endpoint>/bucket/key` would
    // be on AWS: S3 answers it (and refuses it, as it refuses anonymous access to a private bucket).
    if (!auth && !target && !unclaimedJsonCodec(req)) return this.services.find((s) => s.answersUnnamedPaths);
    return undefined;
  }

  private codecFor(req: EdgeRequest, service: ServiceDefinition): Codec {
    const speaks = (p: ProtocolName) => service.protocols.includes(p);
    if (speaks('rpcv2Cbor') && (RPC_V2_PATH.test(req.rawPath) || req.headers['smithy-protocol'] === 'rpc-v2-cbor')) return rpcv2CborCodec;
    const jsonVersion = speaks('awsJson1_0') ? '1.0' : speaks('awsJson1_1') ? '1.1' : undefined;
    if (jsonVersion && req.headers['x-amz-target'] !== undefined) return awsJson(jsonVersion, awsJsonForm(req, jsonVersion, service.cborByDefault));
    if (speaks('awsQuery') && (queryParams(req).has('Action') || !speaks('restJson1') && !speaks('restXml'))) return awsQueryCodec;
    if (speaks('restXml')) return restXmlCodec;
    if (speaks('restJson1')) return restJsonCodec;
    if (jsonVersion) return awsJson(jsonVersion, awsJsonForm(req, jsonVersion, service.cborByDefault));
    return awsQueryCodec;
  }
}
