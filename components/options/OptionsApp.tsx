import { ActivitySection } from './ActivitySection';
import { ConnectSection } from './ConnectSection';
import { SettingsSection } from './SettingsSection';

export function OptionsApp() {
  return (
    <main>
      <h1>Pin Greenhouse Sync</h1>
      <ConnectSection />
      <SettingsSection />
      <ActivitySection />
    </main>
  );
}
