// Errors a user can act on, and the translation of AWS/SDK failures into plain advice.
// Only the CLI entry turns these into exit codes.

import type { TargetInfo } from './target/target.js';
import { SANDBOX_START_COMMAND } from './target/local.js';

/** The user asked for something that does not exist or cannot be done as asked (exit 2). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The environment is not ready: no credentials, sandbox down, wrong region (exit 2). */
export class EnvironmentError extends Error {
  override readonly name = 'EnvironmentError';
  constructor(
    message: string,
    readonly hint?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface Advice {
  message: string;
  hint?: string;
  /** True when the problem is the user's setup rather than what they built. */
  environment: boolean;
}

type TargetLike = Pick<TargetInfo, 'kind' | 'region'> & { endpoint?: string };

const CREDENTIALS_INVALID = new Set([
  'ExpiredToken', 'ExpiredTokenException', 'RequestExpired', 'InvalidClientTokenId',
  'UnrecognizedClientException', 'SignatureDoesNotMatch', 'InvalidSignatureException', 'InvalidAccessKeyId',
]);
const ACCESS_DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'AuthorizationError']);
const THROTTLED = new Set([
  'Throttling', 'ThrottlingException', 'TooManyRequestsException', 'ProvisionedThroughputExceededException',
  'RequestLimitExceeded', 'SlowDown', 'LimitExceededException',
]);
const WRONG_REGION = new Set(['AuthorizationHeaderMalformed', 'PermanentRedirect', 'IllegalLocationConstraintException']);
const UNREACHABLE = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ENETUNREACH', 'EHOSTUNREACH', 'ECONNRESET']);

export function describeError(err: unknown, target?: TargetLike): Advice {
  if (err instanceof UsageError) return { message: err.message, environment: true };
  if (err instanceof EnvironmentError) return { message: err.message, hint: err.hint, environment: true };
  const name = errorName(err);
  const message = err instanceof Error ? err.message : String(err);
  const codes = networkCodes(err);
  const where = target ? ` in ${target.region || 'the configured region'}` : '';

  if (codes.includes('ECONNREFUSED')) {
    if (target?.kind === 'local') {
      return {
        message: `The sandbox is not running at ${target.endpoint ?? 'its endpoint'}.`,
        hint: `Start it in another terminal with \`${SANDBOX_START_COMMAND}\`, then run this again.`,
        environment: true,
      };
    }
    return { message: `Connection refused: ${message}`, hint: 'Check the endpoint and your network.', environment: true };
  }
  if (codes.some((c) => UNREACHABLE.has(c)) || name === 'TimeoutError') {
    return { message: `Cannot reach AWS${where}: ${message}`, hint: 'Check your network connection and the region name.', environment: true };
  }
  if (name === 'CredentialsProviderError' || /could not load credentials/i.test(message)) {
    return {
      message: 'No AWS credentials found.',
      hint: 'Run `aws configure` (or `aws sso login --profile NAME` and pass --profile NAME), or use the sandbox with --target local.',
      environment: true,
    };
  }
  if (/region is missing/i.test(message)) {
    return { message: 'No AWS region is configured.', hint: 'Pass --region REGION, set AWS_REGION, or `lab config set region REGION`.', environment: true };
  }
  if (CREDENTIALS_INVALID.has(name)) {
    return {
      message: `Your AWS credentials are expired or invalid (${name}).`,
      hint: 'Refresh them (`aws sso login`, or new keys from your lab account) and run this again.',
      environment: true,
    };
  }
  if (ACCESS_DENIED.has(name)) {
    const denied = /perform:\s*(\S+)\s+on resource:\s*(\S+)/.exec(message);
    return {
      message: denied ? `Access denied: you may not ${denied[1]} on ${denied[2]}.` : `Access denied: ${message}`,
      hint: 'The identity you are using lacks that permission. Use a role or profile allowed to do it, or ask your instructor.',
      environment: true,
    };
  }
  if (WRONG_REGION.has(name) || /wrong region|region .* is wrong|expecting '[a-z0-9-]+'/i.test(message)) {
    return {
      message: `The resource lives in another region than ${target?.region ?? 'the one configured'} (${name}).`,
      hint: 'Pass --region with the region you built in, or `lab config set region REGION`.',
      environment: true,
    };
  }
  if (THROTTLED.has(name)) {
    return { message: `AWS is throttling requests (${name}).`, hint: 'Wait a few seconds and run it again.', environment: true };
  }
  return { message: `${name}: ${message}`, environment: false };
}

function errorName(err: unknown): string {
  if (err && typeof err === 'object') {
    const e = err as { name?: unknown; Code?: unknown; code?: unknown };
    if (typeof e.name === 'string' && e.name !== 'Error') return e.name;
    if (typeof e.Code === 'string') return e.Code;
    if (typeof e.code === 'string') return e.code;
  }
  return 'Error';
}

// Node reports a refused connection on the error itself, its cause, or inside an AggregateError (happy eyeballs).
function networkCodes(err: unknown, depth = 0): string[] {
  if (!err || typeof err !== 'object' || depth > 4) return [];
  const e = err as { code?: unknown; cause?: unknown; errors?: unknown };
  const own = typeof e.code === 'string' ? [e.code] : [];
  const nested = Array.isArray(e.errors) ? e.errors.flatMap((x) => networkCodes(x, depth + 1)) : [];
  return [...own, ...networkCodes(e.cause, depth + 1), ...nested];
}
