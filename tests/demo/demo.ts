import fs from 'node:fs';
import path from 'node:path';
import { PIN_ORIGIN } from '../../lib/pin/host';
import { connectDemoCredential, openExportDialog, openOptionsPage, routeWorlds } from '../e2e/support/drive';
import { EXTENSION_DIR, launchWithExtension } from '../e2e/support/extension';
import { ADMIN_USER_ID, DEMO_CREDENTIAL } from '../harvest-sandbox/fixtures';
import { HarvestSandbox } from '../harvest-sandbox/sandbox';
import { loadDataset, SAMPLE_DATASET_PATH, startPinApp } from '../pin-app/server';

/**
 * `npm run demo`: the extension in Chromium against the demo Pin app and the Harvest sandbox. With a display it
 * opens a window to click around in; without one (or with --walkthrough) it runs a scripted walkthrough, saves
 * screenshots to demo-output/ and exits non-zero if a step fails.
 */
const OUT = path.resolve('demo-output');
/** The stores' screenshot size (Chrome Web Store and AMO take 1280×800). */
const STORE_SIZE = { width: 1280, height: 800 };
const README_SHOTS = path.resolve(import.meta.dirname, 'screenshots');
const updateReadme = process.argv.includes('--update-readme');
const walkthrough = process.argv.includes('--walkthrough') || !process.env.DISPLAY || Boolean(process.env.CI);

async function step<T>(name: string, run: () => Promise<T>): Promise<T> {
  const started = Date.now();
  try {
    const result = await run();
    console.log(`✔ ${name} (${Date.now() - started} ms)`);
    return result;
  } catch (error) {
    console.error(`✘ ${name}: ${error instanceof Error ? error.message : String(error)}`);
    throw error;
  }
}

async function main() {
  if (!fs.existsSync(path.join(EXTENSION_DIR, 'manifest.json')))
    throw new Error('Build first: npm run build');
  const pinApp = await startPinApp({ dataset: loadDataset(SAMPLE_DATASET_PATH) });
  const sandbox = new HarvestSandbox();
  const context = await launchWithExtension({ headless: walkthrough });
  await routeWorlds(context, pinApp, sandbox);
  console.log(`Demo Pin app: ${pinApp.url} (served inside the browser as ${PIN_ORIGIN})`);
  console.log(
    `Demo Greenhouse credential: Client ID "${DEMO_CREDENTIAL.clientId}", Client Secret "${DEMO_CREDENTIAL.clientSecret}", Act as user ID ${ADMIN_USER_ID}`,
  );

  if (!walkthrough) {
    const options = await openOptionsPage(context);
    const pin = await context.newPage();
    await pin.goto(`${PIN_ORIGIN}/jobs`);
    await options.bringToFront();
    console.log(
      'A Chromium window is open: paste the credential above into the options page, then browse Pin. Close the window to stop.',
    );
    await new Promise<void>((resolve) => context.on('close', () => resolve()));
    await pinApp.close();
    return;
  }

  fs.mkdirSync(path.join(OUT, 'store'), { recursive: true });
  const shots: string[] = [];
  /** The same scene for the README (demo-output/, and tests/demo/screenshots/ with --update-readme) and the stores. */
  const shoot = async (page: import('@playwright/test').Page, name: string) => {
    await page.setViewportSize(STORE_SIZE);
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(OUT, 'store', `${name}.png`) });
    await page.screenshot({ path: path.join(OUT, `${name}.png`) });
    if (updateReadme) fs.copyFileSync(path.join(OUT, `${name}.png`), path.join(README_SHOTS, `${name}.png`));
    shots.push(name);
  };
  // A person already in Greenhouse under José's email: "In Greenhouse" before any export.
  sandbox.seedCandidate({ first_name: 'José', last_name: 'Cruz', emails: ['jose.cruz@example.com'] });
  const pin = await context.newPage();
  await pin.setViewportSize(STORE_SIZE);
  try {
    await step('Open the Pin jobs list (the extension learns the jobs)', async () => {
      await pin.goto(`${PIN_ORIGIN}/jobs`);
      await pin.locator('.job-card').first().waitFor();
    });
    const options = await openOptionsPage(context);
    await options.setViewportSize(STORE_SIZE);
    await step('First run: the setup checklist, then connect Greenhouse on the options page', async () => {
      await options.getByRole('region', { name: 'Get started' }).waitFor();
      await connectDemoCredential(options);
      await options
        .getByRole('region', { name: 'Greenhouse index', exact: true })
        .getByRole('status')
        .filter({ hasText: /indexed/ })
        .waitFor({ timeout: 30_000 });
      await shoot(options, 'options-connected');
    });
    await step('Enable "When they reply to an email" for Senior Backend Engineer', async () => {
      const group = options.getByRole('group', { name: 'Senior Backend Engineer' });
      await group.getByLabel('Greenhouse job').selectOption({ label: 'Senior Backend Engineer (ENG-101)' });
      await group.getByLabel('Trigger').selectOption({ label: 'When they reply to an email' });
      await group.getByRole('button', { name: 'Enable' }).click();
      await group.getByRole('button', { name: 'Disable' }).waitFor();
      await group.getByText('Watching in the background').waitFor({ timeout: 20_000 });
      await group.scrollIntoViewIfNeeded();
      await shoot(options, 'options-rules');
    });
    await step(
      'A reply arrives in Pin: 王小明 syncs by the rule, the badge appears in the pipeline',
      async () => {
        await pin.goto(`${PIN_ORIGIN}/jobs/j-backend`);
        await pin.locator('tr.pipeline-row').first().waitFor();
        const answer = pinApp.event({ jobId: 'j-backend', candidateId: 'c-wang', type: 'replied' });
        if (!answer.ok) throw new Error(answer.error);
        await pin
          .locator('tr.pipeline-row[data-candidate-id="c-wang"]')
          .getByRole('link', { name: 'Open in Greenhouse' })
          .waitFor({ timeout: 90_000 });
      },
    );
    await step('"In Greenhouse" before export: José is already a Greenhouse person', async () => {
      await pin.goto(`${PIN_ORIGIN}/jobs/j-backend/candidates/c-jose`);
      const panel = pin.locator('main pin-greenhouse-sync').getByRole('region', { name: 'Greenhouse sync' });
      await panel.getByText('In Greenhouse').first().waitFor({ timeout: 15_000 });
      await shoot(pin, 'profile-in-greenhouse');
    });
    await step('Manual "Export to ATS" of Ada Lovelace: the dialog previews what is written', async () => {
      const { panel, dialog } = await openExportDialog(
        pin,
        '/jobs/j-backend/candidates/c-ada',
        'Senior Backend Engineer (ENG-101)',
      );
      await dialog.getByText(/^Create /).waitFor();
      await shoot(pin, 'export-dialog');
      await dialog.getByRole('button', { name: 'Export' }).click();
      await panel.getByRole('link', { name: 'Open in Greenhouse' }).waitFor({ timeout: 15_000 });
      await panel.locator('[data-pgs-stage]').waitFor({ timeout: 15_000 });
      await shoot(pin, 'profile-synced-stage');
    });
    await step('Pipeline badges: synced (with the stage) and "In Greenhouse"', async () => {
      await pin.goto(`${PIN_ORIGIN}/jobs/j-backend`);
      await pin
        .locator('main')
        .getByRole('link', { name: 'Open in Greenhouse' })
        .nth(1)
        .waitFor({ timeout: 15_000 });
      await shoot(pin, 'pipeline-badges');
    });
    await step('The toolbar popup', async () => {
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${new URL(options.url()).host}/popup.html`);
      await popup.getByRole('region', { name: 'Last sync' }).getByRole('link').waitFor();
      await shoot(popup, 'popup');
      await popup.close();
    });
    await step('The options page: activity log, index and data sections', async () => {
      await options.reload();
      await options
        .getByRole('region', { name: 'Activity' })
        .locator('tr[data-item-state="done"]')
        .nth(1)
        .waitFor();
      await options.getByRole('region', { name: 'Activity' }).scrollIntoViewIfNeeded();
      await shoot(options, 'options-activity');
      await options.getByRole('region', { name: 'Your data' }).scrollIntoViewIfNeeded();
      await shoot(options, 'options-data');
    });
    console.log(
      `\nGreenhouse sandbox now holds ${sandbox.candidates.length} people, ${sandbox.applications.length} applications, ` +
        `${sandbox.attachments.length} resumes and ${sandbox.notes.length} notes. Screenshots (${shots.length}, ` +
        `${STORE_SIZE.width}×${STORE_SIZE.height}): ${OUT}${updateReadme ? ` and ${README_SHOTS}` : ''}`,
    );
  } finally {
    await context.close();
    await pinApp.close();
  }
}

main().catch(() => {
  process.exitCode = 1;
});
