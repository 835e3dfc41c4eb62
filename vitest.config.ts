import { defineConfig } from 'vitest/config';

// Tests run on the built package (dist/), i.e. the real wasm; `npm test` builds it first (pretest).
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 600_000,
    pool: 'forks',
    reporters: ['default'],
  },
});
