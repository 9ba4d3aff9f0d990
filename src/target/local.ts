// The `local` target's constants: where the embedded sandbox listens and the fixed credentials it accepts.

export const LOCAL_ENDPOINT = 'http://127.0.0.1:4566';
export const LOCAL_REGION = 'us-east-1';
export const LOCAL_CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' } as const;
/** The account the sandbox reports for LOCAL_CREDENTIALS. */
export const LOCAL_ACCOUNT_ID = '000000000000';
export const SANDBOX_START_COMMAND = 'lab sandbox start';
