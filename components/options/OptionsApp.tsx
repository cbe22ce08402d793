import { useQuery } from '@tanstack/react-query';
import { sendCommand } from '@/lib/messaging/client';
import { ActivitySection } from './ActivitySection';
import { ConnectSection, connectionKey } from './ConnectSection';
import { HostAccessSection } from './HostAccessSection';
import { IndexSection } from './IndexSection';
import { PinMappingSection } from './PinMappingSection';
import { RulesSection } from './RulesSection';
import { SettingsSection } from './SettingsSection';

export function OptionsApp() {
  const connection = useQuery({
    queryKey: connectionKey,
    queryFn: () => sendCommand('connection.status', {}),
  });
  return (
    <main>
      <h1>Pin Greenhouse Sync</h1>
      <HostAccessSection />
      <ConnectSection />
      <IndexSection connected={connection.data?.connected ?? false} />
      <RulesSection connected={connection.data?.connected ?? false} />
      <ActivitySection />
      <SettingsSection />
      <PinMappingSection />
    </main>
  );
}
