import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { sendCommand } from '@/lib/messaging/client';

/**
 * "Your data" (SPEC §13): what the extension keeps is in PRIVACY.md (shipped as privacy.html); "Erase all data" names
 * what is still queued and asks before dropping it, then leaves nothing behind.
 */
export function DataSection({ onErased }: { onErased: () => void }) {
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const summary = useQuery({
    queryKey: ['activity', 'summary'],
    queryFn: () => sendCommand('activity.summary', {}),
    enabled: confirming,
  });
  const erase = useMutation({
    mutationFn: () => sendCommand('data.erase', { confirm: true }),
    onSuccess: () => onErased(),
  });
  const waiting = summary.data
    ? summary.data.queued + summary.data.running + summary.data.failed + summary.data.needsReview
    : null;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>Your data</h2>
      <p>
        What the extension reads, sends (to Greenhouse only) and keeps in this browser, and for how long:{' '}
        <a href={browser.runtime.getURL('/privacy.html')} target="_blank" rel="noopener noreferrer">
          Privacy policy
        </a>
        .
      </p>
      {!confirming ? (
        <button type="button" className="danger" onClick={() => setConfirming(true)}>
          Erase all data
        </button>
      ) : (
        <div role="alertdialog" aria-label="Erase all data" className="confirm">
          <p>
            This erases the Greenhouse connection and its secret, rules and settings, the activity log, sync
            records, what Pin showed, and the Greenhouse index, from this browser. Greenhouse and Pin keep
            their own data.
          </p>
          {waiting === null ? (
            <p>Checking the export queue…</p>
          ) : waiting > 0 ? (
            <p className="warning">
              {waiting} {waiting === 1 ? 'export is' : 'exports are'} still queued or unfinished and will not
              be sent.
            </p>
          ) : (
            <p>No export is waiting.</p>
          )}
          <button
            type="button"
            className="danger"
            disabled={waiting === null || erase.isPending}
            onClick={() => erase.mutate()}
          >
            Erase everything
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
          {erase.isError && <p role="alert">{erase.error.message}</p>}
        </div>
      )}
    </section>
  );
}
