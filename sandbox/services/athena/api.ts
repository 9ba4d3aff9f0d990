// What other parts of the sandbox (and its tests) ask Athena in-process: wait for the queries in flight,
// and whether the query engine has been loaded (it loads on the first SELECT, so an idle sandbox stays small).

export interface AthenaApi {
  /** Resolves when every query started so far has finished (SUCCEEDED, FAILED or CANCELLED). */
  settle(): Promise<void>;
  /** Whether DuckDB has been loaded in this process for this sandbox. */
  engineLoaded(): boolean;
}
