// GetCallerIdentity: who the signing key is — the account root for ordinary keys, the assumed role
// session for keys AssumeRole issued.

import { defineOperation } from '../../definition.js';
import { issuedCredentials } from '../store.js';

export const getCallerIdentity = defineOperation({
  name: 'GetCallerIdentity',
  handler(_input: unknown, ctx) {
    const session = issuedCredentials(ctx.sandbox).get(ctx.accessKeyId);
    if (session) {
      return {
        UserId: `${session.roleId}:${session.sessionName}`,
        Account: session.accountId,
        Arn: `arn:aws:sts::${session.accountId}:assumed-role/${session.roleName}/${session.sessionName}`,
      };
    }
    return { UserId: ctx.accountId, Account: ctx.accountId, Arn: `arn:aws:iam::${ctx.accountId}:root` };
  },
});
