import type { BrowserContext, Page } from '@playwright/test';

/** Stops the extension's service worker the way Chrome does when it idles out (CDP ServiceWorker.stopAllWorkers). */
export async function stopServiceWorkers(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
  } finally {
    await cdp.detach().catch(() => {});
  }
}
