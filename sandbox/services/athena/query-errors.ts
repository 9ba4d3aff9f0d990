// Why a query FAILED, as Athena tells it: Status.StateChangeReason and Status.AthenaError (ErrorCategory
// 1 system, 2 user; ErrorType from Athena's error catalog), with Trino's error names and "line L:C" positions.
// These are query outcomes, not API errors: StartQueryExecution succeeds and the query ends FAILED.

/** ErrorType values of Athena's error catalog (docs: athena/latest/ug/error-reference). */
export const ErrorType = {
  internalService: 100,
  engineInternal: 200,
  resultsWriteFailed: 401,
  userError: 1000,
  dataError: 1001,
  ddlTaskFailed: 1003,
  schemaError: 1004,
  syntaxError: 1006,
  queryCanceled: 1011,
  invalidArgument: 1100,
  invalidFunctionArgument: 1106,
  tableNotFound: 1110,
  notSupported: 1200,
  entityNotFound: 1301,
  functionNotFound: 1303,
  bucketNotFound: 1306,
} as const;

export interface AthenaErrorInfo {
  ErrorCategory: number;
  ErrorType: number;
  Retryable: boolean;
  ErrorMessage: string;
}

export class QueryFailure extends Error {
  constructor(
    readonly category: 1 | 2 | 3,
    readonly errorType: number,
    message: string,
    readonly retryable = false,
  ) {
    super(message);
  }

  get athenaError(): AthenaErrorInfo {
    return { ErrorCategory: this.category, ErrorType: this.errorType, Retryable: this.retryable, ErrorMessage: this.message };
  }

  /** A parse error at a position: Trino's "line 1:1: mismatched input 'x'. Expecting: ...". */
  static syntax(line: number, col: number, text: string): QueryFailure {
    return new QueryFailure(2, ErrorType.syntaxError, `line ${line}:${col}: ${text}`);
  }

  static columnNotFound(line: number, col: number, name: string): QueryFailure {
    return new QueryFailure(2, ErrorType.syntaxError, `COLUMN_NOT_FOUND: line ${line}:${col}: Column '${name}' cannot be resolved or requester is not authorized to access requested resources`);
  }

  static tableNotFound(line: number, col: number, qualified: string): QueryFailure {
    return new QueryFailure(2, ErrorType.tableNotFound, `TABLE_NOT_FOUND: line ${line}:${col}: Table '${qualified}' does not exist`);
  }

  static schemaNotFound(line: number, col: number, qualified: string): QueryFailure {
    return new QueryFailure(2, ErrorType.entityNotFound, `SCHEMA_NOT_FOUND: line ${line}:${col}: Schema '${qualified}' does not exist`);
  }

  static catalogNotFound(line: number, col: number, name: string): QueryFailure {
    return new QueryFailure(2, ErrorType.entityNotFound, `CATALOG_NOT_FOUND: line ${line}:${col}: Catalog '${name}' does not exist`);
  }

  static functionNotFound(line: number, col: number, name: string): QueryFailure {
    return new QueryFailure(2, ErrorType.functionNotFound, `FUNCTION_NOT_FOUND: line ${line}:${col}: Function '${name}' not registered`);
  }

  /** Something real Athena runs that this sandbox does not: named, with where it appears. */
  static notSupported(what: string, at?: { line: number; col: number }): QueryFailure {
    const where = at ? `line ${at.line}:${at.col}: ` : '';
    return new QueryFailure(2, ErrorType.notSupported, `NOT_SUPPORTED: ${where}${what} is not supported by the sandbox's Athena`);
  }

  /** A Hive DDL failure, worded as Athena relays Hive's DDLTask errors. */
  static ddl(message: string): QueryFailure {
    return new QueryFailure(2, ErrorType.ddlTaskFailed, message);
  }

  static data(message: string): QueryFailure {
    return new QueryFailure(2, ErrorType.dataError, message);
  }

  static user(message: string, errorType: number = ErrorType.userError): QueryFailure {
    return new QueryFailure(2, errorType, message);
  }

  static internal(message: string): QueryFailure {
    return new QueryFailure(1, ErrorType.engineInternal, `GENERIC_INTERNAL_ERROR: ${message}`, true);
  }

  static outputBucket(bucket: string): QueryFailure {
    return new QueryFailure(2, ErrorType.bucketNotFound, `Unable to verify/create output bucket ${bucket}`);
  }

  static invalidOutputLocation(): QueryFailure {
    return new QueryFailure(
      2,
      ErrorType.invalidArgument,
      'The S3 location provided to save your query results is invalid. Please check your S3 location is correct and is in the same region and try again. If you continue to see the issue, contact customer support for further assistance.',
    );
  }

  static cancelled(): QueryFailure {
    return new QueryFailure(2, ErrorType.queryCanceled, 'Query cancelled by user');
  }

  /** A query the sandbox was running when its process ended. */
  static interrupted(): QueryFailure {
    return new QueryFailure(1, ErrorType.internalService, 'Query did not finish: the sandbox stopped while it was running. Run the query again.', true);
  }
}
