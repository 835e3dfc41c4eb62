import { defineConfig } from 'vitest/config';

// The browser benchmark runs under Vitest for its TypeScript and the test tier's browser helpers; it measures and
// prints, it does not assert speed (`npm run bench:browser`).
export default defineConfig({
  test: {
    include: ['bench/**/*.run.ts'],
    testTimeout: 600_000,
    hookTimeout: 120_000,
  },
});
