import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['lib/**/*.test.{ts,tsx}', 'components/**/*.test.{ts,tsx}', 'tests/bench/**/*.test.ts'],
    environment: 'node',
    restoreMocks: true,
    // The background keeps what grows with use in IndexedDB: every test gets an in-memory one.
    setupFiles: ['fake-indexeddb/auto'],
  },
});
