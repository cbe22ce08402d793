import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';

/**
 * Before `npm test` runs anything, its browser tests need a Chromium (Playwright drives the extension in it) and a
 * Firefox ESR (puppeteer-core drives the Firefox build). Found by CHROMIUM_PATH / FIREFOX_PATH or Debian's paths;
 * when one is missing and this machine can install it (root, with apt), it is installed as `.ci/run` does; otherwise
 * the test run stops here, once, saying what to run.
 */
const BROWSERS = [
  {
    name: 'Chromium',
    env: 'CHROMIUM_PATH',
    paths: ['/usr/bin/chromium', '/usr/bin/chromium-browser'],
    apt: 'chromium',
  },
  {
    name: 'Firefox ESR',
    env: 'FIREFOX_PATH',
    paths: ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/usr/lib/firefox-esr/firefox-esr'],
    apt: 'firefox-esr',
  },
] as const;

function found(browser: (typeof BROWSERS)[number]): string | null {
  const fromEnv = process.env[browser.env];
  if (fromEnv) return fs.existsSync(fromEnv) ? fromEnv : null;
  return browser.paths.find((p) => fs.existsSync(p)) ?? null;
}

const missing = BROWSERS.filter((b) => !found(b));
const misnamed = BROWSERS.filter((b) => process.env[b.env] && !fs.existsSync(process.env[b.env]!));
const canInstall =
  process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;

if (missing.length && !misnamed.length && canInstall) {
  const packages = missing.map((b) => b.apt);
  console.log(`[preflight] installing Debian's ${packages.join(' and ')} for the browser tests`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...packages], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env,
  });
}

const stillMissing = BROWSERS.filter((b) => !found(b));
if (stillMissing.length) {
  const what = stillMissing
    .map((b) =>
      process.env[b.env] ? `${b.name} (${b.env}=${process.env[b.env]} does not exist)` : `${b.name}`,
    )
    .join(' and ');
  console.error(
    `npm test needs ${what} for its browser tests. Install them with:\n\n    sudo apt-get install -y ${stillMissing
      .map((b) => b.apt)
      .join(' ')}\n\nor name other binaries with ${stillMissing.map((b) => b.env).join(' / ')}.`,
  );
  process.exit(1);
}
console.log(`[preflight] ${BROWSERS.map((b) => `${b.name}: ${found(b)}`).join(', ')}`);
