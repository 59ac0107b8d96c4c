import { defineConfig } from 'vitest/config';
import { TEST_BUILD_ENV } from './tests/build-day.ts';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Code that reads the build day (the check's "lastReviewed not after today") sees the pinned one.
    env: { ...TEST_BUILD_ENV },
  },
});
