import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { browser } from 'wxt/browser';
import { sendCommand } from '@/lib/messaging/client';
import { ActivitySection } from './ActivitySection';
import { ConnectSection, connectionKey } from './ConnectSection';
import { DataSection } from './DataSection';
import { HostAccessSection } from './HostAccessSection';
import { IndexSection } from './IndexSection';
import { PinMappingSection } from './PinMappingSection';
import { RulesSection } from './RulesSection';
import { SettingsSection } from './SettingsSection';
import { SetupChecklist, useSetupSteps } from './SetupChecklist';

export function OptionsApp() {
  const [erased, setErased] = useState(false);
  const [showSetup, setShowSetup] = useState(location.hash === '#setup');
  const connection = useQuery({
    queryKey: connectionKey,
    queryFn: () => sendCommand('connection.status', {}),
    enabled: !erased,
  });
  const connected = connection.data?.connected ?? false;
  const setup = useSetupSteps(connected);
  if (erased)
    return (
      <main>
        <h1>Pin Greenhouse Sync</h1>
        <section>
          <h2>All data erased</h2>
          <p role="status">Everything the extension kept in this browser is gone.</p>
          <button type="button" onClick={() => location.reload()}>
            Set it up again
          </button>
        </section>
      </main>
    );
  return (
    <main>
      <header className="page-header">
        <h1>Pin Greenhouse Sync</h1>
        <nav aria-label="Help">
          {setup.allDone && (
            <button type="button" className="link" onClick={() => setShowSetup((s) => !s)}>
              Setup checklist
            </button>
          )}{' '}
          <a href={browser.runtime.getURL('/privacy.html')} target="_blank" rel="noopener noreferrer">
            Privacy
          </a>
        </nav>
      </header>
      {setup.loaded && connection.isSuccess && (!setup.allDone || showSetup) && (
        <SetupChecklist steps={setup.steps} />
      )}
      <HostAccessSection />
      <ConnectSection />
      <IndexSection connected={connected} />
      <RulesSection connected={connected} />
      <ActivitySection />
      <SettingsSection />
      <DataSection onErased={() => setErased(true)} />
      <PinMappingSection />
    </main>
  );
}
