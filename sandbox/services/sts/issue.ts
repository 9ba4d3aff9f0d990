// Temporary credentials for a role: what AssumeRole hands a caller and what a service (Lambda, for a
// function) holds while it acts as the role. Kept by access key id, so the edge knows a session's
// requests as the role's.

import { randomBytes } from 'node:crypto';
import type { Sandbox } from '../../sandbox.js';
import type { IssuedCredentials } from './api.js';
import { issuedCredentials } from './store.js';

const ROLE_ARN = /^arn:aws:iam::(\d{12}):role\/(?:.*\/)?([\w+=,.@-]+)$/;

const token = (prefix: string, length: number) => prefix + randomBytes(length).toString('hex').toUpperCase().slice(0, length - prefix.length);

export interface SessionRequest {
  roleArn: string;
  sessionName: string;
  durationSeconds: number;
  /** The role's id when it exists; a made-up one otherwise (a sandbox without IAM). */
  roleId?: string;
}

export function issueCredentials(sandbox: Sandbox, request: SessionRequest): IssuedCredentials {
  const [, accountId = '000000000000', roleName = request.roleArn] = ROLE_ARN.exec(request.roleArn) ?? [];
  const issued: IssuedCredentials = {
    accessKeyId: token('ASIA', 20),
    secretAccessKey: randomBytes(30).toString('base64').slice(0, 40),
    sessionToken: randomBytes(96).toString('base64'),
    expiration: sandbox.clock.now() + request.durationSeconds * 1000,
    accountId,
    roleArn: request.roleArn,
    roleName,
    sessionName: request.sessionName,
    roleId: request.roleId ?? token('AROA', 21),
  };
  issuedCredentials(sandbox).set(issued.accessKeyId, issued);
  return issued;
}

/** How long a service's session lasts, and how much of it must be left for the service to keep using it. */
const SERVICE_SESSION_SECONDS = 12 * 3600;
const SERVICE_SESSION_MIN_LEFT_MS = 3600 * 1000;

/**
 * The session a service holds for a role (Lambda for a function's execution role): one per role and
 * session name, renewed once less than an hour of it is left, so an environment started with it
 * outlives no credentials.
 */
export function serviceSessions(sandbox: Sandbox) {
  const held = new Map<string, IssuedCredentials>();
  return (roleArn: string, sessionName: string): IssuedCredentials => {
    const key = `${roleArn}\n${sessionName}`;
    const current = held.get(key);
    if (current && current.expiration - sandbox.clock.now() > SERVICE_SESSION_MIN_LEFT_MS && issuedCredentials(sandbox).has(current.accessKeyId)) return current;
    const roleName = ROLE_ARN.exec(roleArn)?.[2] ?? '';
    const owner = { accountId: ROLE_ARN.exec(roleArn)?.[1] ?? '', region: '', clock: sandbox.clock };
    const issued = issueCredentials(sandbox, { roleArn, sessionName, durationSeconds: SERVICE_SESSION_SECONDS, roleId: sandbox.apis.iam?.getRole(owner, roleName)?.RoleId });
    held.set(key, issued);
    return issued;
  };
}
