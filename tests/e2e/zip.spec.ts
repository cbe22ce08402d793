import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AdmZip from 'adm-zip';
import { expect, routeWorlds, test } from './fixtures';
import { launchWithExtension } from './support/extension';
import { gotoProfile } from './support/pages';

const OUTPUT = path.resolve(import.meta.dirname, '../../.output');
const VERSION = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8'),
).version;

/** The store zip `npm run zip` made, unpacked the way a reviewer (or "Load unpacked") sees it. */
function unpack(kind: 'chrome' | 'firefox'): string {
  const zip = path.join(OUTPUT, `pin-greenhouse-sync-${VERSION}-${kind}.zip`);
  if (!fs.existsSync(zip)) throw new Error(`No ${zip}: run "npm run zip" first.`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `pgs-${kind}-zip-`));
  new AdmZip(zip).extractAllTo(dir, true);
  return dir;
}

test('the Chrome zip installs: unpacked into Chromium, its overlay mounts on a Pin profile', async ({
  pinApp,
  sandbox,
}) => {
  const dir = unpack('chrome');
  expect(JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'))).toMatchObject({
    manifest_version: 3,
    version: VERSION,
    action: { default_popup: 'popup.html' },
  });
  const context = await launchWithExtension({ extensionDir: dir });
  try {
    await routeWorlds(context, pinApp, sandbox);
    const panel = await gotoProfile(await context.newPage(), 'j-backend', 'c-ada');
    await expect(panel).toContainText('Greenhouse is not connected.');
  } finally {
    await context.close();
  }
});

test('the Firefox zip passes web-ext lint with no errors', () => {
  const dir = unpack('firefox');
  const webExt = path.resolve(import.meta.dirname, '../../node_modules/.bin/web-ext');
  const output = execFileSync(
    webExt,
    ['lint', '--source-dir', dir, '--no-config-discovery', '--output', 'json'],
    {
      encoding: 'utf8',
    },
  );
  const report = JSON.parse(output) as { count: number; summary: { errors: number }; errors: unknown[] };
  expect(report.summary.errors).toBe(0);
  expect(report.errors).toEqual([]);
});

test('the content script that loads with every Pin page ships without a schema or phone library', () => {
  for (const kind of ['chrome', 'firefox'] as const) {
    const script = fs.readFileSync(path.join(unpack(kind), 'content-scripts/pin.js'), 'utf8');
    // zod's error class and libphonenumber's metadata: either one would be evaluated on every Pin page.
    expect(script).not.toContain('ZodError');
    expect(script).not.toContain('country_calling_codes');
    expect(script.length).toBeLessThan(64 * 1024);
  }
});

test('the toolbar popup loads no schema library (it should open in under 100 ms)', () => {
  for (const kind of ['chrome', 'firefox'] as const) {
    const dir = unpack(kind);
    const html = fs.readFileSync(path.join(dir, 'popup.html'), 'utf8');
    // Every script the popup page loads, by its module script and its preloads.
    const scripts = [...html.matchAll(/(?:src|href)="\/(chunks\/[^"]+\.js)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const file of scripts)
      expect(fs.readFileSync(path.join(dir, file), 'utf8')).not.toContain('ZodError');
  }
});
