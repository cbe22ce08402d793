import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FIREFOX_EXTENSION_DIR } from './firefox';

/**
 * Firefox exposes no way to run code in an extension's content-script world over WebDriver BiDi (Chromium's CDP
 * does: tests/e2e/support/content-script.ts). So the secret test installs a copy of the production build with one
 * extra content script, this probe, beside the real one: it runs with exactly the rights of the extension's content
 * script on Pin. When the page sets `data-pgs-probe-go`, it tries every way a content script could reach the secret
 * and writes what it got to `data-pgs-probe-result`. Nothing else in the copy differs from the shipped build.
 */
const PROBE = `(() => {
  const run = async () => {
    const found = {};
    const attempt = async (name, fn) => {
      try { found[name] = JSON.stringify(await fn()); } catch (e) { found[name] = 'error: ' + (e && e.message); }
    };
    await attempt('storage.local', () => browser.storage.local.get(null));
    await attempt('storage.session', () => browser.storage.session.get(null));
    await attempt('storage.sync', () => browser.storage.sync.get(null));
    await attempt('indexedDB', () => indexedDB.databases());
    await attempt('secret store', () => new Promise((resolve, reject) => {
      const open = indexedDB.open('pin-greenhouse-sync');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        resolve([...db.objectStoreNames]);
        db.close();
      };
    }));
    for (const type of ['connection.status', 'settings.get', 'activity.list']) {
      await attempt(type, () => browser.runtime.sendMessage({ type, payload: {} }));
    }
    document.documentElement.setAttribute('data-pgs-probe-result', JSON.stringify(found));
  };
  new MutationObserver((_, observer) => {
    if (!document.documentElement.hasAttribute('data-pgs-probe-go')) return;
    observer.disconnect();
    void run();
  }).observe(document.documentElement, { attributes: true });
})();`;

export function makeProbeBuild(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pgs-firefox-probe-'));
  fs.cpSync(FIREFOX_EXTENSION_DIR, dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'content-scripts', 'pgs-probe.js'), PROBE);
  const manifestPath = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as {
    content_scripts: { matches: string[]; js: string[] }[];
  };
  manifest.content_scripts.push({
    matches: manifest.content_scripts[0]!.matches,
    js: ['content-scripts/pgs-probe.js'],
  });
  fs.writeFileSync(manifestPath, JSON.stringify(manifest));
  return dir;
}
