import { createHarvestClient } from '../../lib/greenhouse/client';
import type { GovernorClock } from '../../lib/greenhouse/governor';
import { memoryTokenCache } from '../../lib/greenhouse/token';
import { DEMO_CREDENTIAL } from '../harvest-sandbox/fixtures';
import { HarvestSandbox } from '../harvest-sandbox/sandbox';
import type { SandboxConfig } from '../harvest-sandbox/types';

export function setup(
  config: SandboxConfig | HarvestSandbox = {},
  options: { credential?: { clientId: string; clientSecret: string }; clock?: GovernorClock } = {},
) {
  // A sandbox passed in is shared: two clients on one Greenhouse are two teammates' browsers.
  const sandbox = config instanceof HarvestSandbox ? config : new HarvestSandbox(config);
  const credential = options.credential ?? DEMO_CREDENTIAL;
  const client = createHarvestClient({
    credentials: async () => ({ clientId: credential.clientId, clientSecret: credential.clientSecret }),
    tokenCache: memoryTokenCache(),
    fetch: sandbox.fetch,
    clock: options.clock,
  });
  return { sandbox, client };
}
