// STS state: the temporary credentials AssumeRole issued, global by access key id as in AWS.

import type { Sandbox } from '../../sandbox.js';
import type { IssuedCredentials } from './api.js';

export const issuedCredentials = (sandbox: Sandbox) => sandbox.state.table<IssuedCredentials>('sts.credentials');
