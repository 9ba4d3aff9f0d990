// The fixed chain every request goes through: sandbox admin routes, SigV4 (account and region),
// service and protocol, operation, input validation, handler, output or AWS-shaped error.

import { randomUUID } from 'node:crypto';
import type { Sandbox } from '../sandbox.js';
import type { RequestContext } from './context.js';
import type { EdgeRequest, EdgeResponse } from './http-types.js';
import { Router } from './router.js';
import { accountForAccessKey, authenticationProblem, parseSigV4, verifySigV4 } from './sigv4.js';
import { internalFailure, isServiceError, ServiceError } from '../protocols/errors.js';
import { validateInput } from '../protocols/shapes.js';
import { awsQueryCodec } from '../protocols/aws-query.js';
import { isReadOnly, RawResponse, type ServiceDefinition } from '../services/definition.js';
import { DEFAULT_REGION, SANDBOX_CREDENTIALS } from '../settings.js';

export type Dispatcher = (req: EdgeRequest) => Promise<EdgeResponse>;

/** Data-plane requests with these methods are logged as read-only. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A service-less error for requests no service claims. */
const unknownService: ServiceDefinition = { name: 'unknown', signingName: '', protocols: ['awsQuery'], operations: [] };

export function createDispatcher(sandbox: Sandbox, services: ServiceDefinition[]): Dispatcher {
  const router = new Router(services);

  return async function dispatch(req: EdgeRequest): Promise<EdgeResponse> {
    const requestId = randomUUID();
    const admin = req.rawPath.startsWith('/_sandbox/') ? sandbox.adminRoutes.get(req.rawPath) : undefined;
    if (admin) return admin(req);

    const auth = parseSigV4(req);
    const route = router.resolve(req, auth);
    if (!route) {
      sandbox.log.record({ time: Date.now(), service: auth?.service ?? 'unknown', operation: req.headers['x-amz-target'] ?? `${req.method} ${req.rawPath.split('?')[0]}`, accountId: '', region: '', status: 400, readOnly: true, implemented: false });
      const err = new ServiceError('UnrecognizedClientException', 'The sandbox does not know which AWS service this request is for.', 400);
      return awsQueryCodec.encodeError(err, unknownService, requestId);
    }
    const { service, codec } = route;
    const prepared = service.rewrite ? service.rewrite(req) : req;
    const sts = sandbox.apis.sts;
    const accessKeyId = auth?.accessKeyId ?? SANDBOX_CREDENTIALS.accessKeyId;
    const ctx: RequestContext = {
      accountId: sts?.accountForAccessKey(accessKeyId) ?? accountForAccessKey(accessKeyId),
      region: auth?.region ?? DEFAULT_REGION,
      requestId,
      clock: sandbox.clock,
      accessKeyId,
      http: prepared,
      sandbox,
    };
    let operationName: string | undefined;
    let status = 500;
    let readOnly = true;
    let implemented = true;
    try {
      if (route.dataPlane && service.dataPlane) {
        operationName = service.dataPlane.operation;
        readOnly = SAFE_METHODS.has(prepared.method);
        const response = await service.dataPlane.serve(prepared, ctx);
        status = response.status;
        return response;
      }
      if (sandbox.options.verifySignatures) {
        if (!auth) throw new ServiceError('MissingAuthenticationToken', 'Request is missing Authentication Token', 403);
        const xmlProtocol = codec.name === 'awsQuery' || codec.name === 'restXml';
        verifySigV4(req, auth, sts?.secretForAccessKey(auth.accessKeyId) ?? SANDBOX_CREDENTIALS.secretAccessKey, xmlProtocol ? 'SignatureDoesNotMatch' : 'InvalidSignatureException');
      }
      if (service.serve) {
        const response = await service.serve(prepared, ctx);
        operationName = (prepared.headers['x-amz-target'] ?? '').split('.').pop() || undefined;
        readOnly = operationName ? isReadOnly({ name: operationName }) : true;
        status = response.status;
        return response;
      }
      const decoded = codec.decode(prepared, service);
      operationName = decoded.operationName;
      const op = decoded.operation ?? service.operations.find((o) => o.name === operationName);
      if (!op) {
        implemented = false;
        if (operationName) sandbox.warn(`not implemented: ${service.name}.${operationName}`);
        throw codec.unknownOperation(operationName);
      }
      readOnly = isReadOnly(op);
      const raw = decoded.input(op);
      // JSON-protocol services refuse a request without authentication once its body reads, as AWS does.
      const unauthenticated = codec.name.startsWith('awsJson') ? authenticationProblem(req) : undefined;
      if (unauthenticated) throw unauthenticated;
      const input = op.input
        ? validateInput(op.input, raw, { wire: codec.wire, validationCode: service.validationCode, memberNaming: service.memberNaming })
        : raw;
      const output = await op.handler(input, ctx);
      const response = output instanceof RawResponse ? output : codec.encode(output, op, service, requestId);
      status = response.status;
      return response;
    } catch (err) {
      const error = isServiceError(err) ? err : internalFailure();
      if (!isServiceError(err)) sandbox.warn(`${service.name}.${operationName ?? '?'} failed: ${(err as Error)?.stack ?? String(err)}`);
      status = error.status;
      return codec.encodeError(error, service, requestId, operationName);
    } finally {
      sandbox.log.record({
        time: Date.now(),
        service: service.name,
        operation: operationName ?? `${req.method} ${req.rawPath.split('?')[0]}`,
        accountId: ctx.accountId,
        region: ctx.region,
        status,
        readOnly,
        implemented,
      });
    }
  };
}
