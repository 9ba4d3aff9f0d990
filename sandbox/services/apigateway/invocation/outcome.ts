// What an integration produced for the client, or why it failed (the reason goes to the sandbox log;
// the client only ever sees API Gateway's generic message, as in AWS).

export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export class IntegrationFailure extends Error {
  /** 500 for configuration errors (no permission, unsupported integration), 502 for a bad function response. */
  constructor(
    readonly status: 500 | 502,
    reason: string,
  ) {
    super(reason);
  }
}
