// The benchmarks' load shape: `count` calls with at most `inFlight` awaiting an answer at any time.

/** Runs call(0) … call(count - 1), `inFlight` at a time; rejects with the first failure. */
export async function inFlight(count: number, concurrency: number, call: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await call(next++);
    }),
  );
}
