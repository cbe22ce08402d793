import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId } from 'react';
import { browser } from 'wxt/browser';
import { hasHostAccess, requestHostAccess } from '@/lib/permissions/host-access';
import { HOST_ORIGINS } from '@/lib/permissions/hosts';

const hostAccessKey = ['host-access'] as const;
const hostOf = (pattern: string) => pattern.replace(/^https:\/\//, '').replace(/\/\*$/, '');

/**
 * Access to Pin and Greenhouse. Chrome grants it at install; Firefox may not (MV3 host permissions are optional
 * there), and without it the overlay cannot appear and Greenhouse cannot be reached.
 */
export function HostAccessSection() {
  const client = useQueryClient();
  const id = useId();
  const access = useQuery({ queryKey: hostAccessKey, queryFn: hasHostAccess });
  const request = useMutation({
    // Called straight from the click: browsers ask for permissions only during a user gesture.
    mutationFn: requestHostAccess,
    onSettled: () => client.invalidateQueries({ queryKey: hostAccessKey }),
  });
  // Access granted or revoked elsewhere (the add-ons manager, another tab) shows here at once.
  useEffect(() => {
    const refresh = () => void client.invalidateQueries({ queryKey: hostAccessKey });
    browser.permissions.onAdded.addListener(refresh);
    browser.permissions.onRemoved.addListener(refresh);
    return () => {
      browser.permissions.onAdded.removeListener(refresh);
      browser.permissions.onRemoved.removeListener(refresh);
    };
  }, [client]);
  const granted = access.data === true;
  return (
    <section aria-labelledby={id} className={granted ? 'host-access' : 'host-access host-access--missing'}>
      <h2 id={id}>Site access</h2>
      <p role="status">
        {access.isPending
          ? 'Checking access…'
          : granted
            ? 'Access to Pin and Greenhouse: granted'
            : 'Access to Pin and Greenhouse: not granted. Without it the extension cannot show anything on Pin or reach Greenhouse.'}
      </p>
      <ul className="host-list" aria-label="Sites the extension needs">
        {HOST_ORIGINS.map((origin) => (
          <li key={origin}>
            <code>{hostOf(origin)}</code>
          </li>
        ))}
      </ul>
      {!granted && !access.isPending && (
        <button
          type="button"
          className="primary"
          disabled={request.isPending}
          onClick={() => request.mutate()}
        >
          Allow access to Pin and Greenhouse
        </button>
      )}
      {request.data === false && (
        <p role="alert">The browser did not grant access. Try again and choose Allow.</p>
      )}
      {request.isError && <p role="alert">{request.error.message}</p>}
    </section>
  );
}
