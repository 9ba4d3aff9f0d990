// The fixed chain every request goes through: the browser guard (Host, Origin), sandbox admin routes,
// SigV4 (account and region), service and protocol, authentication, operation, input validation,
// handler, output or AWS-shaped error.

import { randomUUID } from 'node:crypto';
import type { Sandbox } from '../sandbox.js';
import type { RequestContext } from './context.js';
import type { EdgeRequest, EdgeResponse } from './http-types.js';
import { Router, unclaimedJsonCodec } from './router.js';
import { accountForAccessKey, authenticationProblem, parseSigV4 } from './sigv4.js';
import { authFamily, missingSignature, scopeProblem, verifyRequest } from './authentication.js';
import { BrowserGuard } from './browser-guard.js';
import { authorizeSession } from './authorization.js';
import { isRegionName } from '../../aws-facts/regions.js';
import { internalFailure, isServiceError, ServiceError } from '../protocols/errors.js';
import { validateInput } from '../protocols/shapes.js';
import { awsQueryCodec } from '../protocols/aws-query.js';
import { isReadOnly, RawResponse, type ServiceDefinition } from '../services/definition.js';
import { DEFAULT_HOST, DEFAULT_REGION, SANDBOX_CREDENTIALS } from '../settings.js';

export type Dispatcher = (req: EdgeRequest) => Promise<EdgeResponse>;

/** Data-plane requests with these methods are logged as read-only. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A service-less error for requests no service claims. */
const unknownService: ServiceDefinition = { name: 'unknown', signingName: '', protocols: [], operations: [] };

/**
 * The answer to a request no service claims. One that speaks awsJson gets what any AWS JSON endpoint
 * says of an operation it does not have (naming the target the sandbox does not serve, when there is
 * one); anything else an XML error that says what would have routed it.
 */
function unclaimed(req: EdgeRequest, signedFor: string | undefined, requestId: string): EdgeResponse {
  const jsonCodec = unclaimedJsonCodec(req);
  const target = req.headers['x-amz-target'];
  if (jsonCodec) {
    const message = target ? `No service in the sandbox answers X-Amz-Target '${target}'.` : '';
    return jsonCodec.encodeError(new ServiceError('UnknownOperationException', message, 400), unknownService, requestId);
  }
  const message = signedFor
    ? `The sandbox does not serve '${signedFor}', the service this request is signed for.`
    : 'The sandbox cannot tell which AWS service this request is for: it has no SigV4 credential scope, X-Amz-Target, known path or Action.';
  return awsQueryCodec.encodeError(new ServiceError('UnrecognizedClientException', message, 400), unknownService, requestId);
}

/** A refusal outside any service (an admin route, a request no service claims): a plain JSON 403. */
function refusedOutsideServices(message: string): EdgeResponse {
  return { status: 403, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message }) };
}

export function createDispatcher(sandbox: Sandbox, services: ServiceDefinition[]): Dispatcher {
  const router = new Router(services);
  const guard = new BrowserGuard(sandbox.options.host ?? DEFAULT_HOST);

  return async function dispatch(req: EdgeRequest): Promise<EdgeResponse> {
    const requestId = randomUUID();
    const wrongHost = guard.hostRefusal(req);
    const admin = req.rawPath.startsWith('/_sandbox/') ? sandbox.adminRoutes.get(req.rawPath) : undefined;
    if (admin) {
      const refusal = wrongHost ?? guard.browserRefusal(req);
      return refusal ? refusedOutsideServices(refusal) : admin(req);
    }

    const auth = parseSigV4(req);
    const route = router.resolve(req, auth);
    if (!route) {
      sandbox.log.record({ time: Date.now(), service: auth?.service ?? 'unknown', operation: req.headers['x-amz-target'] ?? `${req.method} ${req.rawPath.split('?')[0]}`, accountId: '', region: '', status: 400, readOnly: true, implemented: false });
      const refusal = wrongHost ?? guard.browserRefusal(req);
      return refusal ? refusedOutsideServices(refusal) : unclaimed(req, auth?.service, requestId);
    }
    const { service, codec } = route;
    const family = authFamily(codec.name, service.name);
    const prepared = service.rewrite ? service.rewrite(req) : req;
    const sts = sandbox.apis.sts;
    const accessKeyId = auth?.accessKeyId ?? SANDBOX_CREDENTIALS.accessKeyId;
    const ctx: RequestContext = {
      accountId: sts?.accountForAccessKey(accessKeyId) ?? accountForAccessKey(accessKeyId),
      // A region that is not a region name never reaches a service (it would become a path or a name there).
      region: auth && isRegionName(auth.region) ? auth.region : DEFAULT_REGION,
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
      const browsersWelcome = route.dataPlane && service.dataPlane?.servesBrowsers;
      const refusal = wrongHost ?? (browsersWelcome ? undefined : guard.browserRefusal(req));
      if (refusal) throw new ServiceError(family === 's3' || family === 'query' ? 'AccessDenied' : 'AccessDeniedException', refusal, 403);
      const badScope = auth && scopeProblem(auth, family);
      if (badScope) throw badScope;
      if (route.dataPlane && service.dataPlane) {
        operationName = service.dataPlane.operation;
        readOnly = SAFE_METHODS.has(prepared.method);
        const response = await service.dataPlane.serve(prepared, ctx);
        status = response.status;
        return response;
      }
      // JSON-protocol services read the body and look up the operation before they look at authentication.
      const jsonProtocol = codec.name.startsWith('awsJson') && !service.serve;
      const authenticate = () => {
        // Every AWS API refuses an unsigned call, whatever the flags; only the answer differs by protocol.
        const unsigned = missingSignature(auth, family);
        if (unsigned) throw unsigned;
        if (!sandbox.options.verifySignatures) return;
        if (!auth) throw new ServiceError('MissingAuthenticationTokenException', 'Missing Authentication Token', 400);
        verifyRequest(req, auth, sandbox.secretFor(auth.accessKeyId), family, sandbox.clock.now());
      };
      if (!jsonProtocol) authenticate();
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
      if (jsonProtocol) {
        // Missing or incomplete authentication is refused once the body reads, as AWS does, whatever the flags.
        const unauthenticated = authenticationProblem(req);
        if (unauthenticated) throw unauthenticated;
        authenticate();
      }
      const input = op.input
        ? validateInput(op.input, raw, { wire: codec.wire, validationCode: service.validationCode, memberNaming: service.memberNaming })
        : raw;
      authorizeSession(ctx, service, family, op.name, input);
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
