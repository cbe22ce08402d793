import { defineConfig } from '@playwright/test';

/** `npm run test:firefox`: the Firefox build in a real Firefox (see fixtures.ts). One Firefox at a time. */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  workers: 1,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  retries: 0,
  reporter: [['list']],
});
