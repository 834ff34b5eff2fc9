import { defineConfig } from 'vitest/config';

// In CI a JSON report is written too, so .ci/run can print a one-line "N passed, N failed" summary.
const ci = process.env.CI === 'true';

export default defineConfig({
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'packages/*/test/**/*.test.ts',
      'apps/*/src/**/*.test.ts',
      'apps/*/test/**/*.test.ts',
      // Dashboard component tests; each file opts into happy-dom with a `@vitest-environment` comment.
      'apps/web/src/**/*.test.tsx',
    ],
    testTimeout: 30_000,
    hookTimeout: 90_000,
    pool: 'forks',
    reporters: ci ? ['default', ['json', { outputFile: 'test-results/vitest.json' }]] : ['default'],
  },
});
