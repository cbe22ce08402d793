import { PIN_MATCH_PATTERN } from '../pin/host';

/**
 * The only sites the extension touches (SPEC §9): the manifest's `host_permissions`. Chrome grants them at install;
 * Firefox treats MV3 host permissions as optional, so the options page checks them and asks (host-access.ts).
 */
export const HOST_ORIGINS = [
  PIN_MATCH_PATTERN,
  'https://harvest.greenhouse.io/*',
  'https://auth.greenhouse.io/*',
] as const;
