import { defineConfig } from 'vitest/config';

// Tests run the TypeScript sources directly; the CLI tests run the compiled binary (built by `npm test`).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
