import type { Dataset } from '../pin-app/dataset';
import { loadDataset, SAMPLE_DATASET_PATH } from '../pin-app/server';
import { expect, test } from './fixtures';
import { connectGreenhouse, exportFromProfile, gotoProfile } from './support/pages';
import { tally } from './support/sandbox-asserts';

/** Ada, whose third entry (a previous job) has no start date in Pin: three previous jobs and the current one. */
const sample = loadDataset(SAMPLE_DATASET_PATH);
const dataset: Dataset = {
  ...sample,
  candidates: sample.candidates.map((c) =>
    c.id === 'c-ada'
      ? { ...c, experience: c.experience.map((x, i) => (i === 2 ? { ...x, start: null } : x)) }
      : c,
  ),
};

test.describe('Greenhouse answers that differ from its document', () => {
  test.use({ pinDataset: dataset, sandboxConfig: { drift: true, employmentStartDate: 'optional' } });

  test('an export against drifted answers ends synced, with one of everything and an employment per job', async ({
    context,
    openOptions,
    sandbox,
  }) => {
    await connectGreenhouse(openOptions);
    const page = await context.newPage();
    const panel = await gotoProfile(page, 'j-backend', 'c-ada');
    await exportFromProfile(panel, 'Senior Backend Engineer (ENG-101)');
    const badge = panel.getByRole('link', { name: 'Open in Greenhouse' });
    await expect(badge).toBeVisible();
    await expect(panel.locator('[data-pgs-state="failed"]')).toHaveCount(0);
    expect(tally(sandbox)).toEqual({
      candidates: 1,
      applications: 1,
      attachments: 1,
      resumes: 1,
      notes: 1,
      employments: 4,
    });
    expect(sandbox.employments.map((e) => e.start_date)).toContain(null);
    // Every answer the extension read was drifted, and it still linked the badge to the real ids.
    const [person] = sandbox.candidates;
    const [application] = sandbox.applications;
    await expect(badge).toHaveAttribute(
      'href',
      `https://app.greenhouse.io/people/${person!.id}?application_id=${application!.id}`,
    );
    await expect(panel.locator('.pgs-warning')).toHaveCount(0);
  });
});

test.describe('committed writes whose answers cannot be read', () => {
  test.use({ sandboxConfig: { unreadable: true } });

  test('every write answered with an unreadable 2xx: read back, synced once, nothing failed', async ({
    context,
    openOptions,
    sandbox,
  }) => {
    await connectGreenhouse(openOptions);
    const page = await context.newPage();
    const panel = await gotoProfile(page, 'j-backend', 'c-wang');
    await exportFromProfile(panel, 'Senior Backend Engineer (ENG-101)');
    await expect(panel.getByRole('link', { name: 'Open in Greenhouse' })).toBeVisible();
    await expect(panel.locator('[data-pgs-state="failed"]')).toHaveCount(0);
    expect(sandbox.requests.filter((r) => r.unreadable).length).toBeGreaterThanOrEqual(5);
    expect(tally(sandbox)).toEqual({
      candidates: 1,
      applications: 1,
      attachments: 1,
      resumes: 1,
      notes: 1,
      employments: 2,
    });
    const writes = sandbox.writes().map((w) => `${w.path} ${JSON.stringify(w.body)}`);
    expect(new Set(writes).size).toBe(writes.length);
  });
});
