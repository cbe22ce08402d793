import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { sendPopupCommand } from '@/lib/messaging/popup-client';
import type { PopupView } from '@/lib/messaging/popup-protocol';
import { PIN_ORIGIN } from '@/lib/pin/host';
import { changeSignalItem } from '@/lib/storage/page-items';

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

function Queue({ view, refresh }: { view: PopupView; refresh: () => void }) {
  const [retry, setRetry] = useState<{ pending: boolean; retried: number | null }>({
    pending: false,
    retried: null,
  });
  const retryAll = async () => {
    setRetry({ pending: true, retried: null });
    const { retried } = await sendPopupCommand('export.retryFailed', {}).catch(() => ({ retried: 0 }));
    setRetry({ pending: false, retried });
    refresh();
  };
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
        <button type="button" className="primary" disabled={retry.pending} onClick={() => void retryAll()}>
          Retry all failed
        </button>
      )}
      {retry.retried !== null && (
        <p role="status">
          {retry.retried} {retry.retried === 1 ? 'export' : 'exports'} back in line.
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
  const [state, setState] = useState<{ view: PopupView | null; error: string | null }>({
    view: null,
    error: null,
  });
  const refresh = useCallback(() => {
    performance.mark('pgs:popup-ask');
    sendPopupCommand('popup.status', {}).then(
      (view) => {
        performance.mark('pgs:popup-answer');
        setState({ view, error: null });
      },
      (error: unknown) =>
        setState((s) => ({ ...s, error: error instanceof Error ? error.message : String(error) })),
    );
  }, []);
  useEffect(() => {
    refresh();
    return changeSignalItem.watch(refresh);
  }, [refresh]);
  const { view } = state;
  return (
    <main>
      <h1>Pin Greenhouse Sync</h1>
      {state.error && <p role="alert">The extension could not answer: {state.error}</p>}
      {view && (
        <>
          <Connection view={view} />
          <Queue view={view} refresh={refresh} />
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
