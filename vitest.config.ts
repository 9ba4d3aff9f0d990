import { defineConfig } from 'vitest/config';

// Tests run the TypeScript sources directly; the CLI tests run the compiled binary (built by `npm test`).
export default defineConfig({
  test: {
    // Node 20 is supported here; the SDK's notice that future releases need Node 22 is noise in test output.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
