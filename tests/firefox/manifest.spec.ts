import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { FIREFOX_EXTENSION_DIR, GECKO_ID } from './support/firefox';

test('the Firefox build is MV3 with an event page, a gecko id and the same narrow permissions', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8'));
  expect(manifest.manifest_version).toBe(3);
  expect(manifest.background.scripts).toEqual(['background.js']);
  expect(manifest.background.service_worker).toBeUndefined();
  expect(manifest.browser_specific_settings.gecko).toMatchObject({
    id: GECKO_ID,
    strict_min_version: '140.0',
  });
  expect(manifest.permissions.sort()).toEqual(['alarms', 'storage']);
  // One web-accessible file, the lazily imported overlay panel: for Pin's origin only, by the session's URL.
  expect(manifest.web_accessible_resources).toEqual([
    { resources: ['overlay-panel.js'], matches: ['https://app.pin.com/*'], use_dynamic_url: true },
  ]);
  expect(manifest.host_permissions.sort()).toEqual([
    'https://app.pin.com/*',
    'https://auth.greenhouse.io/*',
    'https://harvest.greenhouse.io/*',
  ]);
  expect(manifest.content_scripts.map((c: { matches: string[] }) => c.matches)).toEqual([
    ['https://app.pin.com/*'],
  ]);
});
