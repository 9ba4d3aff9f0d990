// Errors a user can act on, and the translation of AWS/SDK failures into plain advice.
// Only the CLI entry turns these into exit codes.

import type { TargetInfo } from './target/target.js';
import { SANDBOX_START_COMMAND } from './target/local.js';
// Called only when an error is described, never at load: i18n's language module imports this one.
import { t } from './i18n/index.js';

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
  const region = target ? target.region || t('advice.configuredRegion') : undefined;

  if (codes.includes('ECONNREFUSED')) {
    if (target?.kind === 'local') {
      return {
        message: t('advice.sandboxDown', { endpoint: target.endpoint ?? t('advice.itsEndpoint') }),
        hint: t('advice.sandboxDownHint', { command: SANDBOX_START_COMMAND }),
        environment: true,
      };
    }
    return { message: t('advice.refused', { message }), hint: t('advice.refusedHint'), environment: true };
  }
  if (codes.some((c) => UNREACHABLE.has(c)) || name === 'TimeoutError') {
    return {
      message: region ? t('advice.unreachableIn', { region, message }) : t('advice.unreachable', { message }),
      hint: t('advice.unreachableHint'),
      environment: true,
    };
  }
  if (name === 'CredentialsProviderError' || /could not load credentials/i.test(message)) {
    return { message: t('advice.noCredentials'), hint: t('advice.noCredentialsHint'), environment: true };
  }
  if (/region is missing/i.test(message)) {
    return { message: t('advice.noRegion'), hint: t('advice.noRegionHint'), environment: true };
  }
  if (CREDENTIALS_INVALID.has(name)) {
    return { message: t('advice.badCredentials', { code: name }), hint: t('advice.badCredentialsHint'), environment: true };
  }
  if (ACCESS_DENIED.has(name)) {
    const denied = /perform:\s*(\S+)\s+on resource:\s*(\S+)/.exec(message);
    return {
      message: denied ? t('advice.deniedAction', { action: denied[1]!, resource: denied[2]! }) : t('advice.denied', { message }),
      hint: t('advice.deniedHint'),
      environment: true,
    };
  }
  if (WRONG_REGION.has(name) || /wrong region|region .* is wrong|expecting '[a-z0-9-]+'/i.test(message)) {
    return {
      message: t('advice.wrongRegion', { region: target?.region ?? t('advice.theConfiguredOne'), code: name }),
      hint: t('advice.wrongRegionHint'),
      environment: true,
    };
  }
  if (THROTTLED.has(name)) {
    return { message: t('advice.throttled', { code: name }), hint: t('advice.throttledHint'), environment: true };
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
