import { createRequire } from 'node:module';
import { defineConfig } from 'wxt';
import { PHONE_PLANS_FILE } from './lib/background/phone-plans';
import { OVERLAY_PANEL_FILE } from './lib/overlay/panel-contract';
import { HOST_ORIGINS } from './lib/permissions/hosts';
import { PIN_MATCH_PATTERN } from './lib/pin/host';

// The manifest is the shipped contract: no test-only hosts. Tests route these real
// origins to the demo Pin app and the Harvest sandbox instead.
export default defineConfig({
  // Firefox too: an MV3 build with a background event page (WXT writes `background.scripts` for Firefox).
  manifestVersion: 3,
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  hooks: {
    // libphonenumber's numbering plans as a file the worker reads when it first needs them (phone-plans.ts).
    'build:publicAssets': (_wxt, files) => {
      files.push({
        absoluteSrc: createRequire(import.meta.url).resolve('libphonenumber-js/metadata.min.json'),
        relativeDest: PHONE_PLANS_FILE.slice(1),
      });
    },
  },
  // AMO's sources zip: what builds the extension, not what runs produced.
  zip: {
    excludeSources: [
      'demo-output/**',
      'bench-results.json',
      'test-results/**',
      'playwright-report/**',
      '*.log',
    ],
  },
  manifest: ({ browser }) => ({
    name: 'Pin Greenhouse Sync',
    description:
      'Sends Pin candidates into Greenhouse Recruiting: synced badges, Export to ATS, per-job automation.',
    permissions: ['storage', 'alarms'],
    host_permissions: [...HOST_ORIGINS],
    // The overlay's React panel, imported by the content script only on Pin pages that show one (see
    // lib/overlay/panel-contract.ts). Only Pin's origin may load it, and only by the per-session URL.
    web_accessible_resources: [
      { resources: [OVERLAY_PANEL_FILE.slice(1)], matches: [PIN_MATCH_PATTERN], use_dynamic_url: true },
    ],
    action: { default_title: 'Pin Greenhouse Sync' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'pin-greenhouse-sync@pin-greenhouse-sync.dev',
              // MV3 event pages, storage.session, permissions.request for host access: all in Firefox 140 ESR.
              // data_collection_permissions needs 140 too.
              strict_min_version: '140.0',
              // Candidate data read on Pin pages goes to the Greenhouse account the user connects.
              data_collection_permissions: {
                required: ['personallyIdentifyingInfo', 'websiteContent', 'authenticationInfo'],
              },
            },
            // Firefox for Android reads data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
