import type { BrowserContext, Locator, Page } from '@playwright/test';
import { PIN_ORIGIN } from '../../../lib/pin/host';
import { ADMIN_USER_ID, DEMO_CREDENTIAL } from '../../harvest-sandbox/fixtures';
import type { HarvestSandbox } from '../../harvest-sandbox/sandbox';
import type { PinApp } from '../../pin-app/server';
import { routeOriginToHandler, routeOriginToServer } from './routing';

/** Plain helpers (no test assertions) shared by the e2e fixture, `npm run bench` and `npm run demo`. */
export const GREENHOUSE_ORIGINS = ['https://auth.greenhouse.io', 'https://harvest.greenhouse.io'] as const;

/** Routes https://app.pin.com to the demo Pin app and both Greenhouse hosts to the sandbox. */
export async function routeWorlds(
  context: BrowserContext,
  pinApp: PinApp,
  sandbox: HarvestSandbox,
): Promise<void> {
  await routeOriginToServer(context, PIN_ORIGIN, pinApp.url);
  for (const origin of GREENHOUSE_ORIGINS)
    await routeOriginToHandler(context, origin, (request) => sandbox.handle(request));
}

/**
 * The options page: the one already open (the first-run checklist that installing opened, which
 * `launchWithExtension` waits for), else a new tab. Chrome keeps an extension's options page in one tab, so a second
 * one would only be navigated again under the test's feet.
 */
export async function openOptionsPage(context: BrowserContext): Promise<Page> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const url = `chrome-extension://${new URL(worker.url()).host}/options.html`;
  const open = context.pages().find((p) => p.url() === url);
  if (open) return open;
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

/** Fills the demo credential on an options page and waits for the connected state. */
export async function connectDemoCredential(page: Page): Promise<void> {
  const gh = page.getByRole('region', { name: 'Greenhouse', exact: true });
  await gh.getByLabel('Client ID').fill(DEMO_CREDENTIAL.clientId);
  await gh.getByLabel('Client Secret').fill(DEMO_CREDENTIAL.clientSecret);
  await gh.getByLabel('Act as user ID').fill(String(ADMIN_USER_ID));
  await gh.getByRole('button', { name: 'Connect', exact: true }).click();
  await gh.getByText('Connected as').waitFor();
}

/** Opens a Pin profile and its export dialog with a Greenhouse job chosen; returns the overlay and the dialog. */
export async function openExportDialog(
  page: Page,
  path: string,
  jobLabel: string,
): Promise<{ panel: Locator; dialog: Locator }> {
  await page.goto(`${PIN_ORIGIN}${path}`);
  const panel = page.locator('main pin-greenhouse-sync').getByRole('region', { name: 'Greenhouse sync' });
  await panel.getByRole('button', { name: 'Export to ATS' }).click();
  const dialog = panel.getByRole('dialog');
  const select = dialog.getByLabel('Greenhouse job');
  await select.locator('option', { hasText: jobLabel }).waitFor({ state: 'attached' });
  await select.selectOption({ label: jobLabel });
  return { panel, dialog };
}
