import type { HarvestApi } from '../greenhouse/api';
import type { CommandOutput } from '../messaging/protocol';
import type { Handlers } from '../messaging/router';
import type { PresenceMatchView, RowBadge } from '../messaging/views';
import { greenhouseProfileUrl } from '../model/links';
import type { ReviewMatch } from '../model/match';
import type { PinCandidate } from '../model/pin';
import type { SyncRecord } from '../model/sync-record';
import type { SyncStore } from '../sync/store';
import type { ConnectionService } from './connection';
import type { PresenceService } from './presence';
import { ShownRows, type ShownRowsStore } from './shown-rows';
import { type StageService, stageLabel } from './stages';

const matchView = (m: Pick<ReviewMatch, 'id' | 'name' | 'reasons'>): PresenceMatchView => ({
  id: m.id,
  name: m.name,
  reasons: m.reasons,
  url: greenhouseProfileUrl(m.id),
});

/**
 * The commands that show what Greenhouse already knows on Pin pages (SPEC §7, §11): stages on synced badges,
 * "In Greenhouse" on profiles and pipeline rows, the export preview, and the options page's index section.
 */
export function presenceHandlers(deps: {
  connection: ConnectionService;
  store: SyncStore;
  presence: PresenceService;
  stages: StageService;
  /** The digest of what was taken from these rows of a job (lib/model/row-digest.ts). */
  seenRows?: (jobId: string, candidateIds: readonly string[]) => Promise<number[]>;
  /** Which of these rows of a job the extension has taken, as candidate id → `signatureHash` (row-digest.ts). */
  takenRows?: (jobId: string, candidateIds: readonly string[]) => Promise<Record<string, number>>;
  /** Where the rows each pipeline showed last are kept across worker starts. */
  shownRowsStore?: ShownRowsStore;
  /** Starts the resume PDF of a profile whose export dialog opened. */
  prepareResume?: (candidate: PinCandidate, pinJobId: string) => Promise<void> | void;
}): Pick<Handlers, 'pin.rowBadges' | 'pin.presence' | 'pin.preview' | 'index.status' | 'index.refresh'> & {
  stageOf: (record: SyncRecord) => Promise<{ label: string; readAt: number } | null>;
  /** `pin.jobRows` without the job's title (routes.ts adds it). */
  jobRows: (jobId: string) => Promise<Omit<CommandOutput<'pin.jobRows'>, 'jobTitle'>>;
} {
  const { connection, store, presence, stages } = deps;
  const shown = new ShownRows(undefined, deps.shownRowsStore);

  /** Greenhouse for reading, when connected and accepted; null otherwise (nothing is read then). */
  const readApi = async (): Promise<{ api: HarvestApi; granted: (scope: string) => boolean } | null> => {
    const current = await connection.current();
    if (!current || current.needsReconnect) return null;
    return {
      api: connection.client.api(current.actAsUserId),
      granted: (scope) => current.scopes[scope] === 'granted',
    };
  };

  const refreshStages = async (records: SyncRecord[]) => {
    const reader = await readApi();
    if (reader?.granted('harvest:applications:list') && records.length)
      void stages.refresh(reader.api, records).catch(() => {});
  };

  /** The row badges of these candidates: synced (with the stage known now), or found in the presence index. */
  const badgesOf = async (pinCandidateIds: readonly string[]) => {
    const records = await store.recordsOf(pinCandidateIds);
    const synced = Object.values(records);
    void refreshStages(synced);
    const out: Record<string, RowBadge> = {};
    const entries = await stages.getMany(synced.map((r) => r.applications.at(-1)?.applicationId ?? null));
    synced.forEach((record, i) => {
      const entry = entries[i];
      out[record.pinCandidateId] = {
        kind: 'synced',
        url: greenhouseProfileUrl(record.greenhouseCandidateId),
        stage: entry ? stageLabel(entry) : null,
      };
    });
    const inGreenhouse = await presence.rowsInGreenhouse(pinCandidateIds.filter((id) => !records[id]));
    for (const [id, match] of Object.entries(inGreenhouse))
      out[id] = { kind: 'in_greenhouse', url: greenhouseProfileUrl(match.id), reasons: match.reasons };
    return out;
  };

  return {
    /** The stage of the record's latest application, as known now; a stale one is read again in the background. */
    stageOf: async (record) => {
      void refreshStages([record]);
      presence.refreshIfStale();
      const entry = await stages.get(record.applications.at(-1)?.applicationId ?? null);
      const label = entry ? stageLabel(entry) : null;
      return entry && label ? { label, readAt: entry.readAt } : null;
    },

    'pin.rowBadges': async ({ pinCandidateIds, jobId }) => {
      presence.refreshIfStale();
      if (jobId !== undefined) shown.note(jobId, pinCandidateIds);
      // Read while the badges are worked out; a digest that cannot be read only means the page sends every row.
      const seen =
        jobId !== undefined && deps.seenRows
          ? deps.seenRows(jobId, pinCandidateIds).catch(() => null)
          : Promise.resolve(null);
      return { badges: await badgesOf(pinCandidateIds), seen: await seen };
    },

    // Asked when a pipeline page starts loading, for the rows a page of that job showed last: they are most likely
    // the ones it shows again. Their stages are refreshed as for `pin.rowBadges`.
    jobRows: async (jobId) => {
      presence.refreshIfStale();
      const covered = await shown.of(jobId);
      const [taken, badges] = await Promise.all([
        covered.length && deps.takenRows ? deps.takenRows(jobId, covered) : {},
        badgesOf(covered),
      ]);
      return { covered, badges, taken };
    },

    'pin.presence': async ({ candidate }) => {
      presence.refreshIfStale();
      const reader = await readApi();
      if (!reader || (await store.record(candidate.id))) return { matches: [], linkedInReady: false };
      // This is also the prefetch: Export reuses these lookups for 60 s, so the click needs no lookup round trip.
      const result = await presence.matcher.match(reader.api, candidate);
      return { matches: result.matches.map(matchView), linkedInReady: result.linkedInReady };
    },

    'pin.preview': async ({ candidate, pinJobId, greenhouseJobId }) => {
      void deps.prepareResume?.(candidate, pinJobId);
      const record = await store.record(candidate.id);
      const reader = await readApi();
      const ready = (await presence.indexer.state()).phase === 'ready';
      if (record)
        return {
          action: {
            kind: 'synced',
            alreadyOnJob: record.applications.some((a) => a.greenhouseJobId === greenhouseJobId),
          },
          linkedInReady: ready,
        };
      const result = reader
        ? await presence.matcher.match(reader.api, candidate)
        : { matches: [], linkedInReady: ready };
      if (result.matches.length > 1)
        return {
          action: { kind: 'review', matches: result.matches.map(matchView) },
          linkedInReady: result.linkedInReady,
        };
      const [only] = result.matches;
      if (only) {
        let alreadyOnJob = false;
        if (reader && greenhouseJobId !== null && reader.granted('harvest:applications:list')) {
          const applications = await reader.api.applicationsOfCandidate(only.id);
          alreadyOnJob = applications.some((a) => a.job_id === greenhouseJobId && a.prospect !== true);
        }
        return {
          action: { kind: 'link', person: matchView(only), alreadyOnJob },
          linkedInReady: result.linkedInReady,
        };
      }
      return {
        action: {
          kind: 'create',
          name: candidate.name,
          emails: candidate.emails.length,
          phones: candidate.phones.length,
          employments: candidate.experience.length,
          resume: candidate.sourcedByPin,
        },
        linkedInReady: result.linkedInReady,
      };
    },

    'index.status': () => presence.view(),
    'index.refresh': async () => {
      if (!(await readApi())) return presence.view();
      return presence.refreshNow();
    },
  };
}
