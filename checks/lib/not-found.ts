// "No such resource" as AWS says it, for the checks that look things up and the solutions that create
// what is missing: a describe call that fails that way means absent, any other failure is an error.

const NOT_FOUND = new Set(['ResourceNotFoundException', 'NoSuchEntityException']);

export function isNotFound(err: unknown): boolean {
  return NOT_FOUND.has((err as { name?: string }).name ?? '');
}

/** The resource, or undefined when AWS says it does not exist. */
export async function orUndefined<T>(call: Promise<T>): Promise<T | undefined> {
  try {
    return await call;
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}
