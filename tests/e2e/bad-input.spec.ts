import type { Dataset } from '../pin-app/dataset';
import { loadDataset, SAMPLE_DATASET_PATH } from '../pin-app/server';
import { expect, test } from './fixtures';
import { connectGreenhouse, exportFromProfile, gotoProfile } from './support/pages';
import { pdfText, tally } from './support/sandbox-asserts';

const sample = loadDataset(SAMPLE_DATASET_PATH);
const longName = `\u200fRTL\u200e ${'Ω'.repeat(10_000)} Tail`;
const hostile: Dataset = {
  ...sample,
  candidates: [
    ...sample.candidates,
    {
      ...sample.candidates[0]!,
      id: 'c-extreme',
      name: longName,
      emails: [{ address: 'extreme@example.com', type: 'personal' }],
      experience: Array.from({ length: 200 }, (_, i) => ({
        title: `Role ${i}`,
        company: `Company ${i}`,
        start: '2001-01',
        end: i === 0 ? null : '2002-01',
      })),
    },
  ],
  pipeline: [
    ...sample.pipeline,
    { jobId: 'j-backend', candidateId: 'c-extreme', status: 'sourced', events: [] },
  ],
};

test.use({ pinDataset: hostile, sandboxConfig: { rateLimit: { limit: 1000, windowMs: 30_000 } } });

test('a 10 kB name with RTL marks and a 200-entry history exports once, in full', async ({
  context,
  openOptions,
  sandbox,
}) => {
  const _options = await connectGreenhouse(openOptions);
  const page = await context.newPage();
  const panel = await gotoProfile(page, 'j-backend', 'c-extreme');
  await exportFromProfile(panel, 'Senior Backend Engineer (ENG-101)');
  await expect(panel.getByRole('link', { name: 'Open in Greenhouse' })).toBeVisible({ timeout: 30_000 });
  expect(tally(sandbox)).toEqual({
    candidates: 1,
    applications: 1,
    attachments: 1,
    resumes: 1,
    notes: 1,
    employments: 200,
  });
  expect(sandbox.candidates[0]!.last_name).toBe('Tail');
  expect(sandbox.candidates[0]!.first_name!.length).toBeGreaterThan(10_000);
  expect(await pdfText(sandbox.attachments[0]!.content)).toContain('Role 199');
});
