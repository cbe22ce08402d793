import type { BrowserContext, Page, Worker } from '@playwright/test';
import { ADMIN_USER_ID, ALL_SCOPES } from '../harvest-sandbox/fixtures';
import type { HarvestSandbox } from '../harvest-sandbox/sandbox';
import type { RecordedRequest } from '../harvest-sandbox/types';
import type { Dataset } from '../pin-app/dataset';
import { generateLargeDataset } from '../pin-app/generate-large';
import type { PinApp } from '../pin-app/server';
import { expect, routeWorlds, test } from './fixtures';
import { openOptionsPage } from './support/drive';
import { extensionWorker, launchWithExtension } from './support/extension';
import { enableRule, gotoProfile, OptionsPage } from './support/pages';
import { tally } from './support/sandbox-asserts';
import { watchEvery } from './support/watch';

const REPLIED = 'When they reply to an email';
const TEAM_JOB = 'Team pipeline';
const BACKEND_GH = 'Senior Backend Engineer (ENG-101)';

/** A credential like the demo one, without harvest:candidates:destroy. */
const NO_DESTROY = {
  clientId: 'no-destroy-client',
  clientSecret: 'no-destroy-secret',
  scopes: ALL_SCOPES.filter((s) => s !== 'harvest:candidates:destroy'),
};

/** Ten people in one Pin job, each with an email and no résumé to make (the race is about people, not PDFs). */
function teamDataset(): Dataset {
  const data = generateLargeDataset(10);
  return {
    jobs: [{ id: 'j-team', title: TEAM_JOB }],
    candidates: data.candidates.map((c) => ({ ...c, sourcedByPin: false })),
    pipeline: data.pipeline.map((p) => ({ ...p, jobId: 'j-team', status: 'in_sequence' })),
  };
}

interface Teammate {
  context: BrowserContext;
  worker: Worker;
  options: Page;
}

/** A recruiter's browser: its own profile with the extension, the same Pin and the same Greenhouse, the rule on. */
async function teammate(
  pinApp: PinApp,
  sandbox: HarvestSandbox,
  jobTitle: string,
  credential = { clientId: 'demo-client-id', clientSecret: 'demo-client-secret' },
): Promise<Teammate> {
  const context = await launchWithExtension();
  await routeWorlds(context, pinApp, sandbox);
  const worker = await extensionWorker(context);
  const pin = await context.newPage();
  await pin.goto('https://app.pin.com/jobs');
  await expect(pin.locator('main a[href^="/jobs/"]').first()).toBeVisible();
  const options = new OptionsPage(await openOptionsPage(context));
  await options.connect({ ...credential, actAs: String(ADMIN_USER_ID) });
  await options.expectConnected();
  await enableRule(options.page, jobTitle, BACKEND_GH, REPLIED);
  // No page of the job is open: the rule runs from the background watcher.
  await pin.close();
  return { context, worker, options: options.page };
}

/** Holds each person's creates until every browser's has arrived (keyed by email): the race, made explicit. */
function holdCreates(sandbox: HarvestSandbox, browsers: number, people: number) {
  sandbox.injectFault({
    method: 'POST',
    path: '/v3/candidates',
    times: browsers * people,
    action: {
      type: 'gather',
      count: browsers,
      timeoutMs: 30_000,
      key: (r: RecordedRequest) =>
        (r.body as { email_addresses?: { value: string }[] }).email_addresses?.[0]?.value ?? 'no email',
    },
  });
}

/** Every export in one browser's activity log, as its options page reads it. */
async function activity(options: Page) {
  return options.evaluate(async () => {
    const answer = (await chrome.runtime.sendMessage({ type: 'activity.list', payload: {} })) as {
      ok: boolean;
      data: { state: string; warnings: string[]; pinCandidateId: string }[];
    };
    return answer.data;
  });
}

/** All browsers' watchers check at the same moment, every two seconds. */
async function inPhase(team: readonly Teammate[]) {
  const at = Date.now() + 3_000;
  await Promise.all(team.map((t) => watchEvery(t.worker, 2, at)));
}

test.describe('teams: one person, however many browsers run the rule', () => {
  test('the second browser, seeing the reply two seconds later, adds no second person or application', async ({
    pinApp,
    sandbox,
  }) => {
    test.setTimeout(120_000); // two browsers, each launched, connected and given a rule
    const [a, b] = (await Promise.all(
      [0, 1].map(() => teammate(pinApp, sandbox, 'Senior Backend Engineer')),
    )) as [Teammate, Teammate];
    try {
      // Both rules are on before the reply; the second browser's watcher is held back until we let it check.
      await watchEvery(b.worker, 60, Date.now() + 600_000);
      await watchEvery(a.worker, 1);
      pinApp.event({ jobId: 'j-backend', candidateId: 'c-wang', type: 'replied' });
      await expect
        .poll(() => tally(sandbox), { timeout: 20_000 })
        .toMatchObject({ candidates: 1, applications: 1, notes: 1, attachments: 1 });
      await a.options.waitForTimeout(2_000);
      // The teammate's browser sees the same reply two seconds later: it finds the person and their application.
      await watchEvery(b.worker, 1);
      await expect
        .poll(async () => (await activity(b.options)).map((i) => i.state), { timeout: 20_000 })
        .toEqual(['done']);
      const pinB = await b.context.newPage();
      const panelB = await gotoProfile(pinB, 'j-backend', 'c-wang');
      await expect(panelB.getByText('Already on Senior Backend Engineer in Greenhouse')).toBeVisible();
      expect(tally(sandbox)).toMatchObject({ candidates: 1, applications: 1, notes: 1, attachments: 1 });
      expect(sandbox.deleted).toEqual([]);
    } finally {
      await Promise.all([a.context.close(), b.context.close()]);
    }
  });

  test.describe('three browsers, ten replies at once', () => {
    test.use({ pinDataset: teamDataset(), sandboxConfig: { rateLimit: { limit: 2_000, windowMs: 30_000 } } });
    test.setTimeout(150_000);

    test('with harvest:candidates:destroy: exactly ten people, ten applications on the job and ten notes', async ({
      pinApp,
      sandbox,
    }) => {
      const team = await Promise.all([0, 1, 2].map(() => teammate(pinApp, sandbox, TEAM_JOB)));
      try {
        holdCreates(sandbox, 3, 10);
        await inPhase(team);
        for (let i = 1; i <= 10; i++)
          expect(pinApp.event({ jobId: 'j-team', candidateId: `c-gen-${i}`, type: 'replied' })).toEqual({
            ok: true,
          });
        await expect
          .poll(
            async () => (await Promise.all(team.map((t) => activity(t.options)))).flat().map((i) => i.state),
            {
              timeout: 90_000,
            },
          )
          .toEqual(Array.from({ length: 30 }, () => 'done'));
        // Every browser created every person at the same moment (each held create was let go by count, not time).
        expect(sandbox.gathered).toHaveLength(10);
        expect(sandbox.gathered.every((g) => g.released === 'count' && g.held === 3)).toBe(true);
        expect(sandbox.candidates).toHaveLength(10);
        expect(sandbox.applications.filter((x) => x.job_id === 5001)).toHaveLength(10);
        expect(sandbox.notes).toHaveLength(10);
        expect(sandbox.deleted).toHaveLength(20);
        const emails = sandbox.candidates.map((c) => c.email_addresses[0]?.value).sort();
        expect(new Set(emails).size).toBe(10);
        // Each person has one application and one note, on the one person that stayed.
        for (const person of sandbox.candidates) {
          expect(sandbox.applications.filter((x) => x.candidate_id === person.id)).toHaveLength(1);
          expect(sandbox.notes.filter((n) => n.candidate_id === person.id)).toHaveLength(1);
        }
      } finally {
        await Promise.all(team.map((t) => t.context.close()));
      }
    });

    test('without it: every remaining duplicate is flagged with both links', async ({ pinApp, sandbox }) => {
      sandbox.addCredential(NO_DESTROY);
      const team = await Promise.all([0, 1, 2].map(() => teammate(pinApp, sandbox, TEAM_JOB, NO_DESTROY)));
      try {
        holdCreates(sandbox, 3, 10);
        await inPhase(team);
        for (let i = 1; i <= 10; i++)
          pinApp.event({ jobId: 'j-team', candidateId: `c-gen-${i}`, type: 'replied' });
        await expect
          .poll(
            async () => (await Promise.all(team.map((t) => activity(t.options)))).flat().map((i) => i.state),
            {
              timeout: 90_000,
            },
          )
          .toEqual(Array.from({ length: 30 }, () => 'done'));
        expect(sandbox.gathered.every((g) => g.released === 'count' && g.held === 3)).toBe(true);
        expect(sandbox.candidates).toHaveLength(30);
        expect(sandbox.deleted).toEqual([]);
        const warnings = (await Promise.all(team.map((t) => activity(t.options))))
          .flat()
          .flatMap((i) => i.warnings)
          .filter((w) => w.startsWith('Possible duplicate'));
        // Per person: the three people with that email are all named together in a warning.
        const byEmail = new Map<string, number[]>();
        for (const c of sandbox.candidates) {
          const email = c.email_addresses[0]!.value;
          byEmail.set(email, [...(byEmail.get(email) ?? []), c.id]);
        }
        expect(byEmail.size).toBe(10);
        for (const [email, ids] of byEmail) {
          expect(ids).toHaveLength(3);
          const naming = warnings.filter((w) => w.includes(email));
          for (const id of ids)
            expect(naming.some((w) => w.includes(`https://app.greenhouse.io/people/${id}`))).toBe(true);
          const newest = Math.max(...ids);
          const all = naming.find((w) => w.includes(`/people/${newest}`))!;
          for (const id of ids) expect(all).toContain(`https://app.greenhouse.io/people/${id}`);
        }
      } finally {
        await Promise.all(team.map((t) => t.context.close()));
      }
    });
  });
});
