import { defineConfig } from 'vitest/config';

// Tests run the TypeScript sources directly; the CLI tests run the compiled binary (built by `npm test`).
export default defineConfig({
  test: {
    // Node 20 is supported here; the SDK's notice that future releases need Node 22 is noise in test output.
    // Tests read the workbook's English whatever the machine's locale (LANG=ko_KR would pick Korean).
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', LC_ALL: 'C.UTF-8' },
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Most test files wait on a sandbox, child processes or timers rather than compute: on a 2-core
    // machine vitest's default (cores - 1) runs them one at a time; three at once keeps both cores busy.
    poolOptions: { forks: { maxForks: 3, minForks: 1 } },
  },
});
