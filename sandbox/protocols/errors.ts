// The one error type handlers throw: an AWS error code, its message and HTTP status.
// Each protocol codec turns it into that protocol's wire shape.

export class ServiceError extends Error {
  readonly code: string;
  readonly status: number;
  /** Sender (client) or Receiver (server) fault, as awsQuery reports it. */
  readonly fault: 'Sender' | 'Receiver';
  /** Extra fields some errors carry on the wire (S3's BucketName, Key, ...). */
  readonly fields: Record<string, string>;

  constructor(code: string, message: string, status = 400, fields: Record<string, string> = {}) {
    super(message);
    this.name = code;
    this.code = code;
    this.status = status;
    this.fault = status >= 500 ? 'Receiver' : 'Sender';
    this.fields = fields;
  }
}

export function validationError(message: string): ServiceError {
  return new ServiceError('ValidationException', message, 400);
}

export function serializationError(message: string): ServiceError {
  return new ServiceError('SerializationException', message, 400);
}

export function internalFailure(): ServiceError {
  return new ServiceError('InternalFailure', 'The request processing has failed because of an unknown error, exception or failure.', 500);
}

export function isServiceError(err: unknown): err is ServiceError {
  return err instanceof ServiceError;
}
