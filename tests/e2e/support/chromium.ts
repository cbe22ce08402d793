import fs from 'node:fs';
import { chromium } from '@playwright/test';

/** CHROMIUM_PATH, else Debian's chromium, else a Playwright-managed Chromium if the user installed one. */
export function resolveChromiumPath(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!fs.existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH points to a missing file: ${fromEnv}`);
    return fromEnv;
  }
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (fs.existsSync(candidate)) return candidate;
  }
  const managed = chromium.executablePath();
  if (managed && fs.existsSync(managed)) return managed;
  throw new Error(
    'No Chromium found. Install Debian\'s "chromium" package or set CHROMIUM_PATH to a Chromium binary.',
  );
}

/** Flags for a closed network: without them Chromium keeps dialling Google services. */
export const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
];
