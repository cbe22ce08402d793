import { expect, test } from './fixtures';
import { connectGreenhouse, enableRule } from './support/pages';
import { tally } from './support/sandbox-asserts';

// Slow answers so the bulk run is still going when the options page looks at it.
test.use({ sandboxConfig: { latencyMs: 400 } });

test('a bulk run shows progress and an ETA from the rate limit', async ({
  context,
  openOptions,
  sandbox,
}) => {
  const pin = await context.newPage();
  await pin.goto('https://app.pin.com/jobs/j-backend');
  await expect(pin.locator('tr.pipeline-row')).toHaveCount(9);
  const options = await connectGreenhouse(openOptions);
  await enableRule(
    options.page,
    'Senior Backend Engineer',
    'Senior Backend Engineer (ENG-101)',
    "When they're added to an outreach sequence",
  );
  await options.page.reload();
  const group = options.page.getByRole('group', { name: 'Senior Backend Engineer' });
  await group.getByRole('button', { name: 'Export 3 candidates who already met this trigger' }).click();
  await group
    .getByRole('alertdialog', { name: 'Confirm export' })
    .getByRole('button', { name: 'Export 3' })
    .click();

  const progress = options.page.getByRole('status', { name: 'Export progress' });
  await expect(progress).toContainText('waiting or running');
  await expect(progress).toContainText(/about \d+ (s|min) left at Greenhouse’s rate limit/);
  await expect.poll(() => tally(sandbox).notes, { timeout: 30_000 }).toBe(3);
  await expect(progress).toHaveCount(0);
  await expect(
    options.page.getByRole('region', { name: 'Activity' }).locator('tr[data-item-state="done"]'),
  ).toHaveCount(3);
});
