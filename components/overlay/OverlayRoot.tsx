import { useEffect, useState } from 'react';
import { sendCommand } from '@/lib/messaging/client';

type Link = { state: 'checking' } | { state: 'ready'; version: string } | { state: 'error'; message: string };

export function OverlayRoot() {
  const [link, setLink] = useState<Link>({ state: 'checking' });
  useEffect(() => {
    sendCommand('ping', {})
      .then((answer) => setLink({ state: 'ready', version: answer.version }))
      .catch((error: unknown) =>
        setLink({ state: 'error', message: error instanceof Error ? error.message : String(error) }),
      );
  }, []);
  return (
    <section className="pgs-panel" aria-label="Pin Greenhouse Sync">
      <p className="pgs-title">Pin Greenhouse Sync</p>
      <p data-pgs-link={link.state}>
        {link.state === 'checking' && 'Starting…'}
        {link.state === 'ready' && `Extension ready (v${link.version})`}
        {link.state === 'error' && `Extension unavailable: ${link.message}`}
      </p>
    </section>
  );
}
