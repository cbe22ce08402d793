import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { sendCommand } from '@/lib/messaging/client';
import type { ConnectionView } from '@/lib/messaging/views';

export const connectionKey = ['connection'] as const;

function ScopeChecklist({ view }: { view: ConnectionView }) {
  const groups = [
    { title: 'Required permissions', scopes: view.scopes.filter((s) => s.required) },
    { title: 'Optional permissions (used when granted)', scopes: view.scopes.filter((s) => !s.required) },
  ];
  return (
    <>
      {groups.map((group) => (
        <div key={group.title}>
          <h3>{group.title}</h3>
          <ul className="scope-list" aria-label={group.title}>
            {group.scopes.map((s) => (
              <li key={s.scope} data-scope={s.scope} data-status={s.status}>
                <code>{s.scope}</code>{' '}
                <span className={`scope-status scope-status--${s.status}`}>{s.status}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}

/** Connect Greenhouse: the Harvest v3 credential, the scope checklist, and the connected state. */
export function ConnectSection() {
  const client = useQueryClient();
  const status = useQuery({ queryKey: connectionKey, queryFn: () => sendCommand('connection.status', {}) });
  const [clientId, setClientId] = useState('');
  const [clientSecret, setClientSecret] = useState('');
  const [actAs, setActAs] = useState('');
  const [formError, setFormError] = useState<string | null>(null);
  const ids = { clientId: useId(), secret: useId(), actAs: useId(), heading: useId() };

  const connect = useMutation({
    mutationFn: (input: { clientId: string; clientSecret: string; actAsUserId: number | null }) =>
      sendCommand('connection.connect', input),
    onSuccess: (view) => {
      client.setQueryData(connectionKey, view);
      setClientSecret('');
      void client.invalidateQueries({ queryKey: ['greenhouse-jobs'] });
    },
  });
  const disconnect = useMutation({
    mutationFn: () => sendCommand('connection.disconnect', {}),
    onSuccess: (view) => client.setQueryData(connectionKey, view),
  });

  const view = status.data;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const id = clientId.trim() || view?.clientId || '';
    if (!id) return setFormError('Enter the Client ID of your Harvest V3 (OAuth) credential.');
    if (!clientSecret)
      return setFormError(
        'Enter the Client Secret (Greenhouse shows it once, when the credential is created).',
      );
    const actAsText = actAs.trim();
    if (actAsText && !/^[1-9]\d{0,15}$/.test(actAsText)) {
      return setFormError(
        'Act as user ID must be a number: the id at the end of the user’s Greenhouse URL (…/account/users/<id>).',
      );
    }
    connect.mutate({ clientId: id, clientSecret, actAsUserId: actAsText ? Number(actAsText) : null });
  };

  return (
    <section aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>Greenhouse</h2>
      {status.isPending && <p role="status">Checking…</p>}
      {view && (
        <div role="status" className="connection-status" data-connected={view.connected}>
          {view.connected ? (
            <>
              <p>
                <strong>Connected</strong> as{' '}
                {view.actingUserName ??
                  (view.actAsUserId ? `user ${view.actAsUserId}` : 'the credential’s service user')}
                {view.openJobs !== null && ` · ${view.openJobs} open ${view.openJobs === 1 ? 'job' : 'jobs'}`}
              </p>
              {view.missingRequired.length > 0 && (
                <p className="warning">Missing permissions: {view.missingRequired.join(', ')}</p>
              )}
              {view.needsReconnect && (
                <p className="warning">
                  Greenhouse stopped accepting this credential: {view.needsReconnect}. Enter the secret again
                  to reconnect.
                </p>
              )}
            </>
          ) : (
            <p>Not connected</p>
          )}
        </div>
      )}
      <form onSubmit={onSubmit} className="connect-form" noValidate>
        <p className="hint">
          In Greenhouse: Configure → Dev Center → API Credentials → Create new credential →{' '}
          <em>Harvest V3 (OAuth)</em>, grant the permissions listed below, and paste the Client ID and Client
          Secret here.
        </p>
        <label htmlFor={ids.clientId}>Client ID</label>
        <input
          id={ids.clientId}
          autoComplete="off"
          value={clientId}
          placeholder={view?.clientId ?? ''}
          onChange={(e) => setClientId(e.target.value)}
        />
        <label htmlFor={ids.secret}>Client Secret</label>
        <input
          id={ids.secret}
          type="password"
          autoComplete="new-password"
          value={clientSecret}
          placeholder={view?.secretSaved ? '•••••••• saved; enter a new secret to replace it' : ''}
          onChange={(e) => setClientSecret(e.target.value)}
        />
        <label htmlFor={ids.actAs}>Act as user ID</label>
        <input
          id={ids.actAs}
          inputMode="numeric"
          value={actAs}
          placeholder={view?.actAsUserId ? String(view.actAsUserId) : 'Optional: a Site Admin’s user id'}
          onChange={(e) => setActAs(e.target.value)}
        />
        <div className="actions">
          <button type="submit" disabled={connect.isPending}>
            {connect.isPending ? 'Connecting…' : 'Connect'}
          </button>
          {view?.connected && (
            <button type="button" onClick={() => disconnect.mutate()} disabled={disconnect.isPending}>
              Disconnect
            </button>
          )}
        </div>
        {(formError || connect.isError) && (
          <p role="alert" className="error">
            {formError ?? connect.error?.message}
          </p>
        )}
      </form>
      {view?.clientId && <ScopeChecklist view={view} />}
    </section>
  );
}
