// AWS Security Token Service: who am I, and temporary credentials for a role.

import type { Sandbox } from '../../sandbox.js';
import { defineService } from '../definition.js';
import { permissions } from './permissions.js';
import { accountForAccessKey } from '../../edge/sigv4.js';
import { issuedCredentials } from './store.js';
import { serviceSessions } from './issue.js';
import { assumeRole } from './operations/assume-role.js';
import { getCallerIdentity } from './operations/get-caller-identity.js';

export const service = defineService({
  name: 'sts',
  signingName: 'sts',
  permissions,
  protocols: ['awsQuery'],
  xmlNamespace: 'https://sts.amazonaws.com/doc/2011-06-15/',
  validationCode: 'ValidationError',
  operations: [getCallerIdentity, assumeRole],
});

export function start(sandbox: Sandbox): void {
  const issued = issuedCredentials(sandbox);
  sandbox.apis.sts = {
    accountForAccessKey: (key) => issued.get(key)?.accountId ?? accountForAccessKey(key),
    secretForAccessKey: (key) => issued.get(key)?.secretAccessKey,
    sessionForAccessKey: (key) => issued.get(key),
    serviceSession: serviceSessions(sandbox),
  };
}
