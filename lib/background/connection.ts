import { createHarvestClient, type HarvestClient } from '../greenhouse/client';
import { isGreenhouseError, MESSAGES } from '../greenhouse/errors';
import { OPTIONAL_SCOPES, REQUIRED_SCOPES, type Scope } from '../greenhouse/scopes';
import { type ClientCredentials, memoryTokenCache } from '../greenhouse/token';
import { AppFailure } from '../messaging/envelope';
import type { ConnectionView } from '../messaging/views';
import type { Connection } from '../model/connection';
import type { TokenCache } from '../model/token';
import { connectionItem } from '../storage/items';
import type { SecretStore } from '../storage/secret-store';

export function viewOf(connection: Connection | null, secretSaved: boolean): ConnectionView {
  const scopes = [
    ...REQUIRED_SCOPES.map((scope) => ({ scope, required: true })),
    ...OPTIONAL_SCOPES.map((scope) => ({ scope, required: false })),
  ].map((s) => ({ ...s, status: connection?.scopes[s.scope] ?? ('missing' as const) }));
  return {
    connected: connection !== null && secretSaved,
    clientId: connection?.clientId ?? null,
    actAsUserId: connection?.actAsUserId ?? null,
    actingUserName: connection?.actingUserName ?? null,
    openJobs: connection?.openJobs ?? null,
    scopes,
    missingRequired: connection
      ? scopes.filter((s) => s.required && s.status === 'missing').map((s) => s.scope)
      : [],
    needsReconnect: connection?.needsReconnect ?? null,
    secretSaved,
  };
}

function asFailure(error: unknown): AppFailure {
  if (error instanceof AppFailure) return error;
  if (isGreenhouseError(error)) {
    if (error.kind === 'invalid_credentials') return new AppFailure('invalid_credentials', error.message);
    if (error.kind === 'unreachable') return new AppFailure('unreachable', MESSAGES.unreachable);
    return new AppFailure(error.kind, error.message);
  }
  return new AppFailure('internal', error instanceof Error ? error.message : String(error));
}

/** Connects, checks and disconnects the Greenhouse credential; owns the Harvest client built from it. */
export class ConnectionService {
  readonly client: HarvestClient;

  constructor(
    private readonly deps: {
      secrets: SecretStore;
      tokenCache: TokenCache & { clear(): Promise<void> };
      fetch?: typeof fetch;
      onDispatch?: () => void;
    },
  ) {
    this.client = createHarvestClient({
      credentials: () => this.credentials(),
      clientId: async () => (await this.stored())?.clientId ?? null,
      tokenCache: deps.tokenCache,
      fetch: deps.fetch,
      ...(deps.onDispatch ? { onDispatch: deps.onDispatch } : {}),
    });
  }

  /** Read once per worker life and kept in the worker's memory (never anywhere a page can reach). */
  private cached: Promise<ClientCredentials | null> | null = null;

  credentials(): Promise<ClientCredentials | null> {
    this.cached ??= (async () => {
      const connection = await this.stored();
      const secret = await this.deps.secrets.get();
      return connection && secret ? { clientId: connection.clientId, clientSecret: secret } : null;
    })();
    return this.cached;
  }

  private forgetCredentials(): void {
    this.cached = null;
    this.secretSaved = null;
    this.client.tokens.forget();
  }

  /** The saved connection, read once per worker life: this service makes every write of it. */
  private saved: Promise<Connection | null> | null = null;

  private stored(): Promise<Connection | null> {
    this.saved ??= connectionItem.getValue();
    this.saved.catch(() => {
      this.saved = null;
    });
    return this.saved;
  }

  private async store(connection: Connection | null): Promise<void> {
    await connectionItem.setValue(connection);
    this.saved = Promise.resolve(connection);
  }

  /** The saved connection, secret or not (the options page's view and reconnect messages). */
  savedConnection(): Promise<Connection | null> {
    return this.stored();
  }

  async current(): Promise<Connection | null> {
    const connection = await this.stored();
    return connection && (await this.credentials()) ? connection : null;
  }

  async view(): Promise<ConnectionView> {
    // The secret changes only through this worker (connect, disconnect): read once per worker life for the view.
    this.secretSaved ??= this.deps.secrets.get().then(Boolean);
    this.secretSaved.catch(() => {
      this.secretSaved = null;
    });
    return viewOf(await this.stored(), await this.secretSaved);
  }
  private secretSaved: Promise<boolean> | null = null;

  /**
   * Mints a token with the given credential, probes every scope, checks the act-as user, and saves the credential
   * when it works (even with missing scopes, which the checklist then shows). Nothing is saved on failure.
   */
  async connect(input: {
    clientId: string;
    clientSecret: string;
    actAsUserId: number | null;
  }): Promise<ConnectionView> {
    const credentials = { clientId: input.clientId.trim(), clientSecret: input.clientSecret };
    const trial = createHarvestClient({
      credentials: async () => credentials,
      tokenCache: memoryTokenCache(),
      fetch: this.deps.fetch,
    });
    try {
      await trial.tokens.getToken(null);
      const service = trial.api(null);
      const all: Scope[] = [...REQUIRED_SCOPES, ...OPTIONAL_SCOPES];
      const results = await Promise.all(
        all.map(async (scope) => [scope, await service.probeScope(scope)] as const),
      );
      const scopes = Object.fromEntries(results);
      let actingUserName: string | null = null;
      const { actAsUserId } = input;
      if (actAsUserId !== null) {
        actingUserName = await this.checkActAsUser(
          trial,
          actAsUserId,
          scopes['harvest:users:list'] === 'granted',
        );
      }
      let openJobs: number | null = null;
      if (scopes['harvest:jobs:list'] === 'granted')
        openJobs = (await trial.api(actAsUserId).listJobs('open')).length;
      const previous = await this.stored();
      const connection: Connection = {
        clientId: credentials.clientId,
        actAsUserId,
        actingUserName,
        scopes,
        openJobs,
        // Reconnecting the same credential keeps the no-retroactive-sync line where it was.
        connectedAt: previous?.clientId === credentials.clientId ? previous.connectedAt : Date.now(),
        needsReconnect: null,
      };
      await this.deps.secrets.set(credentials.clientSecret);
      await this.deps.tokenCache.clear();
      await this.store(connection);
      this.forgetCredentials();
      return viewOf(connection, true);
    } catch (error) {
      throw asFailure(error);
    }
  }

  private async checkActAsUser(
    trial: HarvestClient,
    userId: number,
    canListUsers: boolean,
  ): Promise<string | null> {
    try {
      await trial.tokens.getToken(userId);
    } catch (error) {
      if (isGreenhouseError(error) && error.kind === 'forbidden')
        throw new AppFailure('act_as_refused', `${error.message}. Check the user id.`);
      throw error;
    }
    if (canListUsers) {
      const [user] = await trial.api(null).listUsers({ ids: [userId] });
      if (!user) throw new AppFailure('act_as_unknown', `User ${userId} was not found in Greenhouse`);
      if (user.site_admin === false) throw new AppFailure('not_site_admin', MESSAGES.notSiteAdmin(userId));
      return user.name ?? ([user.first_name, user.last_name].filter(Boolean).join(' ') || null);
    }
    try {
      await trial.api(userId).probeScope('harvest:jobs:list');
    } catch (error) {
      if (isGreenhouseError(error) && error.kind === 'forbidden')
        throw new AppFailure('not_site_admin', MESSAGES.notSiteAdmin(userId));
      throw error;
    }
    return null;
  }

  /** Erases the secret and tokens; sync records and the activity log stay. */
  async disconnect(): Promise<ConnectionView> {
    await this.deps.secrets.clear();
    await this.deps.tokenCache.clear();
    await this.store(null);
    this.forgetCredentials();
    return this.view();
  }

  /** Forgets the connection this worker read (after "Erase all data" removed it from storage). */
  forget(): void {
    this.saved = Promise.resolve(null);
    this.forgetCredentials();
  }

  async markNeedsReconnect(message: string): Promise<void> {
    const connection = await this.stored();
    if (connection && connection.needsReconnect !== message)
      await this.store({ ...connection, needsReconnect: message });
  }
}
