import { browser } from 'wxt/browser';
import type { ExportItem } from '../model/export-item';

/** The toolbar icon shows how many exports are waiting or running, and a "!" when one failed or needs review. */
export async function updateToolbarBadge(items: ExportItem[]): Promise<void> {
  const pending = items.filter((i) => i.state === 'queued' || i.state === 'running').length;
  const attention = items.some((i) => i.state === 'failed' || i.state === 'needs_review');
  const text = `${pending || ''}${attention ? '!' : ''}`;
  await browser.action.setBadgeText({ text });
  await browser.action.setBadgeBackgroundColor({ color: attention ? '#b42318' : '#1f6f5c' });
  await browser.action.setTitle({
    title: `Pin Greenhouse Sync${pending ? ` · ${pending} in the export queue` : ''}${attention ? ' · needs attention' : ''}`,
  });
}
