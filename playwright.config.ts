import { defineConfig } from '@playwright/test';

import { BOTH_MARKUPS } from './tests/e2e/support/markups';

export default defineConfig<{ pinMarkup: 'classic' | 'utility' }>({
  testDir: './tests/e2e',
  // Each test launches its own persistent Chromium with the built extension; two at a time fits CI machines.
  workers: Number(process.env.PW_WORKERS) || 2,
  fullyParallel: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: 0,
  reporter: [['list']],
  use: { trace: 'retain-on-failure' },
  projects: [
    { name: 'classic', use: { pinMarkup: 'classic' } },
    // Pin's real markup is unknown: the core flows also run against a utility-class markup with no hooks.
    { name: 'utility', use: { pinMarkup: 'utility' }, grep: new RegExp(BOTH_MARKUPS) },
  ],
});
