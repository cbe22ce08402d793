import { defineConfig } from 'wxt';
import { PIN_MATCH_PATTERN } from './lib/pin/host';

// The manifest is the shipped contract: no test-only hosts. Tests route these real
// origins to the demo Pin app and the Harvest sandbox instead.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: {
    name: 'Pin Greenhouse Sync',
    description:
      'Sends Pin candidates into Greenhouse Recruiting: synced badges, Export to ATS, per-job automation.',
    permissions: ['storage', 'alarms'],
    host_permissions: [PIN_MATCH_PATTERN, 'https://harvest.greenhouse.io/*', 'https://auth.greenhouse.io/*'],
    action: { default_title: 'Pin Greenhouse Sync' },
    browser_specific_settings: {
      gecko: {
        id: 'pin-greenhouse-sync@pin-greenhouse-sync.dev',
        strict_min_version: '140.0',
        // Candidate data read on Pin pages goes to the Greenhouse account the user connects.
        data_collection_permissions: {
          required: ['personallyIdentifyingInfo', 'websiteContent', 'authenticationInfo'],
        },
      },
    },
  },
});
