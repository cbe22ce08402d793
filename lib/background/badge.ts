import { browser } from 'wxt/browser';
import type { ExportItem } from '../model/export-item';
import { WATCH_LABEL, type WatchStatus } from '../model/watch';

/**
 * The toolbar icon: how many exports are waiting or running, and a "!" when one failed or needs review, or when an
 * enabled rule is not being watched (its title says which rule and what to do).
 */
export async function updateToolbarBadge(
  items: ExportItem[],
  unwatched: readonly { title: string; status: WatchStatus }[] = [],
  /** Why exports are paused (storage refused a write), or null. */
  paused: string | null = null,
): Promise<void> {
  const pending = items.filter((i) => i.state === 'queued' || i.state === 'running').length;
  const failing = items.some((i) => i.state === 'failed' || i.state === 'needs_review');
  const attention = failing || unwatched.length > 0 || paused !== null;
  const text = `${pending || ''}${attention ? '!' : ''}`;
  const rules = unwatched
    .map((r) => ` · Rule “${r.title}” is not watched: ${WATCH_LABEL[r.status]}`)
    .join('');
  await browser.action.setBadgeText({ text });
  await browser.action.setBadgeBackgroundColor({ color: attention ? '#b42318' : '#1f6f5c' });
  await browser.action.setTitle({
    title: `Pin Greenhouse Sync${paused ? ` · Exports paused: ${paused}` : ''}${pending ? ` · ${pending} in the export queue` : ''}${failing ? ' · needs attention' : ''}${rules}`,
  });
}
