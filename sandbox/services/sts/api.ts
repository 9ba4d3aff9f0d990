// What other parts of the sandbox ask STS: which account and secret belong to an access key.

export interface StsApi {
  /** The account an access key acts in: issued temporary keys know theirs; otherwise the SigV4 rule. */
  accountForAccessKey(accessKeyId: string): string;
  /** The secret a key signs with (issued keys have their own; all others use the sandbox secret). */
  secretForAccessKey(accessKeyId: string): string | undefined;
  /** The assumed-role identity behind an issued key, if any. */
  sessionForAccessKey(accessKeyId: string): IssuedCredentials | undefined;
  /** The session a service holds to act as a role (Lambda for a function: session name = function name). */
  serviceSession(roleArn: string, sessionName: string): IssuedCredentials;
}

export interface IssuedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  /** Epoch ms. */
  expiration: number;
  accountId: string;
  roleArn: string;
  roleName: string;
  sessionName: string;
  roleId: string;
}
