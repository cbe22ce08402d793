import type { Worker } from '@playwright/test';

/**
 * A year of use (SPEC §10): what a busy recruiter's browser holds after a year, written straight into the
 * extension's stores from inside its worker (the shapes the product writes: lib/storage/data-db.ts,
 * lib/storage/presence-db.ts). Candidates `c-gen-1`… of the 1,000-row demo pipeline come first in every collection,
 * so a pipeline page shows the year's synced badges.
 */
export interface YearSpec {
  synced: number;
  observations: number;
  finishedItems: number;
  snapshots: number;
  indexedPeople: number;
  /** Of the 1,000-row pipeline (`c-gen-1`…), how many are among the synced. */
  pipelineSynced: number;
}

export const YEAR: YearSpec = {
  synced: 25_000,
  observations: 50_000,
  finishedItems: 1_000,
  snapshots: 2_000,
  indexedPeople: 200_000,
  pipelineSynced: 990,
};

/** Writes the year into the worker's stores; returns how long each part took (ms). */
export async function seedYear(worker: Worker, spec: YearSpec = YEAR): Promise<Record<string, number>> {
  // Run by tsx (the bench), the function below is compiled with esbuild's `__name` helper for its inner functions.
  await worker.evaluate('globalThis.__name ??= (f) => f');
  return worker.evaluate(async (spec) => {
    const timings: Record<string, number> = {};
    // The extension creates its databases (and their stores) when it first uses them: seed after that.
    const open = (name: string) =>
      new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onupgradeneeded = () => {
          request.transaction?.abort();
          reject(new Error(`${name} does not exist yet: connect Greenhouse before seeding`));
        };
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const write = (db: IDBDatabase, store: string, entries: [unknown, IDBValidKey | undefined][]) =>
      new Promise<void>((resolve, reject) => {
        const tx = db.transaction(store, 'readwrite');
        const os = tx.objectStore(store);
        for (const [value, key] of entries) key === undefined ? os.put(value) : os.put(value, key);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
    const inBatches = async (
      db: IDBDatabase,
      store: string,
      count: number,
      make: (i: number) => [unknown, IDBValidKey | undefined],
    ) => {
      const started = performance.now();
      for (let from = 0; from < count; from += 10_000) {
        const batch: [unknown, IDBValidKey | undefined][] = [];
        for (let i = from; i < Math.min(count, from + 10_000); i++) batch.push(make(i));
        await write(db, store, batch);
      }
      timings[store] = Math.round(performance.now() - started);
    };
    const pinId = (i: number) => (i < spec.pipelineSynced ? `c-gen-${i + 1}` : `c-year-${i}`);
    const year = Date.now() - 365 * 24 * 3_600_000;
    const at = (i: number, of: number) => year + Math.floor((i / of) * 360 * 24 * 3_600_000);
    const profile = (id: string, i: number) => ({
      id,
      name: `Year Person ${i}`,
      headline: 'Engineer with a long history',
      location: { city: 'Berlin', state: null, country: 'Germany' },
      emails: [{ address: `year${i}@example.com`, type: 'personal' }],
      phones: ['+49 30 1234567'],
      linkedinUrl: `https://www.linkedin.com/in/year-${i}`,
      experience: Array.from({ length: 12 }, (_, k) => ({
        title: `Engineer level ${k}`,
        company: `Company ${k} of a long career`,
        start: `${2000 + k}-01`,
        end: k === 11 ? null : `${2001 + k}-01`,
      })),
      education: [
        {
          school: 'Technical University',
          degree: 'MSc',
          field: 'Computer Science',
          startYear: 1995,
          endYear: 2000,
        },
      ],
      skills: ['Go', 'TypeScript', 'Kubernetes', 'PostgreSQL', 'Leadership'],
      summary:
        'A summary of a candidate as Pin shows it, a few sentences long, with the usual detail. '.repeat(4),
      sourcedByPin: i % 3 !== 0,
    });

    const data = await open('pin-greenhouse-sync-data');
    await inBatches(data, 'records', spec.synced, (i) => [
      {
        pinCandidateId: pinId(i),
        greenhouseCandidateId: 7_000_000 + i,
        linkedToExisting: i % 5 === 0,
        applications: [
          {
            pinJobId: i < 1_000 ? 'j-large' : `j-year-${i % 40}`,
            greenhouseJobId: 5001,
            applicationId: 8_000_000 + i,
          },
        ],
        syncedAt: at(i, spec.synced),
      },
      pinId(i),
    ]);
    await inBatches(data, 'observations', spec.observations, (i) => {
      const jobId = i < 1_000 ? 'j-large' : `j-year-${i % 40}`;
      const candidateId = i < 1_000 ? `c-gen-${i + 1}` : `c-year-${i}`;
      return [
        {
          jobId,
          candidateId,
          status: 'replied',
          eventTimes: { added_to_sequence: new Date(at(i, spec.observations)).toISOString() },
          firstSeen: { added_to_sequence: at(i, spec.observations) },
          updatedAt: at(i, spec.observations),
        },
        `${jobId}/${candidateId}`,
      ];
    });
    await inBatches(data, 'snapshots', spec.snapshots, (i) => {
      const id = pinId(spec.synced - spec.snapshots + i);
      return [{ id, seenAt: at(i, spec.snapshots), profile: profile(id, i) }, undefined];
    });
    await inBatches(data, 'exports', spec.finishedItems, (i) => {
      const id = `year-item-${i}`;
      const candidate = pinId(spec.synced - spec.finishedItems + i);
      const created = at(i, spec.finishedItems);
      const item = {
        v: 3,
        id,
        pinCandidateId: candidate,
        pinJobId: `j-year-${i % 40}`,
        pinJobTitle: `Year job ${i % 40}`,
        profileUrl: `https://app.pin.com/jobs/j-year-${i % 40}/candidates/${candidate}`,
        candidate: profile(candidate, i),
        greenhouseJobId: 5001,
        greenhouseJobName: 'Senior Backend Engineer',
        reason: { kind: 'trigger', trigger: 'replied', eventAt: new Date(created).toISOString() },
        state: 'done',
        steps: {
          lookup: { status: 'done', matchIds: [], reasons: [] },
          person: { status: 'done', id: 7_000_000 + i, created: true },
          application: { status: 'done', id: 8_000_000 + i },
          employments: Array.from({ length: 12 }, (_, k) => ({ status: 'done', id: 9_000_000 + i * 12 + k })),
          resume: { status: 'done', id: 9_500_000 + i },
          note: { status: 'done', id: 9_800_000 + i },
          converge: { status: 'checked' },
        },
        choice: null,
        review: null,
        attempts: 1,
        nextAttemptAt: null,
        lastError: null,
        warnings: [],
        duplicateChecked: true,
        createdAt: created,
        updatedAt: created + 900,
        finishedAt: created + 900,
      };
      return [{ id, open: 0, pinCandidateId: candidate, createdAt: created, item }, undefined];
    });
    await inBatches(data, 'stages', Math.min(spec.synced, 5_000), (i) => [
      { stage: 'Application Review', status: 'in_process', prospect: false, readAt: at(i, 5_000) },
      String(8_000_000 + i),
    ]);
    data.close();

    // The presence index: two hashed keys (email, LinkedIn) per person, as the index writes them. None: the index the
    // extension built is left as it is.
    if (spec.indexedPeople === 0) return timings;
    const presence = await open('pin-greenhouse-sync-presence');
    const key = (kind: string, i: number) => `${kind}${i.toString(36).padStart(15, 'x')}`;
    await inBatches(presence, 'people', spec.indexedPeople, (i) => [
      [key('e', i), key('l', i)],
      5_000_000 + i,
    ]);
    await inBatches(presence, 'keys', spec.indexedPeople * 2, (i) => [
      [5_000_000 + (i >> 1)],
      key(i % 2 ? 'l' : 'e', i >> 1),
    ]);
    const now = new Date().toISOString();
    await write(presence, 'meta', [
      [
        {
          phase: 'ready',
          next: null,
          people: spec.indexedPeople,
          highWater: now,
          updatedAt: Date.now(),
          lastError: null,
        },
        'state',
      ],
    ]);
    presence.close();
    return timings;
  }, spec);
}
