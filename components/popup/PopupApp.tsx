import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { browser } from 'wxt/browser';
import { sendCommand } from '@/lib/messaging/client';
import type { PopupView } from '@/lib/messaging/views';
import { PIN_ORIGIN } from '@/lib/pin/host';
import { changeSignalItem } from '@/lib/storage/page-items';

const popupKey = ['popup'] as const;

const ago = (at: number) => {
  const minutes = Math.round((Date.now() - at) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  return new Date(at).toLocaleString();
};

/** Opens an extension page in a tab and closes the popup (links in a popup do not navigate it). */
function openPage(path: string) {
  void browser.tabs.create({ url: browser.runtime.getURL(path as '/options.html') });
  window.close();
}

function Connection({ view }: { view: PopupView }) {
  if (!view.connected)
    return (
      <p role="status">
        Greenhouse is not connected.{' '}
        <button type="button" className="link" onClick={() => openPage('/options.html')}>
          Connect it
        </button>
      </p>
    );
  return (
    <p role="status">
      Connected{view.actingUserName ? ` as ${view.actingUserName}` : ''}
      {view.needsReconnect && (
        <span className="warn"> · Greenhouse stopped accepting the credential: reconnect it</span>
      )}
    </p>
  );
}

function Queue({ view }: { view: PopupView }) {
  const client = useQueryClient();
  const retry = useMutation({
    mutationFn: () => sendCommand('export.retryFailed', {}),
    onSettled: () => client.invalidateQueries({ queryKey: popupKey }),
  });
  const { running, waiting, failed, needsReview } = view.queue;
  return (
    <section aria-labelledby="queue-heading">
      <h2 id="queue-heading">Export queue</h2>
      {view.paused && <p role="alert">Exports paused: {view.paused}</p>}
      <ul className="counts" aria-label="Export queue">
        <li>
          <strong>{running}</strong> running
        </li>
        <li>
          <strong>{waiting}</strong> waiting
        </li>
        <li className={failed ? 'warn' : ''}>
          <strong>{failed}</strong> failed
        </li>
        {needsReview > 0 && (
          <li className="warn">
            <strong>{needsReview}</strong> need review
          </li>
        )}
      </ul>
      {failed > 0 && (
        <button type="button" className="primary" disabled={retry.isPending} onClick={() => retry.mutate()}>
          Retry all failed
        </button>
      )}
      {retry.isSuccess && (
        <p role="status">
          {retry.data.retried} {retry.data.retried === 1 ? 'export' : 'exports'} back in line.
        </p>
      )}
    </section>
  );
}

function Rules({ view }: { view: PopupView }) {
  return (
    <section aria-labelledby="rules-heading">
      <h2 id="rules-heading">Rules</h2>
      {view.rules.length === 0 ? (
        <p className="muted">No rule is enabled.</p>
      ) : (
        <ul className="rules">
          {view.rules.map((rule) => (
            <li key={rule.pinJobId} data-status={rule.watch?.status ?? 'pending'}>
              <span className="rule-title">{rule.pinJobTitle}</span>
              <span className="muted"> → {rule.greenhouseJobName ?? 'prospects'}</span>
              <br />
              {rule.watch?.status === 'signed_out' ? (
                <a href={PIN_ORIGIN} target="_blank" rel="noopener noreferrer">
                  {rule.watch.label}
                </a>
              ) : (
                <span
                  className={
                    rule.watch && rule.watch.status !== 'background' && rule.watch.status !== 'tab'
                      ? 'warn'
                      : ''
                  }
                >
                  {rule.watch?.label ?? 'Enabled'}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The toolbar popup (SPEC §13): the connection, the queue, each enabled rule and how it is watched, the last sync. */
export function PopupApp() {
  const client = useQueryClient();
  const status = useQuery({ queryKey: popupKey, queryFn: () => sendCommand('popup.status', {}) });
  useEffect(
    () => changeSignalItem.watch(() => void client.invalidateQueries({ queryKey: popupKey })),
    [client],
  );
  const view = status.data;
  return (
    <main>
      <h1>Pin Greenhouse Sync</h1>
      {status.isError && <p role="alert">The extension could not answer: {status.error.message}</p>}
      {view && (
        <>
          <Connection view={view} />
          <Queue view={view} />
          <Rules view={view} />
          <section aria-labelledby="last-heading">
            <h2 id="last-heading">Last sync</h2>
            {view.lastSync ? (
              <p>
                {view.lastSync.url?.startsWith('https://app.greenhouse.io/') ? (
                  <a href={view.lastSync.url} target="_blank" rel="noopener noreferrer">
                    {view.lastSync.candidateName}
                  </a>
                ) : (
                  view.lastSync.candidateName
                )}{' '}
                <span className="muted">
                  ({view.lastSync.pinJobTitle}, {ago(view.lastSync.at)})
                </span>
              </p>
            ) : (
              <p className="muted">Nothing synced yet.</p>
            )}
          </section>
        </>
      )}
      <nav aria-label="More">
        <button type="button" className="link" onClick={() => openPage('/options.html')}>
          Settings
        </button>
        <button type="button" className="link" onClick={() => openPage('/options.html#activity')}>
          Activity log
        </button>
        <button type="button" className="link" onClick={() => openPage('/privacy.html')}>
          Privacy
        </button>
      </nav>
    </main>
  );
}
