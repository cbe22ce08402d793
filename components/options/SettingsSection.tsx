import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { sendCommand } from '@/lib/messaging/client';

const VISIBILITY = [
  { value: 'private', label: 'Private (the note’s author and admins)' },
  { value: 'admin_only', label: 'Admin only' },
  { value: 'public', label: 'Public (everyone who can see the candidate)' },
] as const;

export function SettingsSection() {
  const client = useQueryClient();
  const settings = useQuery({ queryKey: ['settings'], queryFn: () => sendCommand('settings.get', {}) });
  const save = useMutation({
    mutationFn: (noteVisibility: (typeof VISIBILITY)[number]['value']) =>
      sendCommand('settings.set', { noteVisibility }),
    onSuccess: (data) => client.setQueryData(['settings'], data),
  });
  const id = useId();
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Notes</h2>
      <label htmlFor={id}>Visibility of the “Sourced from Pin” note</label>{' '}
      <select
        id={id}
        value={settings.data?.noteVisibility ?? 'private'}
        disabled={!settings.data || save.isPending}
        onChange={(e) => save.mutate(e.target.value as (typeof VISIBILITY)[number]['value'])}
      >
        {VISIBILITY.map((v) => (
          <option key={v.value} value={v.value}>
            {v.label}
          </option>
        ))}
      </select>
      {save.isError && <p role="alert">{save.error.message}</p>}
    </section>
  );
}
