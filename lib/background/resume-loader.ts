import { browser, type PublicPath } from 'wxt/browser';
import { RESUME_BUILDER_FILE, RESUME_BUILDER_GLOBAL, type ResumeBuilder } from '../resume/builder';

declare const importScripts: ((...urls: string[]) => void) | undefined;

const published = () =>
  (globalThis as Record<string, unknown>)[RESUME_BUILDER_GLOBAL] as ResumeBuilder | undefined;
const inServiceWorker = () => typeof importScripts === 'function' && typeof document === 'undefined';

/**
 * Chrome's service worker may load a script after it started only if it loaded it while installing: so the worker
 * loads the builder once in its `install` event, and evaluates it again only when a résumé is made. Chrome keeps the
 * imported script with the worker and loads it at every start all the same: `npm run bench` measures 30–55 ms of a
 * cold click on its 1.1 MB (`controlWithOurScripts`). Building résumés in an offscreen document instead would need
 * the `offscreen` permission, which SPEC §9 does not list. Call synchronously while the worker's script first runs.
 */
export function primeResumeBuilder(): void {
  if (!inServiceWorker()) return;
  self.addEventListener('install', () => {
    try {
      importScripts!(RESUME_BUILDER_FILE);
    } catch (error) {
      console.warn('[pin-greenhouse-sync] could not prepare the resume builder', error);
    }
  });
}

let loading: Promise<ResumeBuilder> | null = null;

/** The PDF builder, loaded on first use: importScripts in Chrome's worker, a <script> in Firefox's event page. */
export function loadResumeBuilder(): Promise<ResumeBuilder> {
  const ready = published();
  if (ready) return Promise.resolve(ready);
  loading ??= new Promise<ResumeBuilder>((resolve, reject) => {
    const done = () => {
      const builder = published();
      if (builder) resolve(builder);
      else reject(new Error('The resume builder did not load'));
    };
    if (inServiceWorker()) {
      importScripts!(RESUME_BUILDER_FILE);
      done();
      return;
    }
    const script = document.createElement('script');
    script.src = browser.runtime.getURL(RESUME_BUILDER_FILE as PublicPath);
    script.onload = done;
    script.onerror = () => reject(new Error('The resume builder did not load'));
    document.head.append(script);
  });
  loading.catch(() => {
    loading = null;
  });
  return loading;
}
