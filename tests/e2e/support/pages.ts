import { expect, type Locator, type Page } from '@playwright/test';
import { ADMIN_USER_ID, DEMO_CREDENTIAL } from '../../harvest-sandbox/fixtures';

/** The options page, driven by its labels like a Greenhouse admin would. */
export class OptionsPage {
  constructor(readonly page: Page) {}

  section(name: string): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }

  async connect(options: { clientId?: string; clientSecret?: string; actAs?: string } = {}): Promise<void> {
    const gh = this.section('Greenhouse');
    await gh.getByLabel('Client ID').fill(options.clientId ?? DEMO_CREDENTIAL.clientId);
    await gh.getByLabel('Client Secret').fill(options.clientSecret ?? DEMO_CREDENTIAL.clientSecret);
    await gh.getByLabel('Act as user ID').fill(options.actAs ?? '');
    await gh.getByRole('button', { name: 'Connect', exact: true }).click();
  }

  async expectConnected(): Promise<void> {
    await expect(this.section('Greenhouse').getByRole('status')).toContainText('Connected');
  }
}

/** The overlay inside its open shadow root on a Pin profile (inline in Pin's main region, either markup). */
export function overlay(page: Page): Locator {
  return page.locator('main pin-greenhouse-sync');
}

/** Where a pipeline row's synced badge goes: beside the link to that candidate's profile, in either markup. */
export function rowNameCell(page: Page, candidateId: string): Locator {
  return page.locator(`main a[href$="/candidates/${candidateId}"]`).locator('xpath=..');
}

/**
 * A viewport height (px) for which every row of a 1,000-row demo pipeline is near the screen (the overlay reads and
 * badges rows from one screen above to one screen below it), for tests that look at every row at once.
 */
export const TALL_ENOUGH_FOR_1000_ROWS = 40_000;

/** The profile links of a pipeline page: one per row, in either markup. */
export function pipelineLinks(page: Page): Locator {
  return page.locator('main a[href*="/candidates/"]');
}

export async function gotoProfile(page: Page, jobId: string, candidateId: string): Promise<Locator> {
  await page.goto(`https://app.pin.com/jobs/${jobId}/candidates/${candidateId}`);
  await expect(page.locator('main h1')).toBeVisible();
  const panel = overlay(page).getByRole('region', { name: 'Greenhouse sync' });
  await expect(panel).toBeVisible();
  return panel;
}

/** Exports the open profile through the dialog, choosing a Greenhouse job by its visible label (or none). */
export async function exportFromProfile(panel: Locator, jobLabel: string | null): Promise<void> {
  await panel.getByRole('button', { name: 'Export to ATS' }).click();
  const dialog = panel.getByRole('dialog', { name: 'Export to Greenhouse' });
  const select = dialog.getByLabel('Greenhouse job');
  if (jobLabel) {
    await expect(select.locator('option', { hasText: jobLabel })).toHaveCount(1);
    await select.selectOption({ label: jobLabel });
  }
  await dialog.getByRole('button', { name: 'Export' }).click();
}

/** Enables the "Export candidates to ATS" rule of a Pin job on the options page. */
export async function enableRule(
  page: Page,
  pinJobTitle: string,
  greenhouseJobLabel: string | null,
  triggerLabel: string,
): Promise<Locator> {
  const section = page.getByRole('region', { name: 'Export candidates to ATS' });
  const group = section.getByRole('group', { name: pinJobTitle });
  await expect(group).toBeVisible();
  if (greenhouseJobLabel)
    await group.getByLabel('Greenhouse job').selectOption({ label: greenhouseJobLabel });
  await group.getByLabel('Trigger').selectOption({ label: triggerLabel });
  await group.getByRole('button', { name: 'Enable' }).click();
  await expect(group.getByRole('button', { name: 'Disable' })).toBeVisible();
  return group;
}

/** Connects the demo credential through the options page, acting as the sandbox's Site Admin. */
export async function connectGreenhouse(
  openOptions: () => Promise<Page>,
  actAs = String(ADMIN_USER_ID),
): Promise<OptionsPage> {
  const options = new OptionsPage(await openOptions());
  await options.connect({ actAs });
  await options.expectConnected();
  return options;
}
